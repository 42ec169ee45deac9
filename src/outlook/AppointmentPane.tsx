import { useCallback, useEffect, useMemo, useState } from "react";
import { Badge, Button, Text, Title3 } from "@fluentui/react-components";
import type { MeetingLookup, ProjectHeader } from "../../contracts/meetings";
import type { AppointmentInfo, OutlookHost } from "../host/outlook/officeHost";
import type { NaaSession } from "../host/outlook/naaSignIn";
import { useApi } from "../ui/useApi";
import { useLayoutStyles } from "../ui/layoutStyles";
import { ErrorState, Loading } from "../ui/states";
import { DatesProvider, useDates, zoneOf } from "../features/panel/dates/useDates";
import { lookupPath } from "./lookupPath";
import { serverNow } from "../api/serverClock";
import { LinkMeeting } from "./LinkMeeting";
import { OutlookRecap } from "./OutlookRecap";
import { SetUpCall } from "./SetUpCall";

type Read = { state: "loading" } | { state: "error"; message: string } | { state: "ready"; appointment: AppointmentInfo };

/**
 * Reads the open appointment, finds its Callbook meeting, and offers the recap, set-up or linking.
 * Every date in the pane goes through the panel's one formatter (features/panel/dates), in Outlook's
 * display language (`Office.context.displayLanguage`) and the zone of the machine the pane runs on
 * (Office.js gives add-ins no IANA zone of the user).
 */
export function AppointmentPane({ host, naa }: { host: OutlookHost; naa: NaaSession | null }) {
  const zone = useMemo(() => zoneOf({ locale: host.locale ?? null }), [host.locale]);
  return (
    <DatesProvider zone={zone}>
      <AppointmentRead host={host} naa={naa} />
    </DatesProvider>
  );
}

function AppointmentRead({ host, naa }: { host: OutlookHost; naa: NaaSession | null }) {
  const [read, setRead] = useState<Read>({ state: "loading" });
  const [tick, setTick] = useState(0);
  const reread = useCallback(() => setTick((t) => t + 1), []);
  useEffect(() => {
    let live = true;
    setRead({ state: "loading" });
    host
      .readAppointment()
      .then((appointment) => live && setRead({ state: "ready", appointment }))
      .catch((e: unknown) => live && setRead({ state: "error", message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [host, tick]);

  if (read.state === "loading") return <Loading label="Reading the meeting…" />;
  if (read.state === "error") return <ErrorState message={read.message} onRetry={reread} />;
  return <AppointmentMeeting host={host} naa={naa} appointment={read.appointment} onReread={reread} />;
}

function AppointmentMeeting({
  host,
  naa,
  appointment: a,
  onReread,
}: {
  host: OutlookHost;
  naa: NaaSession | null;
  appointment: AppointmentInfo;
  onReread: () => void;
}) {
  const path = lookupPath(a);
  const [lookup, reloadLookup] = useApi<MeetingLookup>(path);
  const [projects, reloadProjects] = useApi<{ projects: ProjectHeader[] }>("/projects");
  const organizer = a.mode === "organizer";
  const layout = useLayoutStyles();
  const dates = useDates();

  const heading = (
    <div className={layout.stackXXS}>
      <Title3 as="h1">{a.subject || "(no subject)"}</Title3>
      <Text size={200} data-testid="appointment-when">
        {a.start ? `${dates.dayOf(a.start)} · ${dates.time(a.start)}` : "No time set"}
        {a.start && a.end ? `–${dates.time(a.end)}` : ""} · {organizer ? "You organise this meeting" : "You are invited"}
      </Text>
    </div>
  );

  const meetingState = !path ? null : lookup;
  if (meetingState?.state === "loading") {
    return (
      <>
        {heading}
        <Loading label="Finding this meeting in Callbook…" />
      </>
    );
  }
  // 404: the meeting is known but on no project yet (the lookup cannot present it): link it below.
  if (meetingState?.state === "error" && meetingState.status !== 404) {
    return (
      <>
        {heading}
        <ErrorState
          message={
            meetingState.status === 403
              ? "This meeting is in Callbook, but on a project you are not on. Ask its project manager to add you."
              : meetingState.message
          }
          onRetry={reloadLookup}
        />
      </>
    );
  }
  const meeting = meetingState?.state === "ready" ? meetingState.data.meeting : null;
  const matchedBy = meetingState?.state === "ready" ? meetingState.data.matchedBy : null;
  const future = a.start ? Date.parse(a.start) > serverNow() : true;

  const setUp =
    organizer ? (
      <SetUpCall
        host={host}
        appointment={a}
        projects={projects}
        onRetryProjects={reloadProjects}
        defaults={meeting ? { projectId: meeting.projectId, callType: meeting.callType } : null}
      />
    ) : null;

  if (!meeting) {
    return (
      <>
        {heading}
        {/* The organizer's first job on a new appointment is setting it up; linking needs its Teams link. */}
        {setUp}
        <LinkMeeting appointment={a} projects={projects} onRetryProjects={reloadProjects} onLinked={reloadLookup} onReread={onReread} />
      </>
    );
  }

  const recap = <OutlookRecap meetingId={meeting.id} host={host} naa={naa} />;
  return (
    <>
      {heading}
      <section aria-label="Callbook meeting" className={layout.stackXS}>
        <Text>
          <Text weight="semibold">{meeting.projectName ?? "No project"}</Text> ·{" "}
          <Badge appearance="tint" color={meeting.overridden ? "brand" : "informative"}>
            {meeting.callTypeLabel}
          </Badge>
        </Text>
        <Text size={200} data-testid="matched-by">
          {matchedBy === "joinUrl"
            ? "Found by its Teams meeting link."
            : matchedBy === "iCalUId"
              ? "Found by its calendar id."
              : "Found by its subject and start time."}
        </Text>
        <div>
          <Button size="small" appearance="subtle" onClick={onReread}>
            Read the meeting again
          </Button>
        </div>
      </section>
      {organizer && future ? (
        <>
          {setUp}
          {recap}
        </>
      ) : (
        <>
          {recap}
          {setUp}
        </>
      )}
    </>
  );
}
