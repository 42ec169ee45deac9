import { useState } from "react";
import { Button, Text } from "@fluentui/react-components";
import type { LinkMeetingBody, MeetingDetail, ProjectHeader } from "../../contracts/meetings";
import type { CallType } from "../../contracts/types";
import type { AppointmentInfo } from "../host/outlook/officeHost";
import { api, ApiError } from "../api/client";
import type { Loadable } from "../ui/useApi";
import { Empty, ErrorState, Loading } from "../ui/states";
import { useLayoutStyles } from "../ui/layoutStyles";
import { ProjectFields } from "./ProjectFields";

/** "Not linked": link the appointment's Teams meeting to a project (PUT /meetings/link). */
export function LinkMeeting({
  appointment: a,
  projects,
  onRetryProjects,
  onLinked,
  onReread,
}: {
  appointment: AppointmentInfo;
  projects: Loadable<{ projects: ProjectHeader[] }>;
  onRetryProjects: () => void;
  onLinked: (meeting: MeetingDetail) => void;
  onReread: () => void;
}) {
  const [projectId, setProjectId] = useState("");
  const [callType, setCallType] = useState<CallType | "">("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const list = projects.state === "ready" ? projects.data.projects : [];
  const chosen = projectId || (list.length === 1 ? (list[0]?.id ?? "") : "");
  const linkable = Boolean(a.joinUrl || a.joinMeetingId || a.iCalUId);
  const layout = useLayoutStyles();

  const link = async () => {
    setBusy(true);
    setError(null);
    try {
      const body: LinkMeetingBody = {
        ...(a.joinUrl ? { joinUrl: a.joinUrl } : {}),
        ...(a.joinMeetingId ? { joinMeetingId: a.joinMeetingId } : {}),
        ...(a.iCalUId ? { iCalUId: a.iCalUId } : {}),
        projectId: chosen,
        callType: callType || null,
        ...(a.subject.trim() ? { subject: a.subject.trim().slice(0, 300) } : {}),
        ...(a.start ? { startsAt: a.start } : {}),
        ...(a.end ? { endsAt: a.end } : {}),
      };
      onLinked(await api<MeetingDetail>("/meetings/link", { method: "PUT", json: body }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "The meeting could not be linked. Try again.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="link-heading" className={layout.stack}>
      <Text as="h2" id="link-heading" weight="semibold" size={400}>
        Not linked to a project
      </Text>
      {!linkable ? (
        <>
          <Empty>
            {a.mode === "organizer"
              ? "Callbook links a meeting by its Teams meeting link. Turn on Teams meeting for this appointment, then read the meeting again."
              : "Callbook links a meeting by its Teams meeting link, and this meeting has none."}
          </Empty>
          <div>
            <Button onClick={onReread}>Read the meeting again</Button>
          </div>
        </>
      ) : (
        <>
          <Text block>Link this meeting to a project to see its agenda, notes and recap here and in Teams.</Text>
          {projects.state === "loading" ? <Loading label="Loading your projects…" /> : null}
          {projects.state === "error" ? <ErrorState title={projects.explained.title} message={projects.message} onRetry={onRetryProjects} /> : null}
          {projects.state === "ready" && list.length === 0 ? <Empty>You are not on any project yet, so there is nothing to link to.</Empty> : null}
          {list.length > 0 ? (
            <>
              <ProjectFields
                projects={list}
                projectId={chosen}
                onProject={setProjectId}
                callType={callType}
                onCallType={setCallType}
                autoLabel="Let Callbook recognise it"
                disabled={busy}
              />
              {error ? (
                <Text role="alert" block>
                  {error}
                </Text>
              ) : null}
              <div>
                <Button appearance="primary" disabled={busy || !chosen} onClick={() => void link()}>
                  {busy ? "Linking…" : "Link to project"}
                </Button>
              </div>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
