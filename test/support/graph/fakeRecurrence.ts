import { findIana } from "windows-iana";
import { instantAt } from "../../../server/domain/zonedTime";
import { addDays, weekdayOf } from "../../../server/domain/isoDates";

// The fake Graph's own expansion of a Graph `patternedRecurrence` into occurrence instants, written
// from Microsoft's "Schedule repeating appointments as recurring events" (v1.0) rules, apart from
// Callbook's RRULE code so the two can disagree. Patterns: daily, weekly, absoluteMonthly,
// relativeMonthly; ranges: noEnd, endDate, numbered.

const dayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const indexes = ["first", "second", "third", "fourth"];

export interface FakeOccurrence {
  /** The instant the recurrence puts it at (Graph `originalStart`). */
  start: number;
  end: number;
}

/** The IANA zone behind a Graph zone name (a Windows name or an IANA one). */
export function fakeIana(zone: string): string {
  return findIana(zone)[0] ?? zone;
}

type Obj = Record<string, unknown>;

/** Occurrences of `event` (a created event's JSON) that overlap [from, to). At most 1,000. */
export function expandFakeSeries(event: Obj, from: number, to: number): FakeOccurrence[] {
  const recurrence = event.recurrence as Obj | undefined;
  const pattern = (recurrence?.pattern ?? {}) as Obj;
  const range = (recurrence?.range ?? {}) as Obj;
  const start = event.start as { dateTime: string; timeZone: string };
  const end = event.end as { dateTime: string; timeZone: string };
  const zone = fakeIana(String(range.recurrenceTimeZone ?? start.timeZone));
  const time = start.dateTime.slice(11, 19);
  const durationMs = Date.parse(`${end.dateTime.slice(0, 19)}Z`) - Date.parse(`${start.dateTime.slice(0, 19)}Z`);
  const first = String(range.startDate);
  const interval = Number(pattern.interval ?? 1);
  const days = (Array.isArray(pattern.daysOfWeek) ? pattern.daysOfWeek : []).map((d) => dayNames.indexOf(String(d)));
  const result: FakeOccurrence[] = [];
  let count = 0;
  const take = (date: string): boolean => {
    if (date < first) return true;
    if (range.type === "endDate" && date > String(range.endDate)) return false;
    if (range.type === "numbered" && count >= Number(range.numberOfOccurrences)) return false;
    count++;
    const at = instantAt(date, time, zone).getTime();
    if (at >= to) return false;
    if (at + durationMs > from) result.push({ start: at, end: at + durationMs });
    return result.length < 1000;
  };
  for (let step = 0; step < 5000; step++) {
    const dates = datesOfStep(String(pattern.type), first, step, interval, days, pattern);
    for (const date of dates) if (!take(date)) return result;
  }
  return result;
}

function datesOfStep(type: string, first: string, step: number, interval: number, days: number[], pattern: Obj): string[] {
  if (type === "daily") return [addDays(first, step * interval)];
  if (type === "weekly") {
    const weekStart = addDays(first, -((weekdayOf(first) - dayNames.indexOf(String(pattern.firstDayOfWeek ?? "sunday")) + 7) % 7));
    const week = addDays(weekStart, step * interval * 7);
    return Array.from({ length: 7 }, (_, i) => addDays(week, i)).filter((d) => days.includes(weekdayOf(d)));
  }
  const [y, m] = first.split("-").map(Number) as [number, number];
  const monthIndex = y * 12 + (m - 1) + step * interval;
  const year = Math.floor(monthIndex / 12);
  const month = String((monthIndex % 12) + 1).padStart(2, "0");
  const lastDay = new Date(Date.UTC(year, (monthIndex % 12) + 1, 0)).getUTCDate();
  if (type === "absoluteMonthly") {
    const day = Number(pattern.dayOfMonth);
    return day <= lastDay ? [`${year}-${month}-${String(day).padStart(2, "0")}`] : [];
  }
  if (type === "relativeMonthly") {
    const all = Array.from({ length: lastDay }, (_, i) => `${year}-${month}-${String(i + 1).padStart(2, "0")}`).filter((d) => days.includes(weekdayOf(d)));
    const index = String(pattern.index ?? "first");
    const pick = index === "last" ? all.at(-1) : all[indexes.indexOf(index)];
    return pick ? [pick] : [];
  }
  throw new Error(`The fake Graph does not expand "${type}" recurrences`);
}
