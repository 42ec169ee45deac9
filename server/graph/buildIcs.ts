import type { IsoDateTime } from "../../contracts/types";
import type { GraphDateTimeTimeZone, GraphPatternedRecurrence, GraphWeekIndex } from "./MailCalendarGateway";
import { timeZoneFor, zonedTimeToUtc } from "./timeZoneFor";

// An RFC 5545 invitation (VCALENDAR with VTIMEZONE and one VEVENT) from Graph-shaped input. Pure.

export interface IcsPerson {
  email: string;
  name?: string;
}

export interface IcsEventInput {
  uid: string;
  /** When the file was produced (DTSTAMP). */
  dtstamp: IsoDateTime;
  sequence?: number;
  method?: "REQUEST" | "PUBLISH";
  subject: string;
  /** Plain-text description. */
  description: string;
  /** HTML description for clients that read X-ALT-DESC (Outlook). */
  descriptionHtml?: string;
  location?: string;
  url?: string;
  /** Local times with a Windows or IANA zone name. */
  start: GraphDateTimeTimeZone;
  end: GraphDateTimeTimeZone;
  recurrence?: GraphPatternedRecurrence;
  organizer: IcsPerson;
  attendees: (IcsPerson & { type: "required" | "optional" })[];
}

const setPosition: Record<GraphWeekIndex, number> = { first: 1, second: 2, third: 3, fourth: 4, last: -1 };

export function buildIcs(input: IcsEventInput): string {
  const startZone = timeZoneFor(input.start.timeZone);
  const endZone = timeZoneFor(input.end.timeZone);
  const zones = startZone.iana === endZone.iana ? [startZone] : [startZone, endZone];
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Callbook//Callbook//EN",
    "CALSCALE:GREGORIAN",
    `METHOD:${input.method ?? "REQUEST"}`,
    ...zones.flatMap((z) => z.vtimezone),
    "BEGIN:VEVENT",
    `UID:${text(input.uid)}`,
    `DTSTAMP:${utcStamp(new Date(input.dtstamp))}`,
    `SEQUENCE:${input.sequence ?? 0}`,
    `DTSTART;TZID=${startZone.iana}:${localStamp(input.start.dateTime)}`,
    `DTEND;TZID=${endZone.iana}:${localStamp(input.end.dateTime)}`,
    ...(input.recurrence ? [`RRULE:${rrule(input.recurrence, input.start, startZone.iana)}`] : []),
    `SUMMARY:${text(input.subject)}`,
    `DESCRIPTION:${text(input.description)}`,
    ...(input.descriptionHtml ? [`X-ALT-DESC;FMTTYPE=text/html;VALUE=TEXT:${text(input.descriptionHtml)}`] : []),
    ...(input.location ? [`LOCATION:${text(input.location)}`] : []),
    ...(input.url ? [`URL:${uri(input.url)}`] : []),
    `ORGANIZER${cn(input.organizer)}:${mailto(input.organizer.email)}`,
    ...input.attendees.map(
      (a) =>
        `ATTENDEE${cn(a)};ROLE=${a.type === "required" ? "REQ-PARTICIPANT" : "OPT-PARTICIPANT"};PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CUTYPE=INDIVIDUAL:${mailto(a.email)}`,
    ),
    "STATUS:CONFIRMED",
    "TRANSP:OPAQUE",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}

/** RRULE value for a Graph recurrence; UNTIL is the end of the last day, in UTC as RFC 5545 requires. */
export function rrule(recurrence: GraphPatternedRecurrence, start: GraphDateTimeTimeZone, iana: string): string {
  const p = recurrence.pattern;
  const parts: string[] = [];
  const days = (list: string[]) => list.map((d) => d.slice(0, 2).toUpperCase()).join(",");
  switch (p.type) {
    case "daily":
      parts.push("FREQ=DAILY");
      break;
    case "weekly":
      parts.push("FREQ=WEEKLY", `BYDAY=${days(p.daysOfWeek)}`, `WKST=${days([p.firstDayOfWeek ?? "sunday"])}`);
      break;
    case "absoluteMonthly":
      parts.push("FREQ=MONTHLY", `BYMONTHDAY=${p.dayOfMonth}`);
      break;
    case "relativeMonthly":
      parts.push("FREQ=MONTHLY", `BYDAY=${days(p.daysOfWeek)}`, `BYSETPOS=${setPosition[p.index]}`);
      break;
    case "absoluteYearly":
      parts.push("FREQ=YEARLY", `BYMONTH=${p.month}`, `BYMONTHDAY=${p.dayOfMonth}`);
      break;
    case "relativeYearly":
      parts.push("FREQ=YEARLY", `BYMONTH=${p.month}`, `BYDAY=${days(p.daysOfWeek)}`, `BYSETPOS=${setPosition[p.index]}`);
      break;
  }
  if (p.interval !== 1) parts.splice(1, 0, `INTERVAL=${p.interval}`);
  const range = recurrence.range;
  if (range.type === "numbered") parts.push(`COUNT=${range.numberOfOccurrences}`);
  if (range.type === "endDate") {
    const lastMoment = zonedTimeToUtc(`${range.endDate}T23:59:59`, iana);
    if (lastMoment < zonedTimeToUtc(start.dateTime, iana)) throw new Error("buildIcs: recurrence ends before it starts");
    parts.push(`UNTIL=${utcStamp(lastMoment)}`);
  }
  return parts.join(";");
}

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

const text = (value: string) => escapeText(stripControls(value));

/** Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence. */
export function fold(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

function cn(person: IcsPerson): string {
  // Parameter values cannot hold DQUOTE or control characters (RFC 5545 3.1).
  const name = stripControls(person.name ?? "").replace(/\s+/g, " ").replace(/"/g, "'").trim();
  return name ? `;CN="${name}"` : "";
}

function mailto(email: string): string {
  if (!/^[^\s@<>"(),;:\\]+@[^\s@<>"(),;:\\]+$/.test(email)) throw new Error(`buildIcs: not an e-mail address: ${JSON.stringify(email)}`);
  return `mailto:${email}`;
}

function uri(value: string): string {
  if (/[\s"<>]/.test(value)) throw new Error("buildIcs: URL must not contain spaces, quotes or angle brackets");
  return value;
}

function stripControls(value: string): string {
  // Keeps tabs and line breaks (escaped later as \n); drops other C0 controls and DEL.
  return [...value].filter((c) => c === "\t" || c === "\n" || c === "\r" || (c >= " " && c !== "\u007f")).join("");
}

function localStamp(dateTime: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(dateTime);
  if (!match) throw new Error(`buildIcs: not a local date-time: ${dateTime}`);
  return `${match[1]}${match[2]}${match[3]}T${match[4]}${match[5]}${match[6] ?? "00"}`;
}

function utcStamp(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error("buildIcs: invalid instant");
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}
