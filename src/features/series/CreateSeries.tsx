import { useEffect, useState } from "react";
import { Button, Field, Input, Link, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { CallTypeOptions } from "../../ui/CallTypeOptions";
import type { CallType } from "../../../contracts/types";
import type { SeriesDraft, SeriesDraftAttendee } from "../../../contracts/series";
import { api, ApiError } from "../../api/client";
import { serverToday } from "../../api/serverClock";
import { Loading } from "../../ui/states";
import { RecipientsField, type Recipient } from "../../ui/RecipientsField";
import { useDates, useViewerZone } from "../panel/dates/useDates";
import { seriesSummary, zoneInWords } from "./seriesSummary";
import { triageSlotText } from "../panel/dates/triageSlotText";
import { navigate } from "../../ui/navigate";

/** The browser's own zone: the viewer's when the host gives none. */
const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [browserZone];
const weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"] as const;
type Weekday = (typeof weekdays)[number];
type Ends = "never" | "after" | "on";

const useStyles = makeStyles({
  // One column that may shrink below its content's width: usable in a 320 px panel.
  root: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: tokens.spacingVerticalS, maxWidth: "520px", minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end", minWidth: 0 },
  narrow: { width: "8rem", maxWidth: "100%" },
  attendee: { minWidth: 0, overflowWrap: "anywhere" },
  // A native select is as wide as its longest option ("America/Argentina/ComodRivadavia") unless told otherwise.
  fill: { width: "100%", maxWidth: "100%", minWidth: 0 },
  plain: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  summary: { fontWeight: tokens.fontWeightSemibold },
  done: { display: "grid", gap: tokens.spacingVerticalS, justifyItems: "start", minWidth: 0 },
  links: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL },
});

