import { addDays, daysBetween, formatLongDate, weekdayOf } from "./isoDates";
import { isMeetingOfProject, meetingCallType } from "./meetingCallType";
import { followUpKinds, type FollowUp, type FollowUpKind } from "../../contracts/followUps";
import type { IsoDate, IsoDateTime, Meeting, ProjectSnapshot } from "../../contracts/types";
import { addWorkingDays, isWorkingDay } from "./workingDays";
import { EASTERN_TIME_ZONE, dateIn, instantAt } from "./zonedTime";

// The communication cadence that is owed (runbook section 3; seeds 003, 002, 004).
//
// Each follow-up has a window: it is "upcoming" before the window opens, "due" from then
// until `dueAt`, and "late" after `dueAt`. Calendar-based ones open at 00:00 and are due by
// 17:00 on their day in the zone of the person who owes them (US Eastern by default).

export { followUpKinds, type FollowUp, type FollowUpKind };

/** When each kind of follow-up was last sent. */
export type LastSent = Partial<Record<FollowUpKind, IsoDateTime>>;

export const RECAP_DEADLINE_HOURS = 24;
export const RAG_NOTICE_DEADLINE_HOURS = 2;
export const OPEN_TASK_UPDATE_WORKING_DAYS = 2;
export const END_OF_BUSINESS = "17:00";
const HOUR_MS = 3_600_000;
const FRIDAY = 5;

interface Window {
  opensAt: Date;
  dueAt: Date;
}

const dayWindow = (tz: string, opensOn: IsoDate, dueOn: IsoDate = opensOn): Window => ({
  opensAt: instantAt(opensOn, "00:00", tz),
  dueAt: instantAt(dueOn, END_OF_BUSINESS, tz),
});

function stateOf(window: Window, now: Date): FollowUp["state"] {
  if (now < window.opensAt) return "upcoming";
  return now <= window.dueAt ? "due" : "late";
}

