import { weekdayNames, type IsoDate, type WeekdayName } from "../../contracts/types";

// Calendar-date arithmetic on "YYYY-MM-DD" strings. A calendar date has no time zone, so
// every computation runs on UTC midnights, where no day is ever 23 or 25 hours long.

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export { weekdayNames, type WeekdayName };

const SHORT_WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** Milliseconds of the UTC midnight that starts `date`; throws on anything but a real date. */
export function utcMidnightOf(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date: "${date}"`);
  }
  return ms;
}

/** The UTC calendar date of an instant. */
export function utcDateOf(instant: Date): IsoDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid instant");
  return instant.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(utcMidnightOf(date) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcMidnightOf(to) - utcMidnightOf(from)) / MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  return new Date(utcMidnightOf(date)).getUTCDay();
}

/** "Tue 5 Jan 2027": fixed English, so it reads the same on every server locale. */
export function formatLongDate(date: IsoDate): string {
  const d = new Date(utcMidnightOf(date));
  return `${SHORT_WEEKDAYS[d.getUTCDay()] ?? ""} ${d.getUTCDate()} ${SHORT_MONTHS[d.getUTCMonth()] ?? ""} ${d.getUTCFullYear()}`;
}

/** Ascending order for optional dates: dated first, then undated. */
export function compareOptionalDates(a: IsoDate | null, b: IsoDate | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