/** A link that moves the single-page app (no reload). */
function GoTo({ to, children }: { to: string; children: string }) {
  return (
    <Link
      href={to}
      onClick={(e) => {
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </Link>
  );
}

/**
 * "Create series": the call type's runbook attendees and the project's own habit for day, time and
 * length (all editable, with an end), the time labelled with the series' zone, summarised in words in
 * the series' zone then the viewer's (the host's, else the browser's) when it differs, with the panel's
 * one date formatter; out-of-office dates one line each. Any proposed attendee can be removed and any
 * project person or address added (the recap's recipients field). One invitation for the series; once
 * created, the form gives way to the result with links to the Outbox and the calls until the PM starts
 * another.
 */
export function CreateSeries({ projectId }: { projectId: string }) {
  const styles = useStyles();
  const dates = useDates();
  const viewer = useViewerZone();
  const viewerZone = viewer.timeZone ?? browserZone;
  const [callType, setCallType] = useState<CallType>("customer_status");
  const [from, setFrom] = useState(() => serverToday());
  /** "" = the organiser's own zone (the server's default). */
  const [timeZone, setTimeZone] = useState("");
  /** The PM's own choices; null = what the draft proposes. */
  const [startTime, setStartTime] = useState<string | null>(null);
  const [duration, setDuration] = useState<number | null>(null);
  const [weekday, setWeekday] = useState<Weekday | null>(null);
  const [ends, setEnds] = useState<Ends>("never");
  const [count, setCount] = useState(10);
  const [until, setUntil] = useState("");
  const [draft, setDraft] = useState<SeriesDraft | null>(null);
  const [extra, setExtra] = useState<SeriesDraftAttendee[]>([]);
  /** Proposed attendees the PM removed, by lower-case address. */
  const [removed, setRemoved] = useState<Record<string, boolean>>({});
  const [types, setTypes] = useState<Record<string, "required" | "optional">>({});
  const [subject, setSubject] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The series just created: the form is done until the PM starts a new one. */
  const [created, setCreated] = useState<{ subject: string } | null>(null);
  /** The organiser's own zone, as the draft resolved it for "Organiser's zone" (IANA); null until known. */
  const [organiserZone, setOrganiserZone] = useState<string | null>(null);

  const choices = new URLSearchParams({
    callType,
    from,
    ...(timeZone ? { timeZone } : {}),
    ...(startTime ? { startTime } : {}),
    ...(duration ? { durationMinutes: String(duration) } : {}),
    ...(weekday ? { weekday } : {}),
    ...(ends === "after" ? { occurrences: String(count) } : {}),
    ...(ends === "on" && until ? { until } : {}),
  }).toString();

  useEffect(() => {
    let live = true;
    setMessage(null);
    api<SeriesDraft>(`/projects/${projectId}/series/draft?${choices}`)
      .then((d) => {
        if (!live) return;
        setDraft(d);
        setSubject((s) => s || d.subject);
        setTypes((old) => ({ ...Object.fromEntries(d.attendees.map((a) => [a.email, a.type])), ...old }));
        if (!timeZone && d.callType !== "triage") setOrganiserZone(d.timeZone);
      })
      .catch((e: unknown) => live && setMessage(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [projectId, choices]);

  const changeType = (value: CallType) => {
    // The same type again changes no choice, so no new draft would load: keep the one shown
    // (clearing it left the page on "Working out who to invite…" for good).
    if (value === callType) return;
    setCallType(value);
    setDraft(null);
    setSubject("");
    setStartTime(null);
    setDuration(null);
    setWeekday(null);
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
      await api(`/projects/${projectId}/series`, {
        method: "POST",
        json: {
          id: crypto.randomUUID(),
          callType,
          subject,
          from,
          timeZone: draft.timeZone,
          startTime: draft.startTime,
          durationMinutes: draft.durationMinutes,
          ...(draft.weekday ? { weekday: draft.weekday } : {}),
          ...(ends === "after" ? { occurrences: count } : {}),
          ...(ends === "on" && until ? { until } : {}),
          attendees: chosen,
          occurrenceAttendees,
        },
      });
      setCreated({ subject });
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

  if (created) {
    return (
      <section aria-label="Create a call series" className={styles.root}>
        <Text as="h2" weight="semibold" size={400}>
          Create a call series
        </Text>
        <div className={styles.done}>
          <Text role="status">Series created: “{created.subject}”. The invitation is in the Outbox and its calls are listed under Calls.</Text>
          <div className={styles.links}>
            <GoTo to="/outbox">Open the Outbox</GoTo>
            <GoTo to="/">See the new calls</GoTo>
            <GoTo to={`/projects/${projectId}`}>Back to the project</GoTo>
          </div>
          <Button onClick={startNew}>Create another series</Button>
        </div>
      </section>
    );
  }

  const seriesZone = draft ? zoneInWords(draft.timeZone) : null;

  return (
    <section aria-label="Create a call series" className={styles.root}>
      <Text as="h2" weight="semibold" size={400}>
        Create a call series
      </Text>
      <Field label="Call type">
        <Select value={callType} onChange={(_e, d) => changeType(d.value as CallType)}>
          <CallTypeOptions />
        </Select>
      </Field>
      <Field label="First day">
        <Input type="date" value={from} onChange={(_e, d) => d.value && setFrom(d.value)} />
      </Field>
      <div className={styles.row}>
        {draft?.weekday ? (
          <Field label="Day">
            <Select value={weekday ?? draft.weekday} onChange={(_e, d) => setWeekday(d.value as Weekday)}>
              {weekdays.map((w) => (
                <option key={w} value={w}>
                  {w.charAt(0).toUpperCase() + w.slice(1)}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Field label={seriesZone ? `Time (${seriesZone})` : "Time"}>
          <Input type="time" className={styles.narrow} value={startTime ?? draft?.startTime ?? ""} onChange={(_e, d) => d.value && setStartTime(d.value)} />
        </Field>
        <Field label="Minutes">
          <Input
            type="number"
            min={5}
            max={480}
            step={5}
            className={styles.narrow}
            value={String(duration ?? draft?.durationMinutes ?? "")}
            onChange={(_e, d) => {
              const n = Number(d.value);
              if (Number.isInteger(n) && n >= 5 && n <= 480) setDuration(n);
            }}
          />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label="Ends">
          <Select value={ends} onChange={(_e, d) => setEnds(d.value as Ends)}>
            <option value="never">Never</option>
            <option value="after">After a number of calls</option>
            <option value="on">On a date</option>
          </Select>
        </Field>
        {ends === "after" ? (
          <Field label="Number of calls">
            <Input type="number" min={1} max={200} className={styles.narrow} value={String(count)} onChange={(_e, d) => Number(d.value) >= 1 && setCount(Number(d.value))} />
          </Field>
        ) : null}
        {ends === "on" ? (
          <Field label="Last day">
            <Input type="date" value={until} onChange={(_e, d) => setUntil(d.value)} />
          </Field>
        ) : null}
      </div>
      <Field
        label="Time zone of the series"
        hint={
          callType === "triage"
            ? `Triage is 10–11 am US Eastern for everyone${draft?.triageSlot ? `; your time: ${triageSlotText(draft.triageSlot, dates)}` : ""}`
            : undefined
        }
      >
        <Select className={styles.fill} value={timeZone} disabled={callType === "triage"} onChange={(_e, d) => setTimeZone(d.value)}>
          <option value="">{organiserZone ? `Organiser's zone (${zoneInWords(organiserZone)})` : "Organiser's zone"}</option>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </Select>
      </Field>
      {!draft && !message ? <Loading label="Working out who to invite…" /> : null}
      {draft ? (
        <>
          <Text role="status" data-testid="series-summary" className={styles.summary}>
            {seriesSummary(draft, viewerZone, viewer.locale)}
          </Text>
          {draft.defaultsFrom ? (
            <Text size={200}>
              Day, time and length follow this project&apos;s “{draft.defaultsFrom.subject}” call of {dates.dayOf(draft.defaultsFrom.startsAt)} at{" "}
              {dates.time(draft.defaultsFrom.startsAt)}.
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
          {draft.occurrences.length > 0 ? (
            <>
              <Text role="alert" size={200}>
                Out of office on some dates (they stay required for the series):
              </Text>
              <ul aria-label="Occurrences with a backup" className={styles.plain}>
                {draft.occurrences.map((o) => (
                  <li key={o.localStart}>
                    <Text size={200}>
                      {dates.day(o.date)}: {o.absent.length > 0 ? `${o.absent.join(" and ")} out` : "changed"}
                      {o.backups.length > 0 ? `, ${o.backups.join(" and ")} invited instead` : o.absent.length > 0 ? ", no backup available" : ""}
                    </Text>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <RecipientsField
            label="Attendees"
            addLabel="Add an attendee"
            layout="rows"
            recipients={attendees}
            candidates={draft.candidates}
            onAdd={add}
            onRemove={remove}
            renderItem={(a) => (
              <>
                <Text className={styles.attendee}>{`${a.name} — ${a.reason}`}</Text>
                <Select
                  aria-label={`${a.name}: required or optional`}
                  size="small"
                  value={types[a.email] ?? a.type}
                  onChange={(_e, d) => setTypes({ ...types, [a.email]: d.value === "optional" ? "optional" : "required" })}
                >
                  <option value="required">Required</option>
                  <option value="optional">Optional</option>
                </Select>
              </>
            )}
          />
          <Button appearance="primary" disabled={busy || !subject.trim() || attendees.length === 0} onClick={() => void create()}>
            {busy ? "Creating…" : "Create series"}
          </Button>
        </>
      ) : null}
      {message ? <Text role="status">{message}</Text> : null}
    </section>
  );
}
