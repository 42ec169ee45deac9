import { formatLongDate } from "../../domain/isoDates";
import { pickAttendees, type AttendeePick, type PickedAttendee } from "../../domain/pickAttendees";
import { roleLabels } from "../../domain/projectPeople";
import type { CallType, Directory, ProjectSnapshot } from "../../../contracts/types";
import type { SeriesOccurrence } from "./seriesOccurrences";

/** Is the person out of office for (any part of) this occurrence? */
export type OutForOccurrence = (personId: string, occurrence: SeriesOccurrence) => boolean;

/** An occurrence whose attendees differ from the series': someone is out and a backup comes. */
export interface OccurrenceAttendees {
  date: SeriesOccurrence["date"];
  localStart: string;
  required: PickedAttendee[];
  optional: PickedAttendee[];
  /** Required members of the series who are out for this occurrence. */
  absent: PickedAttendee[];
  /** People required for this occurrence only (the named backups). */
  backups: PickedAttendee[];
}

export interface SeriesAttendeePick extends AttendeePick {
  /** The occurrences that differ from the series, in date order. */
  occurrences: OccurrenceAttendees[];
  /** The out-of-office sentences among `warnings` (one per absent person, listing the dates): the per-date list says the same. */
  absenceWarnings: string[];
}

const nobodyOut = { isOutOfOffice: () => false };

/**
 * Attendees of a series, occurrence by occurrence (runbook section 2; issue 15 §3). The series
 * keeps its required people (the IM stays required even when out for some dates); an absence
 * applies only to the occurrences it overlaps, which invite the named backup in addition; a
 * warning per absent person lists the affected dates and names the backup. Pure.
 */
export function pickSeriesAttendees(
  callType: CallType,
  snapshot: ProjectSnapshot,
  directory: Directory,
  occurrences: SeriesOccurrence[],
  isOut: OutForOccurrence,
): SeriesAttendeePick {
  const first = occurrences[0];
  const base = pickAttendees(callType, snapshot, directory, nobodyOut, first?.date ?? "1970-01-01");
  const baseRequired = new Set(base.required.map((a) => a.personId));
  const changed: OccurrenceAttendees[] = [];
  const occurrenceWarnings: string[] = [];
  const byAbsent = new Map<string, { person: PickedAttendee; dates: string[]; backups: Set<string>; noBackup: boolean }>();

  for (const occurrence of occurrences) {
    const pick = pickAttendees(callType, snapshot, directory, { isOutOfOffice: (personId) => isOut(personId, occurrence) }, occurrence.date);
    const required = new Set(pick.required.map((a) => a.personId));
    const absent = base.required.filter((a) => !required.has(a.personId));
    const backups = pick.required.filter((a) => !baseRequired.has(a.personId));
    if (absent.length === 0 && backups.length === 0) continue;
    changed.push({ date: occurrence.date, localStart: occurrence.localStart, required: pick.required, optional: pick.optional, absent, backups });
    for (const person of absent) {
      const entry = byAbsent.get(person.personId) ?? { person, dates: [], backups: new Set<string>(), noBackup: false };
      entry.dates.push(formatLongDate(occurrence.date));
      const backup = backups.find((b) => b.reason.startsWith(`Backup for ${person.name} `));
      if (backup) entry.backups.add(backup.name);
      else entry.noBackup = true;
      byAbsent.set(person.personId, entry);
    }
    for (const w of pick.warnings) if (!base.warnings.includes(w)) occurrenceWarnings.push(w);
  }

  const warnings = [...base.warnings];
  const absenceWarnings: string[] = [];
  for (const { person, dates, backups, noBackup } of byAbsent.values()) {
    const label = `${person.name}${person.role ? ` (${roleLabels[person.role]})` : ""}`;
    const instead = backups.size > 0 ? `${[...backups].join(" and ")} (backup) is invited to ${dates.length === 1 ? "that occurrence" : "those occurrences"}` : "";
    const missing = noBackup ? `${backups.size > 0 ? "; on some of them " : ""}no backup is available` : "";
    absenceWarnings.push(`${label} is out of office for the occurrence${dates.length === 1 ? "" : "s"} of ${dates.join(", ")}: ${instead}${missing}. ${person.name} stays required for the series.`);
  }
  warnings.push(...absenceWarnings);
  warnings.push(...new Set(occurrenceWarnings));
  return { required: base.required, optional: base.optional, warnings, occurrences: changed, absenceWarnings };
}
