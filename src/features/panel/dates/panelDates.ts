// The one way the side panel writes dates: in the viewer's locale and time zone, taken from the
// host (Teams context `app.locale` and `user.timeZone`, teams-js v2), else the browser's Intl defaults.

/** The viewer's locale (BCP 47, e.g. "en-GB") and IANA time zone (e.g. "Europe/London"); undefined = the browser's. */
export interface ViewerZone {
  locale: string | undefined;
  timeZone: string | undefined;
}

export interface PanelDates {
  /** A calendar date (yyyy-mm-dd, no zone: a due date is a day everywhere): "Fri 4 Dec", with the year when it is not this year's. */
  day(isoDate: string): string;
  /** An instant (ISO 8601 with offset) as a day and time in the viewer's zone: "Wed 2 Dec, 19:00". */
  dayTime(isoInstant: string): string;
  /** An instant's time of day in the viewer's zone: "19:00" (or "7:00 PM" where the locale says so). */
  time(isoInstant: string): string;
  /** An instant's day in the viewer's zone: "Wed 2 Dec". */
  dayOf(isoInstant: string): string;
  /** An instant's weekday in the viewer's zone: "Wed". */
  weekday(isoInstant: string): string;
  /** An instant as a day and time naming the viewer's zone (short name), for times shown beside others': "Mon, Nov 30, 10:00 PM GMT", "Tue 1 Dec, 03:30 GMT+5:30". */
  dayTimeZone(isoInstant: string): string;
  /** A span of time (two instants) on one line, naming the viewer's zone once: "7:00 – 7:45 PM GMT", "14:00–14:45 EST". */
  timeRangeZone(startIso: string, endIso: string): string;
  /** The viewer's zone's short name at that instant: "GMT", "EST", "GMT+5:30" (summer time included). */
  zoneName(isoInstant: string): string;
  /** The calendar date (yyyy-mm-dd) it is at `nowMs` in the viewer's zone: "today" for due dates. */
  today(nowMs: number): string;
}

function safeZone(zone: ViewerZone): ViewerZone {
  // A zone or locale the runtime does not know falls back to the browser's rather than throwing.
  let locale = zone.locale;
  let timeZone = zone.timeZone;
  try {
    new Intl.DateTimeFormat(locale);
  } catch {
    locale = undefined;
  }
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
  } catch {
    timeZone = undefined;
  }
  return { locale, timeZone };
}

interface Formatters {
  isoDay: Intl.DateTimeFormat;
  dayNoYear: Intl.DateTimeFormat;
  dayYear: Intl.DateTimeFormat;
  zonedDay: Intl.DateTimeFormat;
  zonedTime: Intl.DateTimeFormat;
  zonedDayTimeZone: Intl.DateTimeFormat;
  zonedTimeZone: Intl.DateTimeFormat;
  zonedWeekday: Intl.DateTimeFormat;
}

// One set of formatters per (locale, zone) as the host gave them, made on first use and kept: an
// Intl.DateTimeFormat costs about a millisecond to build in Chromium, and every component that
// writes dates (each agenda row) asks for the formatter. The side panel's cold-load CPU profile
// (bench/profilePanelLoad.ts, issue 19) charged ~57 ms of the ~280 ms between the last API
// response and the agenda's first paint to building them again per component. They are pure
// functions of locale and zone, so sharing them changes no text.
const formattersByZone = new Map<string, Formatters>();

function formattersFor(viewer: ViewerZone): Formatters {
  const key = `${viewer.locale ?? ""}\u0000${viewer.timeZone ?? ""}`;
  const known = formattersByZone.get(key);
  if (known) return known;
  const { locale, timeZone } = safeZone(viewer);
  const made: Formatters = {
    isoDay: new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }),
    dayNoYear: new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }),
    dayYear: new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
    zonedDay: new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", timeZone }),
    zonedTime: new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone }),
    zonedDayTimeZone: new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit", timeZone, timeZoneName: "short" }),
    zonedTimeZone: new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone, timeZoneName: "short" }),
    zonedWeekday: new Intl.DateTimeFormat(locale, { weekday: "short", timeZone }),
  };
  formattersByZone.set(key, made);
  return made;
}

/**
 * The formatter for one viewer. Throws nothing: unknown zones and locales fall back to the browser's.
 * The Intl formatters behind it are shared by every call with the same locale and zone (see formattersFor);
 * "this year" (whether `day` writes the year) is taken at `nowMs` on each call.
 */
export function panelDates(viewer: ViewerZone, nowMs: number = Date.now()): PanelDates {
  const { isoDay, dayNoYear, dayYear, zonedDay, zonedTime, zonedDayTimeZone, zonedTimeZone, zonedWeekday } = formattersFor(viewer);
  const today = (ms: number) => isoDay.format(new Date(ms));
  const thisYear = today(nowMs).slice(0, 4);
  const zoneName = (iso: string) => zonedTimeZone.formatToParts(new Date(iso)).find((p) => p.type === "timeZoneName")?.value ?? "";
  return {
    day: (d) => (d.startsWith(thisYear) ? dayNoYear : dayYear).format(new Date(`${d.slice(0, 10)}T00:00:00Z`)),
    dayOf: (iso) => zonedDay.format(new Date(iso)),
    weekday: (iso) => zonedWeekday.format(new Date(iso)),
    time: (iso) => zonedTime.format(new Date(iso)),
    dayTime: (iso) => `${zonedDay.format(new Date(iso))}, ${zonedTime.format(new Date(iso))}`,
    dayTimeZone: (iso) => zonedDayTimeZone.format(new Date(iso)),
    timeRangeZone: (start, end) => zonedTimeZone.formatRange(new Date(start), new Date(end)),
    zoneName,
    today,
  };
}
