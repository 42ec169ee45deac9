import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalAttendeeType, ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from "ical-generator";
import { Temporal } from "temporal-polyfill";
import type { IsoDateTime } from "../../contracts/types";
import { instantOfLocal } from "../domain/zonedTime";
import type { GraphDateTimeTimeZone, GraphPatternedRecurrence, GraphWeekIndex } from "./MailCalendarGateway";
import { ianaZoneFor, vtimezoneFor } from "./timeZoneFor";

// An RFC 5545 invitation (VCALENDAR with the VTIMEZONE of its zone, from the tz database, and one
// VEVENT, plus one overriding VEVENT per changed occurrence) from Graph-shaped input, written by
// ical-generator. Pure. Any IANA or Windows zone name works (see timeZoneFor).

export interface IcsPerson {
  email: string;
  name?: string;
}

export interface IcsAttendee extends IcsPerson {
  type: "required" | "optional";
}

/**
 * One occurrence of the series whose attendees differ (RFC 5545 §3.8.4.4 RECURRENCE-ID): e.g. a
 * backup invited in place of someone out of office on that day.
 */
export interface IcsOccurrenceOverride {
  /** The occurrence's original local start, "YYYY-MM-DDTHH:MM:SS", in the series' zone. */
  originalStart: string;
  attendees: IcsAttendee[];
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
  attendees: IcsAttendee[];
  /** Occurrences of the series with their own attendee list. */
  overrides?: IcsOccurrenceOverride[];
}

const setPosition: Record<GraphWeekIndex, number> = { first: 1, second: 2, third: 3, fourth: 4, last: -1 };

/**
 * The .ics text (CRLF lines, folded at 75 octets, ending in CRLF). Throws for an address that
 * could break a line, a URL with spaces or quotes, an unknown zone ({@link UnknownTimeZone}) or
 * a recurrence that ends before it starts.
 */
export function buildIcs(input: IcsEventInput): string {
  const zone = ianaZoneFor(input.start.timeZone);
  const endZone = ianaZoneFor(input.end.timeZone);
  // One zone per event in ical-generator: the end is expressed in the start's zone.
  const end = endZone === zone ? plainLocal(input.end.dateTime) : plainLocalIn(input.end, zone);
  const calendar = ical({
    prodId: "//Callbook//Callbook//EN", // ical-generator writes the leading "-"
    method: input.method === "PUBLISH" ? ICalCalendarMethod.PUBLISH : ICalCalendarMethod.REQUEST,
    scale: "GREGORIAN",
    // No calendar-wide zone: ical-generator would then write DTSTAMP as a floating local time.
    // Each event names its zone, and the generator adds that zone's VTIMEZONE.
    timezone: { name: null, generator: vtimezoneFor },
  });
  const base = {
    id: text(input.uid),
    sequence: input.sequence ?? 0,
    stamp: new Date(input.dtstamp),
    timezone: zone,
    summary: text(input.subject),
    description: text(input.description),
    // VALUE=TEXT so readers unescape it like DESCRIPTION (ical-generator's own X-ALT-DESC omits it).
    ...(input.descriptionHtml ? { x: [["X-ALT-DESC;FMTTYPE=text/html;VALUE=TEXT", text(input.descriptionHtml)] as [string, string]] } : {}),
    ...(input.location ? { location: text(input.location) } : {}),
    ...(input.url ? { url: uri(input.url) } : {}),
    organizer: { email: address(input.organizer.email), name: cnValue(input.organizer) || input.organizer.email },
    status: ICalEventStatus.CONFIRMED,
    transparency: ICalEventTransparency.OPAQUE,
  };
  if (Number.isNaN(base.stamp.getTime())) throw new Error("buildIcs: invalid instant");
  const start = plainLocal(input.start.dateTime);
  const durationMs = Date.parse(`${end.toString()}Z`) - Date.parse(`${start.toString()}Z`);
  calendar.createEvent({
    ...base,
    start,
    end,
    ...(input.recurrence ? { repeating: rrule(input.recurrence, input.start, zone) } : {}),
    attendees: input.attendees.map(attendee),
  });
  for (const o of input.overrides ?? []) {
    const originalStart = plainLocal(o.originalStart);
    calendar.createEvent({
      ...base,
      recurrenceId: originalStart,
      start: originalStart,
      end: originalStart.add({ milliseconds: durationMs }),
      attendees: o.attendees.map(attendee),
    });
  }
  return `${calendar.toString()}\r\n`;
}

function attendee(a: IcsAttendee) {
  const name = cnValue(a);
  return {
    email: address(a.email),
    ...(name ? { name } : {}),
    role: a.type === "required" ? ICalAttendeeRole.REQ : ICalAttendeeRole.OPT,
    status: ICalAttendeeStatus.NEEDSACTION,
    rsvp: true,
    type: ICalAttendeeType.INDIVIDUAL,
  };
}

function plainLocal(dateTime: string): Temporal.PlainDateTime {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)/.exec(dateTime);
  if (!match?.[1]) throw new Error(`buildIcs: not a local date-time: ${dateTime}`);
  return Temporal.PlainDateTime.from(match[1], { overflow: "reject" });
}

function plainLocalIn(value: GraphDateTimeTimeZone, zone: string): Temporal.PlainDateTime {
  const instant = instantOfLocal(value.dateTime, ianaZoneFor(value.timeZone));
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(zone).toPlainDateTime();
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
    const lastMoment = instantOfLocal(`${range.endDate}T23:59:59`, iana);
    if (lastMoment < instantOfLocal(start.dateTime, iana)) throw new Error("buildIcs: recurrence ends before it starts");
    parts.push(`UNTIL=${utcStamp(lastMoment)}`);
  }
  return parts.join(";");
}

/** TEXT values: C0 controls other than tab and line breaks dropped; ical-generator escapes (RFC 5545 3.3.11) and folds. */
const text = (value: string) => stripControls(value);

/** A CN parameter value: parameter values cannot hold DQUOTE or control characters (RFC 5545 3.1). */
function cnValue(person: IcsPerson): string {
  return stripControls(person.name ?? "").replace(/\s+/g, " ").replace(/"/g, "'").trim();
}

function address(email: string): string {
  if (!/^[^\s@<>"(),;:\\]+@[^\s@<>"(),;:\\]+$/.test(email)) throw new Error(`buildIcs: not an e-mail address: ${JSON.stringify(email)}`);
  return email;
}

function uri(value: string): string {
  if (/[\s"<>]/.test(value)) throw new Error("buildIcs: URL must not contain spaces, quotes or angle brackets");
  return value;
}

function stripControls(value: string): string {
  // Keeps tabs and line breaks (escaped later as \n); drops other C0 controls and DEL.
  return [...value].filter((c) => c === "\t" || c === "\n" || c === "\r" || (c >= " " && c !== "\u007f")).join("");
}

function utcStamp(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error("buildIcs: invalid instant");
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}
