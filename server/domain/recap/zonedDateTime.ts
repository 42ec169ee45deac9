import { formatLongDate } from "../isoDates";
import { wallTimeIn, zoneAbbreviationIn } from "../zonedTime";
import type { IsoDate, IsoDateTime } from "../../../contracts/types";

// Instants shown as wall time in the recap's IANA time zone, in fixed English so the text
// reads the same on every server locale, the zone always named ("EST (New York)"). Offsets come
// from the one conversion in ../zonedTime.

export interface ZonedDateTime {
  date: IsoDate;
  /** "Mon 23 Nov 2026" */
  longDate: string;
  /** "10:00" (24-hour) */
  time: string;
  /** "EST", or "GMT+1" where the zone has no common abbreviation in English. */
  zoneName: string;
  /** The zone named for a reader: "EST (New York)", "GMT (London)", "GMT+1 (Berlin)"; "UTC" alone. */
  zoneLabel: string;
}

/** "America/New_York" → "New York", "America/Argentina/Buenos_Aires" → "Buenos Aires"; "" for UTC and Etc/ zones. */
export function zoneCity(timeZone: string): string {
  if (!timeZone.includes("/") || timeZone.startsWith("Etc/")) return "";
  return (timeZone.split("/").pop() ?? "").replace(/_/g, " ");
}

export function zonedDateTime(instant: IsoDateTime | Date, timeZone: string): ZonedDateTime {
  const ms = instant instanceof Date ? instant.getTime() : Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: "${String(instant)}"`);
  const at = new Date(ms);
  const wall = wallTimeIn(at, timeZone);
  const date = wall.date;
  const time = `${String(wall.hour).padStart(2, "0")}:${String(wall.minute).padStart(2, "0")}`;
  const zoneName = zoneAbbreviationIn(at, timeZone);
  const city = zoneCity(timeZone);
  return { date, longDate: formatLongDate(date), time, zoneName, zoneLabel: city ? `${zoneName} (${city})` : zoneName };
}

/** "Mon 23 Nov 2026" */
export const zonedLongDate = (instant: IsoDateTime, timeZone: string): string => zonedDateTime(instant, timeZone).longDate;

/** "Mon 23 Nov 2026, 10:00 EST (New York)": the zone is always named. */
export function zonedLongDateTime(instant: IsoDateTime, timeZone: string): string {
  const z = zonedDateTime(instant, timeZone);
  return `${z.longDate}, ${z.time} ${z.zoneLabel}`;
}

/**
 * A call's span in one zone, named: "Wed 2 Dec 2026, 14:00–14:45 EST (New York)". With `sameDayAs`
 * (a date already shown), the date is left out when it is that day: "19:00–19:45 GMT (London)".
 */
export function zonedSpan(startsAt: IsoDateTime, endsAt: IsoDateTime, timeZone: string, sameDayAs?: string): string {
  const start = zonedDateTime(startsAt, timeZone);
  const end = zonedDateTime(endsAt, timeZone);
  const times = `${start.time}–${end.time} ${end.zoneLabel}`;
  return sameDayAs === start.date ? times : `${start.longDate}, ${times}`;
}

/**
 * A call's span for readers in several zones: "Wed 2 Dec 2026, 14:00–14:45 EST (New York) ·
 * 19:00–19:45 GMT (London)": dated in `timeZone`, then the times in each of `alsoIn` (the date
 * repeated only where it differs). Every zone named. Used by the recap e-mail and the recap card.
 */
export function zonedSpanAcross(startsAt: IsoDateTime, endsAt: IsoDateTime, timeZone: string, alsoIn: readonly string[] = []): string {
  const day = zonedDateTime(startsAt, timeZone).date;
  return [zonedSpan(startsAt, endsAt, timeZone), ...alsoIn.map((z) => zonedSpan(startsAt, endsAt, z, day))].join(" · ");
}
