import { wallTimeIn } from "./zonedTime";

/** A day of the week as Graph spells it (the same words as `GraphDayOfWeek`). */
type GraphDayOfWeek = "sunday" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday";

// What "Create series" proposes for a call type the project already runs: the weekday, the local
// start and the length of its latest call of that type (issue 16: the Riverbend customer call is
// Wednesday 14:00 for 45 minutes, so a new customer series starts there, not Monday 10:00).

const dayNames: GraphDayOfWeek[] = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** The defaults read from existing calls; every field is absent when there is no call to read. */
export interface SeriesDefaults {
  /** Weekday of the latest call in the series' zone; never a Saturday or Sunday. */
  weekday?: GraphDayOfWeek;
  /** Local start "HH:MM" in the series' zone. */
  startTime?: string;
  durationMinutes?: number;
  /** Which call they were read from, for the form to say so. */
  readFrom?: { subject: string; startsAt: string };
}

/**
 * Defaults from the latest of `calls` (ISO instants, UTC), read in `timeZone` (IANA). A call on a
 * weekend gives no weekday (the call type's own rule then applies); a length outside 5–480 minutes
 * (what the series form accepts) gives no length. Pure: no clock.
 */
export function seriesDefaultsFrom(calls: readonly { subject: string; startsAt: string; endsAt: string }[], timeZone: string): SeriesDefaults {
  const latest = [...calls].sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt))[0];
  if (!latest) return {};
  const wall = wallTimeIn(new Date(latest.startsAt), timeZone);
  const minutes = Math.round((Date.parse(latest.endsAt) - Date.parse(latest.startsAt)) / 60_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  const weekday = dayNames[wall.weekday];
  return {
    ...(weekday && weekday !== "saturday" && weekday !== "sunday" ? { weekday } : {}),
    startTime: `${pad(wall.hour)}:${pad(wall.minute)}`,
    ...(minutes >= 5 && minutes <= 480 ? { durationMinutes: minutes } : {}),
    readFrom: { subject: latest.subject, startsAt: latest.startsAt },
  };
}
