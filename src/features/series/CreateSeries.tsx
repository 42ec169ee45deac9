import { useEffect, useState } from "react";
import { CallTypeOptions } from "../../ui/CallTypeOptions";
import { Button, Checkbox, Field, Input, Select, Text } from "@fluentui/react-components";
import type { CallType } from "../../../contracts/types";
import { api, ApiError } from "../../api/client";
import { serverToday } from "../../api/serverClock";
import { Loading } from "../../ui/states";

import type { SeriesDraft } from "../../../contracts/series";

/** The browser's own zone, for showing the first call in the viewer's time. */
const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [viewerZone];

function inViewerZone(instant: string): string {
  return new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZoneName: "short" }).format(new Date(instant));
}

/** "Create series": the runbook's attendees for the call type, editable, then one invite for the series. */
export function CreateSeries({ projectId }: { projectId: string }) {
  const [callType, setCallType] = useState<CallType>("customer_status");
  const [from, setFrom] = useState(() => serverToday());
  /** "" = the organiser's own zone (the server's default). */
  const [timeZone, setTimeZone] = useState("");
  const [draft, setDraft] = useState<SeriesDraft | null>(null);
  const [include, setInclude] = useState<Record<string, boolean>>({});
  const [types, setTypes] = useState<Record<string, "required" | "optional">>({});
  const [subject, setSubject] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    setDraft(null);
    setMessage(null);
    const zoneQuery = timeZone ? `&timeZone=${encodeURIComponent(timeZone)}` : "";
    api<SeriesDraft>(`/projects/${projectId}/series/draft?callType=${callType}&from=${from}${zoneQuery}`)
      .then((d) => {
        if (!live) return;
        setDraft(d);
        setSubject(d.subject);
        setInclude(Object.fromEntries(d.attendees.map((a) => [a.email, true])));
        setTypes(Object.fromEntries(d.attendees.map((a) => [a.email, a.type])));
      })
      .catch((e: unknown) => live && setMessage(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [projectId, callType, from, timeZone]);

  const create = async () => {
    if (!draft) return;
    setBusy(true);
    try {
      const attendees = draft.attendees.filter((a) => include[a.email]).map((a) => ({ email: a.email, name: a.name, type: types[a.email] ?? a.type }));
      const occurrenceAttendees = draft.occurrences.map((o) => ({
        localStart: o.localStart,
        attendees: o.attendees.map(({ email, name, type }) => ({ email, name, type })),
      }));
      await api(`/projects/${projectId}/series`, {
        method: "POST",
        json: { id: crypto.randomUUID(), callType, subject, from, timeZone: draft.timeZone, attendees, occurrenceAttendees },
      });
      setMessage("Series created: the invitation is in the outbox.");
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : "The series could not be created. Try again.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-label="Create a call series" style={{ display: "grid", gap: 8, maxWidth: 520 }}>
      <Text as="h2" weight="semibold" size={400}>
        Create a call series
      </Text>
      <Field label="Call type">
        <Select value={callType} onChange={(_e, d) => setCallType(d.value as CallType)}>
          <CallTypeOptions />
        </Select>
      </Field>
      <Field label="First day">
        <Input type="date" value={from} onChange={(_e, d) => d.value && setFrom(d.value)} />
      </Field>
      <Field label="Time zone" hint={callType === "triage" ? "Triage is 10–11 am US Eastern for everyone" : undefined}>
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
          <Field label="Subject">
            <Input value={subject} onChange={(_e, d) => setSubject(d.value)} />
          </Field>
          <Text size={200}>
            Starts {draft.timing.start.dateTime.replace("T", " ").slice(0, 16)} ({draft.timeZone}), {draft.timing.recurrence.pattern.type}
            {draft.timing.recurrence.pattern.daysOfWeek ? ` on ${draft.timing.recurrence.pattern.daysOfWeek.join(" and ")}` : ""}
            {draft.firstStartsAt ? ` — ${inViewerZone(draft.firstStartsAt)} your time` : ""}
          </Text>
          {draft.warnings.map((w) => (
            <Text key={w} role="alert" size={200}>
              {w}
            </Text>
          ))}
          {draft.occurrences.length > 0 ? (
            <ul aria-label="Occurrences with a backup" style={{ margin: 0 }}>
              {draft.occurrences.map((o) => (
                <li key={o.localStart}>
                  <Text size={200}>
                    {o.date}: {o.absent.join(", ")} out{o.backups.length > 0 ? `, ${o.backups.join(", ")} invited instead` : ""}
                  </Text>
                </li>
              ))}
            </ul>
          ) : null}
          <ul aria-label="Attendees" style={{ listStyle: "none", padding: 0, margin: 0, display: "grid", gap: 4 }}>
            {draft.attendees.map((a) => (
              <li key={a.email} style={{ display: "flex", gap: 8, alignItems: "center", flexWrap: "wrap" }}>
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
          <Button appearance="primary" disabled={busy || !subject.trim()} onClick={() => void create()}>
            {busy ? "Creating…" : "Create series"}
          </Button>
        </>
      ) : null}
      {message ? <Text role="status">{message}</Text> : null}
    </section>
  );
}
