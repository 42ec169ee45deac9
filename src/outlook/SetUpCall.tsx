import { useEffect, useId, useState } from "react";
import { Button, Checkbox, Text, makeStyles, tokens } from "@fluentui/react-components";
import { guessCallTypeFromSubject } from "../../contracts/subjectSignals";
import type { ProjectHeader, TriageSlotTimes } from "../../contracts/meetings";
import { useDates } from "../features/panel/dates/useDates";
import { triageSlotText } from "../features/panel/dates/triageSlotText";
import type { CallType } from "../../contracts/types";
import { OutlookHostError, type AppointmentInfo, type OutlookHost } from "../host/outlook/officeHost";
import { api } from "../api/client";
import type { Loadable } from "../ui/useApi";
import { Empty, ErrorState, Loading } from "../ui/states";
import { localDate } from "./lookupPath";
import { mergeAttendees, type DraftAttendee } from "./mergeAttendees";
import { ProjectFields } from "./ProjectFields";

/** `GET /api/projects/:id/series/draft`: the runbook's attendees and the agenda outline for a call type. */
interface CallDraft {
  /** A triage call: the slot's instants of the first week, shown in the viewer's zone. */
  triageSlot: TriageSlotTimes | null;
  subject: string;
  attendees: DraftAttendee[];
  warnings: string[];
  bodyHtml: string;
}

const useStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, padding: 0, listStyleType: "none", display: "grid", gap: tokens.spacingVerticalXXS },
  warnings: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type DraftState = { state: "idle" } | { state: "loading" } | { state: "error"; message: string } | { state: "ready"; draft: CallDraft };
type Outcome = { kind: "done"; message: string } | { kind: "error"; message: string } | null;

/**
 * Organizer mode: choose project and call type, see who the runbook invites and why, then fill the
 * invitation's attendees and put the agenda outline at the top of its body. The user sends it.
 */
