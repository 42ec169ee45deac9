import type { CallType, IsoDate } from "../../contracts/types";
import type {
  GraphDateTimeTimeZone,
  GraphDayOfWeek,
  GraphPatternedRecurrence,
  GraphRecurrencePattern,
  GraphRecurrenceRange,
  GraphWeekIndex,
} from "./MailCalendarGateway";

// The meeting series of each call type, as Graph recurrence + first occurrence. Pure: no clock.

export interface SeriesTiming {
  start: GraphDateTimeTimeZone;
  end: GraphDateTimeTimeZone;
  recurrence: GraphPatternedRecurrence;
}

export interface RecurrenceOptions {
  /** Earliest day of the series; the first occurrence is the first matching day on or after it. */
  from: IsoDate;
  /** Windows time zone name. Default "Eastern Standard Time". */
  timeZone?: string;
  /** Local start "HH:MM"; default per call type. */
  startTime?: string;
  durationMinutes?: number;
  /** Last day (inclusive) or number of occurrences; neither means no end. */
  until?: IsoDate;
  occurrences?: number;
  /** Steering committee: "relative" = same weekday and week of the month as `from` (default), "absolute" = same day number. */
  monthly?: "relative" | "absolute";
  /**
   * The weekday to hold a one-day series on (a weekly call, or a monthly one: its first occurrence is
   * the first such day on or after `from`). Default: the weekday of `from`, moved off a weekend.
   */
  weekday?: GraphDayOfWeek;
}

interface CallTypeDefaults {
  startTime: string;
  durationMinutes: number;
  /** Weekdays for weekly series; null = monthly; "from" = the weekday of the first day. */
  days: GraphDayOfWeek[] | "from" | null;
}

const weekdays: GraphDayOfWeek[] = ["monday", "tuesday", "wednesday", "thursday", "friday"];

const defaultsFor: Partial<Record<CallType, CallTypeDefaults>> = {
  triage: { startTime: "10:00", durationMinutes: 60, days: ["tuesday", "thursday"] },
  steering_committee: { startTime: "10:00", durationMinutes: 60, days: null },
  daily_status_check: { startTime: "09:00", durationMinutes: 15, days: weekdays },
};
const weeklyDefault: CallTypeDefaults = { startTime: "10:00", durationMinutes: 30, days: "from" };

const dayNames: GraphDayOfWeek[] = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const weekIndexes: GraphWeekIndex[] = ["first", "second", "third", "fourth", "last"];

export function recurrenceFor(callType: CallType, options: RecurrenceOptions): SeriesTiming {
  const defaults = defaultsFor[callType] ?? weeklyDefault;
  const timeZone = options.timeZone ?? "Eastern Standard Time";
  const startTime = options.startTime ?? defaults.startTime;
  const duration = options.durationMinutes ?? defaults.durationMinutes;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(startTime)) throw new Error(`recurrenceFor: startTime must be HH:MM, got ${startTime}`);
  if (!Number.isInteger(duration) || duration <= 0) throw new Error("recurrenceFor: durationMinutes must be a positive whole number");
  const from = parseDate(options.from);

  let first: Date;
  let pattern: GraphRecurrencePattern;
  if (defaults.days === null) {
    // A steering committee never lands on a weekend: the first weekday on or after `from`.
    first = options.weekday ? firstOnOrAfter(from, [options.weekday]) : nextWeekday(from);
    const dayOfMonth = first.getUTCDate();
    pattern =
      options.monthly === "absolute"
        ? { type: "absoluteMonthly", interval: 1, dayOfMonth }
        : { type: "relativeMonthly", interval: 1, daysOfWeek: [dayName(first)], index: weekIndexOf(dayOfMonth) };
  } else {
    const days = defaults.days === "from" ? [options.weekday ?? dayName(nextWeekday(from))] : defaults.days;
    first = firstOnOrAfter(from, days);
    pattern = { type: "weekly", interval: 1, daysOfWeek: days, firstDayOfWeek: "sunday" };
  }

  const startDate = formatDate(first);
  const range: GraphRecurrenceRange = options.until
    ? { type: "endDate", startDate, endDate: options.until, recurrenceTimeZone: timeZone }
    : options.occurrences
      ? { type: "numbered", startDate, numberOfOccurrences: options.occurrences, recurrenceTimeZone: timeZone }
      : { type: "noEnd", startDate, recurrenceTimeZone: timeZone };

  const [hh, mm] = startTime.split(":").map(Number);
  const startAt = new Date(first.getTime() + ((hh ?? 0) * 60 + (mm ?? 0)) * 60_000);
  const endAt = new Date(startAt.getTime() + duration * 60_000);
  return {
    start: { dateTime: formatLocal(startAt), timeZone },
    end: { dateTime: formatLocal(endAt), timeZone },
    recurrence: { pattern, range },
  };
}

function parseDate(iso: IsoDate): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || formatDate(date) !== iso) throw new Error(`recurrenceFor: not a calendar date: ${iso}`);
  return date;
}

function dayName(date: Date): GraphDayOfWeek {
  return dayNames[date.getUTCDay()] ?? "monday";
}

function nextWeekday(date: Date): Date {
  const day = date.getUTCDay();
  return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
}

function firstOnOrAfter(from: Date, days: GraphDayOfWeek[]): Date {
  for (let offset = 0; offset < 7; offset++) {
    const candidate = addDays(from, offset);
    if (days.includes(dayName(candidate))) return candidate;
  }
  throw new Error("recurrenceFor: a weekly series needs at least one day");
}

/** The week of the month a day falls in; the fifth occurrence of a weekday is the "last". */
function weekIndexOf(dayOfMonth: number): GraphWeekIndex {
  return weekIndexes[Math.min(Math.ceil(dayOfMonth / 7), 5) - 1] ?? "last";
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

function formatDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** Local wall-clock time as Graph's dateTimeTimeZone wants it: "2026-12-01T10:00:00". */
function formatLocal(date: Date): string {
  return date.toISOString().slice(0, 19);
}