const parseInstant = (value: IsoDateTime | undefined): Date | null => {
  if (value === undefined) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: "${value}"`);
  return date;
};

/**
 * For a cadence whose k-th occurrence falls on firstDate + k × periodDays: the latest one
 * whose window has opened, unless `sentAt` covers it (sent once its window opened), in
 * which case the next one.
 */
function periodicOccurrence(
  firstDate: IsoDate,
  periodDays: number,
  windowOf: (date: IsoDate) => Window,
  sentAt: Date | null,
  now: Date,
  tz: string,
): { date: IsoDate; window: Window } {
  const at = (index: number) => {
    const date = addDays(firstDate, index * periodDays);
    return { date, window: windowOf(date) };
  };
  // Windows open at 00:00 New York on the occurrence's date, so "opened" is a date test.
  const latestOpened = Math.floor(daysBetween(firstDate, dateIn(now, tz)) / periodDays);
  if (latestOpened < 0) return at(0);
  const occurrence = at(latestOpened);
  const covered = sentAt !== null && sentAt >= occurrence.window.opensAt;
  return covered ? at(latestOpened + 1) : occurrence;
}

function recaps(snapshot: ProjectSnapshot, meetings: Meeting[], now: Date): FollowUp[] {
  return meetings
    .filter((m) => isMeetingOfProject(m, snapshot.project.id) && meetingCallType(m) === "customer_status")
    .filter((m) => m.recapSentAt === null && Date.parse(m.endsAt) < now.getTime())
    .map((m) => {
      const window = { opensAt: new Date(m.endsAt), dueAt: new Date(Date.parse(m.endsAt) + RECAP_DEADLINE_HOURS * HOUR_MS) };
      return {
        kind: "recap" as const,
        title: `Recap of "${m.subject}" to the attendees`,
        dueAt: window.dueAt.toISOString(),
        state: stateOf(window, now),
        meetingId: m.id,
        reason: `After every customer call, an e-mail with the bullet points discussed (seed 003); late ${RECAP_DEADLINE_HOURS} h after the call ended`,
      };
    });
}

function firstWorkingDayFrom(date: IsoDate, holidays: readonly IsoDate[]): IsoDate {
  return isWorkingDay(date, holidays) ? date : addWorkingDays(date, 1, holidays);
}

function openTaskUpdate(snapshot: ProjectSnapshot, now: Date, sentAt: Date | null, tz: string): FollowUp | null {
  const { project, tasks } = snapshot;
  const open = tasks.filter((t) => t.status !== "done").length;
  if (open === 0) return null;
  const dueOn = sentAt
    ? addWorkingDays(dateIn(sentAt, tz), OPEN_TASK_UPDATE_WORKING_DAYS, project.holidays)
    : firstWorkingDayFrom(dateIn(now, tz), project.holidays);
  const window = dayWindow(tz, dueOn);
  return {
    kind: "open_task_update",
    title: `Open-task update to ${project.customerName}: name, status and ETA of ${open} open task${open === 1 ? "" : "s"}`,
    dueAt: window.dueAt.toISOString(),
    state: stateOf(window, now),
    reason: `Every ${OPEN_TASK_UPDATE_WORKING_DAYS} working days (weekends and project holidays skipped), seed 003; ${sentAt ? `last sent ${formatLongDate(dateIn(sentAt, tz))}` : "never sent"}`,
  };
}

function weeklyStatusReport(snapshot: ProjectSnapshot, now: Date, sentAt: Date | null, tz: string): FollowUp {
  const { holidays } = snapshot.project;
  const dueOn = firstWorkingDayFrom(sentAt ? addDays(dateIn(sentAt, tz), 7) : dateIn(now, tz), holidays);
  const window = dayWindow(tz, dueOn);
  return {
    kind: "weekly_status_report",
    title: "Weekly status report to the stakeholder list",
    dueAt: window.dueAt.toISOString(),
    state: stateOf(window, now),
    reason: `Weekly, never skipped (seed 002); ${sentAt ? `last sent ${formatLongDate(dateIn(sentAt, tz))}` : "never sent"}`,
  };
}

/** Due from the sprint's last day until the end of the first working day after it. */
function sprintReport(snapshot: ProjectSnapshot, now: Date, sentAt: Date | null, tz: string): FollowUp | null {
  const { sprintLengthDays: length, sprintStartDate: start, holidays, customerName } = snapshot.project;
  if (length === null || start === null) return null;
  if (!Number.isInteger(length) || length <= 0) throw new RangeError(`Sprint length must be a whole number of days > 0, got ${length}`);
  const firstLastDay = addDays(start, length - 1);
  const windowOf = (lastDay: IsoDate) => dayWindow(tz, lastDay, addWorkingDays(lastDay, 1, holidays));
  const { date, window } = periodicOccurrence(firstLastDay, length, windowOf, sentAt, now, tz);
  return {
    kind: "sprint_report",
    title: `Sprint report to ${customerName}: sprint ending ${formatLongDate(date)}`,
    dueAt: window.dueAt.toISOString(),
    state: stateOf(window, now),
    reason: `A report at the end of every ${length}-day sprint: tasks worked (seed 003)`,
  };
}

function fridayOnOrAfter(date: IsoDate): IsoDate {
  return addDays(date, (FRIDAY - weekdayOf(date) + 7) % 7);
}

/**
 * Fortnightly Fridays, counted from the Friday on or before the last report, else from the
 * first sprint's first Friday, else from the coming Friday.
 */
function biweeklyFridayReport(snapshot: ProjectSnapshot, now: Date, sentAt: Date | null, tz: string): FollowUp {
  const { sprintStartDate, customerName } = snapshot.project;
  const anchor = sentAt
    ? addDays(fridayOnOrAfter(dateIn(sentAt, tz)), weekdayOf(dateIn(sentAt, tz)) === FRIDAY ? 0 : -7)
    : fridayOnOrAfter(sprintStartDate ?? dateIn(now, tz));
  const { date, window } = periodicOccurrence(anchor, 14, (d) => dayWindow(tz, d), sentAt, now, tz);
  return {
    kind: "biweekly_friday_report",
    title: `Fortnightly report to ${customerName} for ${formatLongDate(date)}: done, issues, plans`,
    dueAt: window.dueAt.toISOString(),
    state: stateOf(window, now),
    reason: "Every second Friday: what was worked, issues, plans for the next week or two (seed 003)",
  };
}

function ragChangeNotice(snapshot: ProjectSnapshot, now: Date, sentAt: Date | null): FollowUp | null {
  const { rag, previousRag, ragChangedAt } = snapshot.project;
  if (rag === "green" || ragChangedAt === null || previousRag === rag) return null;
  const changedAt = new Date(ragChangedAt);
  if (sentAt !== null && sentAt >= changedAt) return null;
  const window = { opensAt: changedAt, dueAt: new Date(changedAt.getTime() + RAG_NOTICE_DEADLINE_HOURS * HOUR_MS) };
  return {
    kind: "rag_change_notice",
    title: `Tell the stakeholders: RAG turned ${rag}${previousRag ? ` (was ${previousRag})` : ""}`,
    dueAt: window.dueAt.toISOString(),
    state: stateOf(window, now),
    reason: `Bad news travels fast: a change to amber or red is flagged at once (seed 004); late ${RAG_NOTICE_DEADLINE_HOURS} h after the change`,
  };
}

/**
 * Every follow-up owed for the project at `now`: overdue and due ones, plus the next
 * occurrence of each cadence. Sorted by dueAt. `tz` (IANA) is the zone of the person who owes
 * them (the PM): their "today", 00:00 and 17:00. Default US Eastern, the runbook's zone.
 */
export function dueFollowUps(snapshot: ProjectSnapshot, meetings: Meeting[], now: Date, lastSent: LastSent = {}, tz: string = EASTERN_TIME_ZONE): FollowUp[] {
  const sent = (kind: FollowUpKind) => parseInstant(lastSent[kind]);
  const all: (FollowUp | null)[] = [
    ...recaps(snapshot, meetings, now),
    openTaskUpdate(snapshot, now, sent("open_task_update"), tz),
    sprintReport(snapshot, now, sent("sprint_report"), tz),
    biweeklyFridayReport(snapshot, now, sent("biweekly_friday_report"), tz),
    weeklyStatusReport(snapshot, now, sent("weekly_status_report"), tz),
    ragChangeNotice(snapshot, now, sent("rag_change_notice")),
  ];
  return all
    .filter((f): f is FollowUp => f !== null)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || followUpKinds.indexOf(a.kind) - followUpKinds.indexOf(b.kind));
}
