import { useState } from "react";
import { Button, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { CallTypeOptions } from "../../ui/CallTypeOptions";
import type { CallType } from "../../../contracts/types";
import type { SeriesDraftAttendee } from "../../../contracts/series";
import { api, ApiError } from "../../api/client";
import { Loading } from "../../ui/states";
import type { Recipient } from "../../ui/RecipientsField";
import { useDates, useViewerZone } from "../panel/dates/useDates";
import { seriesSummary, zoneInWords } from "./seriesSummary";
import { useSeriesDraft } from "./useSeriesDraft";
import { SeriesTimingFields } from "./SeriesTimingFields";
import { SeriesAttendees } from "./SeriesAttendees";
import { SeriesCreated } from "./SeriesCreated";

/** The browser's own zone: the viewer's when the host gives none. */
const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
/** The zones a series may run in: every IANA zone the browser knows, else the browser's own. */
const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [browserZone];

const useStyles = makeStyles({
  // One column that may shrink below its content's width: usable in a 320 px panel.
  root: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: tokens.spacingVerticalS, maxWidth: "520px", minWidth: 0 },
  summary: { fontWeight: tokens.fontWeightSemibold },
});

/**
 * "Create series": the call type's runbook attendees and the project's own habit for day, time and
 * length (all editable, with an end), the time labelled with the series' zone, summarised in words in
 * the series' zone then the viewer's (the host's, else the browser's) when it differs, with the panel's
 * one date formatter; the call the defaults follow is dated in the viewer's zone, named. Out-of-office
 * dates one line each. Any proposed attendee can be removed and any project person or address added.
 * One invitation for the series; once created, the form gives way to the result with links to the
 * Outbox and the series' calls until the PM starts another.
 */
export function CreateSeries({ projectId }: { projectId: string }) {
  const styles = useStyles();
  const dates = useDates();
  const viewer = useViewerZone();
  const viewerZone = viewer.timeZone ?? browserZone;
  const [extra, setExtra] = useState<SeriesDraftAttendee[]>([]);
  /** Proposed attendees the PM removed, by lower-case address. */
  const [removed, setRemoved] = useState<Record<string, boolean>>({});
  const [types, setTypes] = useState<Record<string, "required" | "optional">>({});
  const [subject, setSubject] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The series just created: the form is done until the PM starts a new one. */
  const [created, setCreated] = useState<{ subject: string; iCalUId: string | null } | null>(null);
  const { choices, choose, chooseCallType, draft, problem, organiserZone } = useSeriesDraft(projectId, (d) => {
    setMessage(null);
    setSubject((s) => s || d.subject);
    setTypes((old) => ({ ...Object.fromEntries(d.attendees.map((a) => [a.email, a.type])), ...old }));
  });
  const shownProblem = message ?? problem;

  const changeType = (value: CallType) => {
    // The same type again changes no choice, so no new draft would load: keep the one shown
    // (clearing it left the page on "Working out who to invite…" for good).
    if (value === choices.callType) return;
    chooseCallType(value);
    setSubject("");
    setRemoved({});
    setTypes({});
  };

  const key = (email: string) => email.trim().toLowerCase();
  const proposed = draft?.attendees ?? [];
  const attendees = [...proposed, ...extra.filter((x) => !proposed.some((a) => key(a.email) === key(x.email)))].filter((a) => !removed[key(a.email)]);
  const add = (person: Recipient) => {
    setRemoved({ ...removed, [key(person.email)]: false });
    if (!proposed.some((a) => key(a.email) === key(person.email)) && !extra.some((x) => key(x.email) === key(person.email))) {
      setExtra([...extra, { ...person, type: "required", reason: "added by you" }]);
    }
  };
  const remove = (email: string) => {
    setRemoved({ ...removed, [key(email)]: true });
    setExtra(extra.filter((x) => key(x.email) !== key(email)));
  };

  const create = async () => {
    if (!draft) return;
    setBusy(true);
    try {
      const chosen = attendees.map((a) => ({ email: a.email, name: a.name, type: types[a.email] ?? a.type }));
      const occurrenceAttendees = draft.occurrences.map((o) => ({
        localStart: o.localStart,
        attendees: o.attendees.map(({ email, name, type }) => ({ email, name, type })),
      }));
      const result = await api<{ iCalUId?: string | null }>(`/projects/${projectId}/series`, {
        method: "POST",
        json: {
          id: crypto.randomUUID(),
          callType: choices.callType,
          subject,
          from: choices.from,
          timeZone: draft.timeZone,
          startTime: draft.startTime,
          durationMinutes: draft.durationMinutes,
          ...(draft.weekday ? { weekday: draft.weekday } : {}),
          ...(choices.ends === "after" ? { occurrences: choices.count } : {}),
          ...(choices.ends === "on" && choices.until ? { until: choices.until } : {}),
          attendees: chosen,
          occurrenceAttendees,
        },
      });
      setCreated({ subject, iCalUId: result.iCalUId ?? null });
      setMessage(null);
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : "The series could not be created. Try again.");
    } finally {
      setBusy(false);
    }
  };

  const startNew = () => {
    setCreated(null);
    setExtra([]);
    setRemoved({});
    setSubject(draft?.subject ?? "");
  };

  const heading = (
    <Text as="h2" weight="semibold" size={400}>
      Create a call series
    </Text>
  );
  if (created) {
    return (
      <section aria-label="Create a call series" className={styles.root}>
        {heading}
        <SeriesCreated projectId={projectId} subject={created.subject} iCalUId={created.iCalUId} onStartNew={startNew} />
      </section>
    );
  }

  return (
    <section aria-label="Create a call series" className={styles.root}>
      {heading}
      <Field label="Call type">
        <Select value={choices.callType} onChange={(_e, d) => changeType(d.value as CallType)}>
          <CallTypeOptions />
        </Select>
      </Field>
      <Field label="First day">
        <Input type="date" value={choices.from} onChange={(_e, d) => d.value && choose({ from: d.value })} />
      </Field>
      <SeriesTimingFields choices={choices} choose={choose} draft={draft} organiserZone={organiserZone} zones={zones} />
      {!draft && !shownProblem ? <Loading label="Working out who to invite…" /> : null}
      {draft ? (
        <>
          <Text role="status" data-testid="series-summary" className={styles.summary}>
            {seriesSummary(draft, viewerZone, viewer.locale)}
          </Text>
          {draft.defaultsFrom ? (
            <Text size={200}>
              Day, time and length follow this project&apos;s “{draft.defaultsFrom.subject}” call of {dates.dayOf(draft.defaultsFrom.startsAt)} at{" "}
              {dates.time(draft.defaultsFrom.startsAt)} ({zoneInWords(viewerZone)} time).
            </Text>
          ) : null}
          <Field label="Subject">
            <Input value={subject} onChange={(_e, d) => setSubject(d.value)} />
          </Field>
          {draft.warnings.filter((w) => !draft.absenceWarnings.includes(w)).map((w) => (
            <Text key={w} role="alert" size={200}>
              {w}
            </Text>
          ))}
          <SeriesAttendees
            draft={draft}
            attendees={attendees}
            types={types}
            onAdd={add}
            onRemove={remove}
            onType={(email, type) => setTypes({ ...types, [email]: type })}
          />
          <Button appearance="primary" disabled={busy || !subject.trim() || attendees.length === 0} onClick={() => void create()}>
            {busy ? "Creating…" : "Create series"}
          </Button>
        </>
      ) : null}
      {shownProblem ? <Text role="status">{shownProblem}</Text> : null}
    </section>
  );
}
