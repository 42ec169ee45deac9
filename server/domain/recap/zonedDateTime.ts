import { formatLongDate } from "../isoDates";
import { wallTimeIn, zoneAbbreviationIn } from "../zonedTime";
import type { IsoDate, IsoDateTime } from "../../../contracts/types";

// Instants shown as wall time in the recap's IANA time zone, in fixed English so the text
// reads the same on every server locale. Offsets come from the one conversion in ../zonedTime.

export interface ZonedDateTime {
  date: IsoDate;
  /** "Mon 23 Nov 2026" */
  longDate: string;
  /** "10:00" (24-hour) */
  time: string;
  /** "EST", or "GMT+1" where the zone has no common abbreviation in English. */
  zoneName: string;
}

export function zonedDateTime(instant: IsoDateTime | Date, timeZone: string): ZonedDateTime {
  const ms = instant instanceof Date ? instant.getTime() : Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: "${String(instant)}"`);
  const at = new Date(ms);
  const wall = wallTimeIn(at, timeZone);
  const date = wall.date;
  const time = `${String(wall.hour).padStart(2, "0")}:${String(wall.minute).padStart(2, "0")}`;
  return { date, longDate: formatLongDate(date), time, zoneName: zoneAbbreviationIn(at, timeZone) };
}

/** "Mon 23 Nov 2026" */
export const zonedLongDate = (instant: IsoDateTime, timeZone: string): string => zonedDateTime(instant, timeZone).longDate;

/** "Mon 23 Nov 2026, 10:00 EST" */
export function zonedLongDateTime(instant: IsoDateTime, timeZone: string): string {
  const z = zonedDateTime(instant, timeZone);
  return `${z.longDate}, ${z.time} ${z.zoneName}`;
}
