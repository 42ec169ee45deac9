/** Wire types of the series draft (GET /api/projects/:id/series/draft). */
import type { TriageSlotTimes } from "./meetings";

export interface SeriesDraftAttendee {
  email: string;
  name: string;
  type: "required" | "optional";
  reason: string;
}

/** An occurrence whose attendees differ from the series' (someone out, a backup invited). */
export interface SeriesDraftOccurrence {
  /** Local date in the series' zone. */
  date: string;
  /** Local start "YYYY-MM-DDTHH:MM:SS" in the series' zone. */
  localStart: string;
  /** Names of series attendees out for this occurrence. */
  absent: string[];
  /** Names of the backups invited to this occurrence. */
  backups: string[];
  attendees: SeriesDraftAttendee[];
}

export interface SeriesDraft {
  callType: string;
  subject: string;
  from: string;
  /** IANA zone the series runs in. */
  timeZone: string;
  timing: {
    start: { dateTime: string; timeZone: string };
    end: { dateTime: string; timeZone: string };
    recurrence: { pattern: { type: string; daysOfWeek?: string[] }; range: { type: string; startDate: string } };
  };
  /** The first occurrence's instant, for showing it in the viewer's own zone. */
  firstStartsAt: string | null;
  /** A triage series: the triage slot of its first week, for showing in the viewer's own zone; else null. */
  triageSlot: TriageSlotTimes | null;
  attendees: SeriesDraftAttendee[];
  warnings: string[];
  /** The out-of-office sentences among `warnings` (one per absent person); the client shows `occurrences` date by date instead. */
  absenceWarnings: string[];
  /** Last occurrence date checked for absences (8 weeks ahead); null when there is none. */
  checkedUntil: string | null;
  occurrences: SeriesDraftOccurrence[];
  bodyHtml: string;
  /** The form's values: local start "HH:MM" in `timeZone`, length, day of a one-day series (null = fixed days). */
  startTime: string;
  durationMinutes: number;
  weekday: "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | null;
  /** The project's call the defaults were read from; null when it has none of this type. */
  defaultsFrom: { subject: string; startsAt: string } | null;
  /** The project's people, whom the PM may add as attendees. */
  candidates: { name: string; email: string }[];
}
