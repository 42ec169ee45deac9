import type { AppDeps } from "../../appDeps";
import { triageSlot } from "../../../contracts/callTypeDefinitions";
import type { ProjectSnapshot, CallType, IsoDate, Person } from "../../../contracts/types";
import { EASTERN_TIME_ZONE } from "../../domain/zonedTime";
import { recurrenceFor, type RecurrenceOptions, type SeriesTiming } from "../../graph/recurrenceFor";
import { windowsZoneFor } from "../../graph/timeZoneFor";
import type { RequestContext } from "../../http/requestContext";
import { directoryFor } from "../meetings/loadMeetingContext";
import { outForOccurrences } from "./outForOccurrences";
import { pickSeriesAttendees, type SeriesAttendeePick } from "./pickSeriesAttendees";
import { seriesOccurrences, type SeriesOccurrence } from "./seriesOccurrences";
import { existingCallsOfType } from "./existingCallsOfType";
import { seriesDefaultsFrom, type SeriesDefaults } from "../../domain/seriesDefaults";

/** How far ahead a series' occurrences are checked for absences: 8 weeks (within Graph getSchedule's 62-day limit). */
export const SERIES_CHECK_DAYS = 56;

/**
 * The series timing in `timeZone` (IANA). Graph gets the zone's Windows name where CLDR has one
 * (what Outlook shows), else the IANA name, which Graph also accepts. Throws RangeError-like
 * `Error`s from recurrenceFor for a bad start time or duration.
 */
export function seriesTimingIn(callType: CallType, timeZone: string, options: Omit<RecurrenceOptions, "timeZone">): SeriesTiming {
  const zone = seriesZone(callType, timeZone);
  return recurrenceFor(callType, { ...options, timeZone: windowsZoneFor(zone) ?? zone });
}

/** Triage is "Tuesdays and Thursdays 10–11 am Eastern" for everyone (seed 001): its series stays in New York's zone. */
export function seriesZone(callType: CallType, timeZone: string): string {
  return callType === "triage" ? triageSlot.timeZone : timeZone;
}

/** A person's zone, else the series' zone. */
export function personZone(person: Person & { timeZone?: string | null }, fallback: string): string {
  return person.timeZone ?? fallback;
}

export interface SeriesDraftPlan {
  timing: SeriesTiming;
  timeZone: string;
  /** What the project's existing calls of this type proposed. */
  defaults: SeriesDefaults;
  checkedOccurrences: SeriesOccurrence[];
  pick: SeriesAttendeePick;
}

/**
 * What "Create series" proposes: timing in the chosen zone (default the organiser's, else US
 * Eastern), the series' attendees, and each occurrence in the next {@link SERIES_CHECK_DAYS}
 * days whose attendees differ because someone is out.
 */
export async function draftSeries(
  deps: AppDeps,
  ctx: RequestContext,
  snapshot: ProjectSnapshot,
  input: {
    callType: CallType;
    from: IsoDate;
    timeZone?: string | undefined;
    organiserZone?: string | null;
    /** The form's own choices; each one not given comes from the project's latest call of this type, else the call type's rule. */
    choices?: Pick<RecurrenceOptions, "startTime" | "durationMinutes" | "weekday" | "until" | "occurrences">;
  },
): Promise<SeriesDraftPlan> {
  const timeZone = seriesZone(input.callType, input.timeZone ?? input.organiserZone ?? EASTERN_TIME_ZONE);
  const calls = await existingCallsOfType(deps.database.db, ctx.tenantId, snapshot.project.id, input.callType);
  // Triage keeps its fixed slot (seed 001); every other type starts from the project's own habit.
  const defaults = input.callType === "triage" ? {} : seriesDefaultsFrom(calls, timeZone);
  const c = input.choices ?? {};
  const timing = seriesTimingIn(input.callType, timeZone, {
    from: input.from,
    ...((c.weekday ?? defaults.weekday) ? { weekday: c.weekday ?? defaults.weekday } : {}),
    ...((c.startTime ?? defaults.startTime) ? { startTime: c.startTime ?? defaults.startTime } : {}),
    ...((c.durationMinutes ?? defaults.durationMinutes) ? { durationMinutes: c.durationMinutes ?? defaults.durationMinutes } : {}),
    ...(c.until ? { until: c.until } : {}),
    ...(c.occurrences ? { occurrences: c.occurrences } : {}),
  });
  const firstStart = seriesOccurrences(timing, new Date(8.64e15), 1)[0]?.start;
  const horizon = new Date((firstStart?.getTime() ?? 0) + SERIES_CHECK_DAYS * 86_400_000);
  const occurrences = seriesOccurrences(timing, horizon);
  const isOut = await outForOccurrences(deps, ctx, snapshot.people, occurrences, snapshot.project.id, (p) => personZone(p, timeZone));
  const pick = pickSeriesAttendees(input.callType, snapshot, directoryFor(snapshot), occurrences, isOut);
  return { timing, timeZone, defaults, checkedOccurrences: occurrences, pick };
}
