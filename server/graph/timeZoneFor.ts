import { offsetMinutesIn } from "../domain/zonedTime";
// Windows time zone names (what Graph uses) ↔ IANA names (what iCalendar files carry), with the
// VTIMEZONE definitions of the zones Callbook schedules in. Add a zone here before using it.

export interface TimeZoneInfo {
  windows: string;
  iana: string;
  /** VTIMEZONE component lines (unfolded, without CRLF). */
  vtimezone: string[];
}

interface Rule {
  standard: { offset: string; name: string; since: string; rule: string };
  daylight?: { offset: string; name: string; since: string; rule: string };
}

const usRules = (std: string, dst: string, stdName: string, dstName: string): Rule => ({
  daylight: { offset: dst, name: dstName, since: "20070311T020000", rule: "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU" },
  standard: { offset: std, name: stdName, since: "20071104T020000", rule: "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU" },
});

const euRules = (std: string, dst: string, stdName: string, dstName: string, startTime: string, endTime: string): Rule => ({
  daylight: { offset: dst, name: dstName, since: `19810329T${startTime}`, rule: "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU" },
  standard: { offset: std, name: stdName, since: `19961027T${endTime}`, rule: "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU" },
});

const zones: { windows: string; iana: string; rules: Rule }[] = [
  { windows: "Eastern Standard Time", iana: "America/New_York", rules: usRules("-0500", "-0400", "EST", "EDT") },
  { windows: "Central Standard Time", iana: "America/Chicago", rules: usRules("-0600", "-0500", "CST", "CDT") },
  { windows: "Mountain Standard Time", iana: "America/Denver", rules: usRules("-0700", "-0600", "MST", "MDT") },
  { windows: "Pacific Standard Time", iana: "America/Los_Angeles", rules: usRules("-0800", "-0700", "PST", "PDT") },
  { windows: "GMT Standard Time", iana: "Europe/London", rules: euRules("+0000", "+0100", "GMT", "BST", "010000", "020000") },
  { windows: "W. Europe Standard Time", iana: "Europe/Berlin", rules: euRules("+0100", "+0200", "CET", "CEST", "020000", "030000") },
  { windows: "UTC", iana: "Etc/UTC", rules: { standard: { offset: "+0000", name: "UTC", since: "19700101T000000", rule: "" } } },
];

/** Looks a zone up by Windows or IANA name; throws for a zone without rules here. */
export function timeZoneFor(name: string): TimeZoneInfo {
  const zone = zones.find((z) => z.windows === name || z.iana === name);
  if (!zone) throw new Error(`timeZoneFor: no VTIMEZONE rules for "${name}"`);
  const { standard, daylight } = zone.rules;
  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone.iana}`];
  if (daylight) {
    lines.push(
      "BEGIN:DAYLIGHT",
      `TZOFFSETFROM:${standard.offset}`,
      `TZOFFSETTO:${daylight.offset}`,
      `TZNAME:${daylight.name}`,
      `DTSTART:${daylight.since}`,
      `RRULE:${daylight.rule}`,
      "END:DAYLIGHT",
    );
  }
  lines.push(
    "BEGIN:STANDARD",
    `TZOFFSETFROM:${daylight?.offset ?? standard.offset}`,
    `TZOFFSETTO:${standard.offset}`,
    `TZNAME:${standard.name}`,
    `DTSTART:${standard.since}`,
    ...(standard.rule ? [`RRULE:${standard.rule}`] : []),
    "END:STANDARD",
    "END:VTIMEZONE",
  );
  return { windows: zone.windows, iana: zone.iana, vtimezone: lines };
}

/** The UTC instant of a local wall-clock time ("2026-12-31T23:59:59") in an IANA zone. */
export function zonedTimeToUtc(localDateTime: string, iana: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(localDateTime);
  if (!match) throw new Error(`zonedTimeToUtc: not a local date-time: ${localDateTime}`);
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const wallAsUtc = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
  // Two passes settle the offset around DST changes.
  let guess = wallAsUtc - offsetMs(wallAsUtc, iana);
  guess = wallAsUtc - offsetMs(guess, iana);
  return new Date(guess);
}

function offsetMs(instant: number, iana: string): number {
  return offsetMinutesIn(instant, iana) * 60_000;
}