export function SetUpCall({
  host,
  appointment,
  projects,
  onRetryProjects,
  defaults,
}: {
  host: OutlookHost;
  appointment: AppointmentInfo;
  projects: Loadable<{ projects: ProjectHeader[] }>;
  onRetryProjects: () => void;
  defaults: { projectId: string | null; callType: CallType | null } | null;
}) {
  const list = projects.state === "ready" ? projects.data.projects : [];
  const [projectId, setProjectId] = useState(defaults?.projectId ?? "");
  // A linked call keeps its type; a new invitation's subject ("… steering committee") suggests one.
  const [callType, setCallType] = useState<CallType | "">(defaults?.callType ?? guessCallTypeFromSubject(appointment.subject) ?? "");
  /** Proposed people the organizer unticked: they are not added. */
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const styles = useStyles();
  const dates = useDates();
  const [draft, setDraft] = useState<DraftState>({ state: "idle" });
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const chosen = projectId || (list.length === 1 ? (list[0]?.id ?? "") : "");
  const from = appointment.start ? localDate(appointment.start) : null;
  const canWrite = host.supports("setAttendees") && host.supports("prependBody");

  useEffect(() => {
    setOutcome(null);
    if (!chosen || !callType) {
      setDraft({ state: "idle" });
      return;
    }
    let live = true;
    setDraft({ state: "loading" });
    const query = new URLSearchParams({ callType, ...(from ? { from } : {}) });
    api<CallDraft>(`/projects/${chosen}/series/draft?${query.toString()}`)
      .then((d) => live && setDraft({ state: "ready", draft: d }))
      .catch((e: unknown) => live && setDraft({ state: "error", message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [chosen, callType, from]);

  const apply = async (d: CallDraft) => {
    setBusy(true);
    setOutcome(null);
    let attendeesDone = false;
    try {
      // Read the invitation again: the organizer may have added people since the pane opened.
      const now = await host.readAppointment();
      const wanted = d.attendees.filter((x) => !unticked.has(x.email));
      const merged = mergeAttendees({ required: now.requiredAttendees, optional: now.optionalAttendees }, wanted);
      await host.setAttendees(merged.required, merged.optional);
      attendeesDone = true;
      await host.prependBodyHtml(d.bodyHtml);
      setOutcome({
        kind: "done",
        message: `Added ${merged.added.length} ${merged.added.length === 1 ? "person" : "people"} and the agenda outline. Check the invitation, then send it.`,
      });
    } catch (e) {
      const why = e instanceof OutlookHostError || e instanceof Error ? e.message : String(e);
      setOutcome({ kind: "error", message: attendeesDone ? `The attendees were added, but the agenda was not: ${why}` : why });
    } finally {
      setBusy(false);
    }
  };

  const toggle = (email: string, on: boolean) => {
    const next = new Set(unticked);
    if (on) next.delete(email);
    else next.add(email);
    setUnticked(next);
  };
  const ready = draft.state === "ready" ? draft.draft : null;
  const required = ready?.attendees.filter((x) => x.type === "required") ?? [];
  const optional = ready?.attendees.filter((x) => x.type === "optional") ?? [];
  return (
    <section aria-labelledby="setup-heading" className={styles.root}>
      <Text as="h2" id="setup-heading" weight="semibold" size={400}>
        Set up this call
      </Text>
      <Text block size={200}>
        Callbook proposes who to invite for the call type and adds its agenda to the invitation. Nothing is sent: you send the invitation.
      </Text>
      {projects.state === "loading" ? <Loading label="Loading your projects…" /> : null}
      {projects.state === "error" ? <ErrorState message={projects.message} onRetry={onRetryProjects} /> : null}
      {projects.state === "ready" && list.length === 0 ? <Empty>You are not on any project yet.</Empty> : null}
      {list.length > 0 ? (
        <ProjectFields
          projects={list}
          projectId={chosen}
          onProject={setProjectId}
          callType={callType}
          onCallType={setCallType}
          disabled={busy}
        />
      ) : null}
      {draft.state === "loading" ? <Loading label="Finding who to invite…" /> : null}
      {draft.state === "error" ? <ErrorState message={draft.message} /> : null}
      {ready ? (
        <>
          {ready.triageSlot ? (
            <Text size={200} data-testid="triage-slot">
              Triage is 10–11 am US Eastern for everyone; your time: {triageSlotText(ready.triageSlot, dates)}
            </Text>
          ) : null}
          <AttendeeList label="Required" people={required} unticked={unticked} onToggle={toggle} className={styles.list} />
          {optional.length ? <AttendeeList label="Optional" people={optional} unticked={unticked} onToggle={toggle} className={styles.list} /> : null}
          {ready.warnings.length ? (
            <ul aria-label="Warnings" className={styles.warnings}>
              {ready.warnings.map((w) => (
                <li key={w}>
                  <Text size={200}>{w}</Text>
                </li>
              ))}
            </ul>
          ) : null}
          {!canWrite ? (
            <Empty>This Outlook does not let add-ins change the invitation. Add these people yourself.</Empty>
          ) : (
            <div>
              <Button appearance="primary" disabled={busy || outcome?.kind === "done"} onClick={() => void apply(ready)}>
                {busy ? "Adding…" : "Add attendees and agenda"}
              </Button>
            </div>
          )}
        </>
      ) : null}
      {outcome?.kind === "done" ? (
        <Text role="status" block data-testid="setup-done">
          {outcome.message}
        </Text>
      ) : null}
      {outcome?.kind === "error" ? (
        <Text role="alert" block>
          {outcome.message}
        </Text>
      ) : null}
    </section>
  );
}

/** The proposed people of one kind (required or optional), each with a tick box: unticked people are not added. */
function AttendeeList({
  label,
  people,
  unticked,
  onToggle,
  className,
}: {
  label: string;
  people: DraftAttendee[];
  unticked: ReadonlySet<string>;
  onToggle: (email: string, on: boolean) => void;
  className: string;
}) {
  const id = useId();
  return (
    <div>
      <Text weight="semibold" size={200} block id={id}>
        {label}
      </Text>
      <ul aria-labelledby={id} className={className}>
        {people.map((p) => (
          <li key={p.email}>
            <Checkbox checked={!unticked.has(p.email)} onChange={(_e, d) => onToggle(p.email, d.checked === true)} label={`${p.name} — ${p.reason}`} />
          </li>
        ))}
      </ul>
    </div>
  );
}
