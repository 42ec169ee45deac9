import type { CallType, IsoDate } from "../../../contracts/types";
import type { PickedAttendee } from "../../domain/pickAttendees";
import type { SeriesDraft, SeriesDraftAttendee } from "../../../contracts/series";
import type { SeriesDraftPlan } from "./draftSeries";
import { triageSlotWeek } from "../../domain/triageSlotWeek";

function wire(attendees: { required: PickedAttendee[]; optional: PickedAttendee[] }): SeriesDraftAttendee[] {
  return [
    ...attendees.required.map((p) => ({ email: p.email, name: p.name, type: "required" as const, reason: p.reason })),
    ...attendees.optional.map((p) => ({ email: p.email, name: p.name, type: "optional" as const, reason: p.reason })),
  ];
}

/** The series draft as the client sees it: series attendees, and the occurrences that differ with their own list. */
export function presentSeriesDraft(
  plan: SeriesDraftPlan,
  meta: { callType: CallType; from: IsoDate; subject: string; bodyHtml: string; people: readonly { name: string; email: string }[] },
): SeriesDraft {
  const last = plan.checkedOccurrences.at(-1);
  const pattern = plan.timing.recurrence.pattern;
  const days = "daysOfWeek" in pattern ? pattern.daysOfWeek : [];
  const oneDay = days.length === 1 ? days[0] : undefined;
  const durationMinutes = Math.round((Date.parse(`${plan.timing.end.dateTime.slice(0, 19)}Z`) - Date.parse(`${plan.timing.start.dateTime.slice(0, 19)}Z`)) / 60_000);
  return {
    callType: meta.callType,
    subject: meta.subject,
    from: meta.from,
    timeZone: plan.timeZone,
    timing: plan.timing,
    firstStartsAt: plan.checkedOccurrences[0]?.start.toISOString() ?? null,
    triageSlot: meta.callType === "triage" ? triageSlotWeek(plan.checkedOccurrences[0]?.start ?? new Date(`${meta.from}T12:00:00Z`)) : null,
    attendees: wire(plan.pick),
    warnings: plan.pick.warnings,
    absenceWarnings: plan.pick.absenceWarnings,
    checkedUntil: last?.date ?? null,
    occurrences: plan.pick.occurrences.map((o) => ({
      date: o.date,
      localStart: o.localStart,
      absent: o.absent.map((a) => a.name),
      backups: o.backups.map((b) => b.name),
      attendees: wire(o),
    })),
    bodyHtml: meta.bodyHtml,
    startTime: plan.timing.start.dateTime.slice(11, 16),
    durationMinutes,
    weekday: oneDay && oneDay !== "saturday" && oneDay !== "sunday" ? oneDay : null,
    defaultsFrom: plan.defaults.readFrom ?? null,
    candidates: meta.people.filter((p) => p.email !== "").map((p) => ({ name: p.name, email: p.email })),
  };
}
