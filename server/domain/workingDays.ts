import { addDays, daysBetween, weekdayOf } from "./isoDates";
import type { IsoDate } from "../../contracts/types";

// Working days: Monday to Friday, minus the project's holidays (Project.holidays).

export function isWorkingDay(date: IsoDate, holidays: readonly IsoDate[] = []): boolean {
  const weekday = weekdayOf(date);
  return weekday !== 0 && weekday !== 6 && !holidays.includes(date);
}

/**
 * The date `count` working days after `date` (before it when negative). Counting starts on
 * the next day, so Friday + 1 is Monday; `count` 0 returns `date` unchanged even when it is
 * not a working day itself.
 */
export function addWorkingDays(date: IsoDate, count: number, holidays: readonly IsoDate[] = []): IsoDate {
  if (!Number.isInteger(count)) throw new RangeError(`Working days must be a whole number, got ${count}`);
  const holidaySet = new Set(holidays);
  const step = count < 0 ? -1 : 1;
  let remaining = Math.abs(count);
  let current = date;
  while (remaining > 0) {
    current = addDays(current, step);
    const weekday = weekdayOf(current);
    if (weekday !== 0 && weekday !== 6 && !holidaySet.has(current)) remaining -= 1;
  }
  return current;
}

/**
 * Working days in the half-open range (from, to]: how many working days have passed since
 * `from` by the end of `to`. Negative (−count of (to, from]) when `to` is before `from`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, holidays: readonly IsoDate[] = []): number {
  const span = daysBetween(from, to);
  if (span < 0) return -workingDaysBetween(to, from, holidays);
  const holidaySet = new Set(holidays);
  let count = 0;
  for (let offset = 1; offset <= span; offset += 1) {
    const day = addDays(from, offset);
    const weekday = weekdayOf(day);
    if (weekday !== 0 && weekday !== 6 && !holidaySet.has(day)) count += 1;
  }
  return count;
}
