import { useEffect, useState } from "react";
import {
  Button,
  Checkbox,
  Combobox,
  Field,
  Input,
  Option,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CallTypeOptions } from "../../ui/CallTypeOptions";
import type { CallType } from "../../../contracts/types";
import type { SeriesDraft, SeriesDraftAttendee } from "../../../contracts/series";
import { api, ApiError } from "../../api/client";
import { serverToday } from "../../api/serverClock";
import { Loading } from "../../ui/states";
import { formatDay, formatTime } from "../../ui/format";
import { seriesSummary, zoneInWords } from "./seriesSummary";
import { panelDates } from "../panel/dates/panelDates";
import { triageSlotText } from "../panel/dates/triageSlotText";

/** The browser's own zone, for showing the series in the viewer's time. */
const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [viewerZone];
const weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"] as const;
type Weekday = (typeof weekdays)[number];
type Ends = "never" | "after" | "on";

const useStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalS, maxWidth: "520px", minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  narrow: { width: "8rem" },
  grow: { flexGrow: 1, minWidth: 0 },
  list: { listStyleType: "none", padding: 0, margin: 0, display: "grid", gap: tokens.spacingVerticalXS },
  item: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap", minWidth: 0 },
  plain: { margin: 0 },
  summary: { fontWeight: tokens.fontWeightSemibold },
});

const looksLikeAddress = (s: string): boolean => /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/.test(s.trim());

/**
 * "Create series": the call type's runbook attendees and the project's own habit for day, time and
 * length (all editable, with an end), summarised in words in the viewer's zone; any project person or
 * address can be added. One invitation for the series; in outbox mode its calls appear under Calls.
 */
export function CreateSeries({ projectId }: { projectId: string }) {
  const styles = useStyles();
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
  const [include, setInclude] = useState<Record<string, boolean>>({});
  const [types, setTypes] = useState<Record<string, "required" | "optional">>({});
  const [adding, setAdding] = useState("");
  const [addError, setAddError] = useState<string | null>(null);
  const [subject, setSubject] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
        setInclude((old) => ({ ...Object.fromEntries(d.attendees.map((a) => [a.email, true])), ...old }));
        setTypes((old) => ({ ...Object.fromEntries(d.attendees.map((a) => [a.email, a.type])), ...old }));
      })
      .catch((e: unknown) => live && setMessage(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [projectId, choices]);

  const changeType = (value: CallType) => {
    setCallType(value);
    setDraft(null);
    setSubject("");
    setStartTime(null);
    setDuration(null);
    setWeekday(null);
    setInclude({});
    setTypes({});
  };

  const attendees = [...(draft?.attendees ?? []), ...extra.filter((x) => !draft?.attendees.some((a) => a.email === x.email))];
  const add = (value: string) => {
    const text = value.trim();
    const person = draft?.candidates.find((c) => c.email.toLowerCase() === text.toLowerCase() || c.name.toLowerCase() === text.toLowerCase());
    const next = person ?? (looksLikeAddress(text) ? { name: text, email: text } : null);
    if (!next) return setAddError("Pick a person from the list or type an e-mail address.");
    setAddError(null);
    setAdding("");
    if (!attendees.some((a) => a.email.toLowerCase() === next.email.toLowerCase())) setExtra([...extra, { ...next, type: "required", reason: "added by you" }]);
    setInclude({ ...include, [next.email]: true });
  };

  const create = async () => {
    if (!draft) return;
    setBusy(true);
    try {
      const chosen = attendees.filter((a) => include[a.email]).map((a) => ({ email: a.email, name: a.name, type: types[a.email] ?? a.type }));
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
      setMessage("Series created: the invitation is in the outbox.");
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : "The series could not be created. Try again.");
    } finally {
      setBusy(false);
    }
  };

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
        <Field label="Time">
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
            ? `Triage is 10–11 am US Eastern for everyone${draft?.triageSlot ? `; your time: ${triageSlotText(draft.triageSlot, panelDates({ locale: undefined, timeZone: viewerZone }))}` : ""}`
            : undefined
        }
      >
        <Select value={timeZone} disabled={callType === "triage"} onChange={(_e, d) => setTimeZone(d.value)}>
          <option value="">Organiser's zone</option>
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
            {seriesSummary(draft, viewerZone)}
          </Text>
          {draft.defaultsFrom ? (
            <Text size={200}>
              Day, time and length follow this project&apos;s “{draft.defaultsFrom.subject}” call of {formatDay(draft.defaultsFrom.startsAt)} at{" "}
              {formatTime(draft.defaultsFrom.startsAt)}.
            </Text>
          ) : null}
          {draft.timeZone !== viewerZone ? <Text size={200}>The series runs in {zoneInWords(draft.timeZone)} time.</Text> : null}
          <Field label="Subject">
            <Input value={subject} onChange={(_e, d) => setSubject(d.value)} />
          </Field>
          {draft.warnings.map((w) => (
            <Text key={w} role="alert" size={200}>
              {w}
            </Text>
          ))}
          {draft.occurrences.length > 0 ? (
            <ul aria-label="Occurrences with a backup" className={styles.plain}>
              {draft.occurrences.map((o) => (
                <li key={o.localStart}>
                  <Text size={200}>
                    {o.date}: {o.absent.join(", ")} out{o.backups.length > 0 ? `, ${o.backups.join(", ")} invited instead` : ""}
                  </Text>
                </li>
              ))}
            </ul>
          ) : null}
          <ul aria-label="Attendees" className={styles.list}>
            {attendees.map((a) => (
              <li key={a.email} className={styles.item}>
                <Checkbox
                  checked={include[a.email] ?? false}
                  onChange={(_e, d) => setInclude({ ...include, [a.email]: d.checked === true })}
                  label={`${a.name} — ${a.reason}`}
                />
                <Select
                  aria-label={`${a.name}: required or optional`}
                  size="small"
                  value={types[a.email] ?? a.type}
                  onChange={(_e, d) => setTypes({ ...types, [a.email]: d.value === "optional" ? "optional" : "required" })}
                >
                  <option value="required">Required</option>
                  <option value="optional">Optional</option>
                </Select>
              </li>
            ))}
          </ul>
          <div className={styles.row}>
            <Field label="Add an attendee" validationMessage={addError ?? undefined} className={styles.grow}>
              <Combobox
                freeform
                placeholder="A project person or any e-mail address"
                value={adding}
                onChange={(e) => setAdding(e.target.value)}
                onOptionSelect={(_e, d) => d.optionValue && add(d.optionValue)}
                onKeyDown={(e) => e.key === "Enter" && adding.trim() && add(adding)}
              >
                {draft.candidates
                  .filter((c) => !attendees.some((a) => a.email === c.email))
                  .map((c) => (
                    <Option key={c.email} value={c.email} text={c.name}>
                      {c.name}
                    </Option>
                  ))}
              </Combobox>
            </Field>
            <Button disabled={!adding.trim()} onClick={() => add(adding)}>
              Add
            </Button>
          </div>
          <Button appearance="primary" disabled={busy || !subject.trim()} onClick={() => void create()}>
            {busy ? "Creating…" : "Create series"}
          </Button>
        </>
      ) : null}
      {message ? <Text role="status">{message}</Text> : null}
    </section>
  );
}
