import { tzlib_get_ical_block } from "timezones-ical-library";
import { findIana, findWindows } from "windows-iana";
import { isIanaTimeZone } from "../domain/zonedTime";

/**
 * Windows time zone names (what Graph and Outlook speak: "India Standard Time") ↔ IANA names
 * (what browsers, the tz database and iCalendar files speak: "Asia/Calcutta"), through the
 * CLDR windowsZones mapping (`windows-iana`), and the VTIMEZONE of any IANA zone from the tz
 * database (`timezones-ical-library`). No zone is hand-written here.
 *
 * Custom zones ("tzone://Microsoft/Custom", "Customized Time Zone") have no mapping: Callbook
 * asks Graph for UTC (`Prefer: outlook.timezone="UTC"`) so it never needs one.
 */

/** A zone name that is neither a CLDR Windows zone nor an IANA zone the runtime knows. */
export class UnknownTimeZone extends RangeError {
  override readonly name = "UnknownTimeZone";
  constructor(readonly timeZone: string) {
    super(`Unknown time zone "${timeZone}": give an IANA name (e.g. "Europe/London") or a Windows name (e.g. "GMT Standard Time")`);
  }
}

/**
 * The canonical IANA name of a Windows or IANA zone name: a Windows name gives CLDR's golden
 * zone (territory "001"); links resolve to their tz database zone. Throws {@link UnknownTimeZone}.
 */
export function ianaZoneFor(name: string): string {
  const trimmed = name.trim();
  const iana = isIanaTimeZone(trimmed) ? trimmed : (findIana(trimmed, "001")[0] ?? findIana(trimmed)[0]);
  if (!iana || !isIanaTimeZone(iana)) throw new UnknownTimeZone(name);
  return canonicalIana(iana);
}

/** The tz database's own name for a link ("Asia/Calcutta" → "Asia/Kolkata", "US/Eastern" → "America/New_York"): the TZID its VTIMEZONE carries. */
function canonicalIana(iana: string): string {
  const block = tzlib_get_ical_block(iana);
  const tzid = Array.isArray(block) ? /^TZID=(.+)$/.exec(block[1] ?? "")?.[1] : undefined;
  return tzid && isIanaTimeZone(tzid) ? tzid : iana;
}

/** The Windows name of an IANA (or Windows) zone name, as Graph's `dateTimeTimeZone` wants it; null when CLDR has none. */
export function windowsZoneFor(name: string): string | null {
  const trimmed = name.trim();
  if (findIana(trimmed).length > 0) return trimmed;
  return findWindows(trimmed)[0] ?? null;
}

/** The VTIMEZONE component (CRLF-separated lines) of an IANA zone, from the tz database; null for UTC or an unknown zone. */
export function vtimezoneFor(iana: string): string | null {
  const block = tzlib_get_ical_block(iana);
  const text = Array.isArray(block) ? block[0] : null;
  return text && text.startsWith("BEGIN:VTIMEZONE") ? text : null;
}
