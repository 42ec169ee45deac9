import ICAL from "ical.js";
import type { IsoDate } from "../../../contracts/types";
import { instantOfLocal } from "../../domain/zonedTime";
import { rrule } from "../../graph/buildIcs";
import type { SeriesTiming } from "../../graph/recurrenceFor";
import { ianaZoneFor } from "../../graph/timeZoneFor";

/** One occurrence of a series: its local date and start in the series' zone, and its instants. */
export interface SeriesOccurrence {
  /** Local date in the series' zone. */
  date: IsoDate;
  /** Local start "YYYY-MM-DDTHH:MM:SS" in the series' zone (the RECURRENCE-ID of an override). */
  localStart: string;
  start: Date;
  end: Date;
}

/**
 * The occurrences of a Graph-shaped series (pattern + range, local times in a Windows or IANA
 * zone) that start before `horizon`, at most `limit` of them. The rule is expanded by ical.js
 * from the same RRULE the invite carries; local times become instants through the one
 * wall-clock conversion (a time in a DST gap moves forward, as calendars do).
 */
export function seriesOccurrences(timing: SeriesTiming, horizon: Date, limit = 60): SeriesOccurrence[] {
  const zone = ianaZoneFor(timing.start.timeZone);
  const durationMs = Date.parse(`${timing.end.dateTime.slice(0, 19)}Z`) - Date.parse(`${timing.start.dateTime.slice(0, 19)}Z`);
  const range = timing.recurrence.range;
  // UNTIL is checked on local dates here; the iterator then runs on floating local times.
  const rule = rrule(timing.recurrence, timing.start, zone).replace(/;UNTIL=[^;]+/, "");
  const iterator = ICAL.Recur.fromString(rule).iterator(ICAL.Time.fromDateTimeString(timing.start.dateTime.slice(0, 19)));
  const result: SeriesOccurrence[] = [];
  for (let next = iterator.next(); next && result.length < limit; next = iterator.next()) {
    const localStart = next.toString().slice(0, 19);
    const date = localStart.slice(0, 10);
    if (range.type === "endDate" && date > range.endDate) break;
    const start = instantOfLocal(localStart, zone);
    if (start >= horizon) break;
    result.push({ date, localStart, start, end: new Date(start.getTime() + durationMs) });
  }
  return result;
}
