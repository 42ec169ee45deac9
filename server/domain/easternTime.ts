import { utcMidnightOf } from "./isoDates";
import { offsetMinutesIn, wallClockIn, type WallClock } from "./zonedTime";
import type { IsoDate } from "../../contracts/types";

// US Eastern wall time, the runbook's clock (triage is "10 to 11 am EST", reports are owed
// by the end of the New York business day). Offsets come from the runtime's time-zone
// database through Intl, so daylight saving is never hand-coded.

export const EASTERN_TIME_ZONE = "America/New_York";

export interface WallTime {
  date: IsoDate;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Minutes east of UTC at that instant: −240 in EDT, −300 in EST. */
  offsetMinutes: number;
}

const MS_PER_MINUTE = 60_000;
const HOURS_12 = 12 * 60 * MS_PER_MINUTE;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function fieldsAt(ms: number): WallClock {
  return wallClockIn(ms, EASTERN_TIME_ZONE);
}

function offsetMinutesAt(ms: number): number {
  return offsetMinutesIn(ms, EASTERN_TIME_ZONE);
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** The New York wall time of an instant. */
export function easternWallTime(instant: Date): WallTime {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("Invalid instant");
  const f = fieldsAt(ms);
  const date = `${f.year}-${pad(f.month)}-${pad(f.day)}`;
  return {
    date,
    hour: f.hour,
    minute: f.minute,
    second: f.second,
    weekday: new Date(utcMidnightOf(date)).getUTCDay(),
    offsetMinutes: offsetMinutesAt(ms),
  };
}

/** The New York calendar date of an instant. */
export function easternDateOf(instant: Date): IsoDate {
  return easternWallTime(instant).date;
}

/**
 * The instant at which New York clocks show `time` ("HH:MM") on `date`. A wall time that
 * happens twice (November fall-back) resolves to the first; one that never happens (March
 * spring-forward gap) moves forward by the gap, as calendars do.
 */
export function easternInstant(date: IsoDate, time: string): Date {
  const match = TIME.exec(time);
  if (!match) throw new RangeError(`Not a wall time (HH:MM): "${time}"`);
  const wallAsUtc = utcMidnightOf(date) + (Number(match[1]) * 60 + Number(match[2])) * MS_PER_MINUTE;
  const offsetBefore = offsetMinutesAt(wallAsUtc - HOURS_12);
  const offsetAfter = offsetMinutesAt(wallAsUtc + HOURS_12);
  const candidates = [wallAsUtc - offsetBefore * MS_PER_MINUTE, wallAsUtc - offsetAfter * MS_PER_MINUTE];
  const matching = candidates.filter((ms) => offsetMinutesAt(ms) * MS_PER_MINUTE + ms === wallAsUtc).sort((a, b) => a - b);
  return new Date(matching[0] ?? wallAsUtc - offsetBefore * MS_PER_MINUTE);
}
