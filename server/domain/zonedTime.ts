import { Temporal } from "temporal-polyfill";
import type { IsoDate } from "../../contracts/types";

/**
 * The one wall-clock ↔ instant conversion of Callbook, for any IANA time zone, through the
 * Temporal polyfill (`temporal-polyfill`, tz database rules from the runtime's Intl).
 *
 * - wall clock → instant: {@link instantAt}. A wall time that happens twice (autumn fall-back)
 *   resolves to the earlier instant; one that never happens (spring-forward gap) moves forward
 *   by the length of the gap. This is Temporal's `disambiguation: "compatible"`, the rule of
 *   RFC 5545 §3.3.5 and of Outlook: New York 2026-03-08 02:30 → 03:30 EDT = 07:30Z.
 * - instant → wall clock: {@link wallTimeIn}, {@link dateIn}.
 *
 * Server-side only: the front end shows times with `Intl.DateTimeFormat`, never this module.
 */

/** The runbook's reference zone: "10 to 11 am Eastern" triage, the demo's seed times (seed 001). */
export const EASTERN_TIME_ZONE = "America/New_York";

export interface WallTime {
  date: IsoDate;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Minutes east of UTC at that instant: −240 in EDT, −300 in EST, +330 in Kolkata. */
  offsetMinutes: number;
}

const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NS_PER_MINUTE = 60_000_000_000;

/** True when `timeZone` is an IANA zone name the runtime knows ("Asia/Kolkata"; not "India Standard Time"). */
export function isIanaTimeZone(timeZone: string): boolean {
  if (!timeZone.includes("/") && !/^(UTC|Etc\/.+|GMT)$/.test(timeZone)) return false;
  try {
    Temporal.Now.zonedDateTimeISO(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant at which clocks in `timeZone` show `time` ("HH:MM" or "HH:MM:SS") on `date`
 * ("YYYY-MM-DD"). Gap → forward by the gap; overlap → the earlier instant (see module note).
 * Throws RangeError for a malformed date or time, or an unknown zone.
 */
export function instantAt(date: IsoDate, time: string, timeZone: string): Date {
  const match = LOCAL_TIME.exec(time);
  if (!match) throw new RangeError(`Not a wall time (HH:MM): "${time}"`);
  if (!ISO_DATE.test(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}"`);
  const local = Temporal.PlainDateTime.from(`${date}T${match[1]}:${match[2]}:${match[3] ?? "00"}`, { overflow: "reject" });
  const zoned = local.toZonedDateTime(timeZone, { disambiguation: "compatible" });
  return new Date(zoned.epochMilliseconds);
}

/** {@link instantAt} for a local date-time "YYYY-MM-DDTHH:MM[:SS[.fff]]" (Graph's `dateTimeTimeZone.dateTime`). */
export function instantOfLocal(localDateTime: string, timeZone: string): Date {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)/.exec(localDateTime);
  if (!match?.[1] || !match[2]) throw new RangeError(`Not a local date-time: "${localDateTime}"`);
  return instantAt(match[1], match[2], timeZone);
}

/** The wall clock in `timeZone` at `instant`. Throws RangeError for an invalid instant or unknown zone. */
export function wallTimeIn(instant: Date, timeZone: string): WallTime {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("Invalid instant");
  const z = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
  return {
    date: z.toPlainDate().toString(),
    hour: z.hour,
    minute: z.minute,
    second: z.second,
    weekday: z.dayOfWeek % 7,
    offsetMinutes: Math.round(z.offsetNanoseconds / NS_PER_MINUTE),
  };
}

/** The calendar date in `timeZone` at `instant` ("today" for a person in that zone). */
export function dateIn(instant: Date, timeZone: string): IsoDate {
  return wallTimeIn(instant, timeZone).date;
}

/** "HH:MM" of the wall clock in `timeZone` at `instant`. */
export function timeIn(instant: Date, timeZone: string): string {
  const w = wallTimeIn(instant, timeZone);
  return `${String(w.hour).padStart(2, "0")}:${String(w.minute).padStart(2, "0")}`;
}

/** Local date-time "YYYY-MM-DDTHH:MM:SS" in `timeZone` at `instant`, as Graph's `dateTimeTimeZone` wants it. */
export function localDateTimeIn(instant: Date, timeZone: string): string {
  const w = wallTimeIn(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${w.date}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The short English zone name at `instant` ("EST", "GMT+5:30"): display only, never arithmetic. */
export function zoneAbbreviationIn(instant: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" });
    formatters.set(timeZone, f);
  }
  return f.formatToParts(instant).find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}
