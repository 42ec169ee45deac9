import { useEffect, useState } from "react";
import type { CallType } from "../../../contracts/types";
import type { SeriesDraft } from "../../../contracts/series";
import { api } from "../../api/client";
import { serverToday } from "../../api/serverClock";

export const weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"] as const;
export type Weekday = (typeof weekdays)[number];
export type Ends = "never" | "after" | "on";

/** What the PM chose for a series' timing; null fields = what the draft proposes. */
export interface SeriesChoices {
  callType: CallType;
  /** First day, yyyy-mm-dd. */
  from: string;
  /** IANA zone; "" = the organiser's own zone (the server's default). */
  timeZone: string;
  /** "HH:MM" in the series' zone. */
  startTime: string | null;
  /** Minutes. */
  duration: number | null;
  weekday: Weekday | null;
  ends: Ends;
  /** Number of calls when `ends` is "after". */
  count: number;
  /** Last day (yyyy-mm-dd) when `ends` is "on". */
  until: string;
}

const initialChoices = (): SeriesChoices => ({
  callType: "customer_status",
  from: serverToday(),
  timeZone: "",
  startTime: null,
  duration: null,
  weekday: null,
  ends: "never",
  count: 10,
  until: "",
});

/** The draft query (`GET /projects/:id/series/draft?…`) for these choices. */
export function draftQuery(c: SeriesChoices): string {
  return new URLSearchParams({
    callType: c.callType,
    from: c.from,
    ...(c.timeZone ? { timeZone: c.timeZone } : {}),
    ...(c.startTime ? { startTime: c.startTime } : {}),
    ...(c.duration ? { durationMinutes: String(c.duration) } : {}),
    ...(c.weekday ? { weekday: c.weekday } : {}),
    ...(c.ends === "after" ? { occurrences: String(c.count) } : {}),
    ...(c.ends === "on" && c.until ? { until: c.until } : {}),
  }).toString();
}

/**
 * The series form's choices and the server's draft for them (runbook attendees, the project's own
 * habit for day, time and length, out-of-office dates), reloaded whenever a choice changes.
 * `organiserZone`: the organiser's own zone (IANA) as the draft resolved it, null until known.
 * `problem`: the draft request's error message, or null. `onNewDraft` sees each draft as it arrives.
 */
export function useSeriesDraft(projectId: string, onNewDraft: (draft: SeriesDraft) => void) {
  const [choices, setChoices] = useState<SeriesChoices>(initialChoices);
  const [draft, setDraft] = useState<SeriesDraft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [organiserZone, setOrganiserZone] = useState<string | null>(null);
  const query = draftQuery(choices);

  useEffect(() => {
    let live = true;
    setProblem(null);
    api<SeriesDraft>(`/projects/${projectId}/series/draft?${query}`)
      .then((d) => {
        if (!live) return;
        setDraft(d);
        onNewDraft(d);
        if (!choices.timeZone && d.callType !== "triage") setOrganiserZone(d.timeZone);
      })
      .catch((e: unknown) => live && setProblem(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
    // The query holds every choice; onNewDraft is the caller's and may change identity each render.
  }, [projectId, query]);

  const choose = (change: Partial<SeriesChoices>) => setChoices((c) => ({ ...c, ...change }));
  /** A new call type starts from its own proposal: day, time and length are the draft's again. */
  const chooseCallType = (callType: CallType) => {
    setChoices((c) => ({ ...c, callType, startTime: null, duration: null, weekday: null }));
    setDraft(null);
  };
  return { choices, choose, chooseCallType, draft, problem, organiserZone };
}
