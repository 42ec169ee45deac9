import type { IsoDate } from "../../../contracts/types";
import { utcDateOf } from "../isoDates";
import { EASTERN_TIME_ZONE, instantAt } from "../zonedTime";

// Pure rules of the Planner link (issue 17 §4). Planner keeps a due *instant* (dueDateTime); the
// RAID log keeps a due *date*. Planner's own UI stores a due day as that day's local midnight of
// whoever set it, so a day is read back as the UTC date of (instant + 12 h): right for local
// midnights anywhere from UTC−12 to UTC+12. Callbook writes midnight in the project's zone
// (US Eastern, the runbook's default), which reads back as the same date under that rule.

/** The fields Callbook owns on a Planner task for one action item. */
export interface PlannerTaskFields {
  title: string;
  /** RAID due date, or null for none. */
  dueDate: IsoDate | null;
  /** Closed in the RAID log ⇔ percentComplete 100 in Planner. */
  done: boolean;
  /** Entra object id of the owner, or null when it could not be resolved (the task is left unassigned). */
  assignee: string | null;
}

/** Planner `dueDateTime` for a RAID due date: midnight of `date` in `timeZone` (IANA; default US Eastern), as a UTC ISO instant. */
export function plannerDueDateTime(date: IsoDate, timeZone: string = EASTERN_TIME_ZONE): string {
  return instantAt(date, "00:00", timeZone).toISOString();
}

/** The RAID due date of a Planner `dueDateTime` (UTC date of instant + 12 h), or null when Planner has none. */
export function dueDateOfPlanner(dueDateTime: string | null | undefined): IsoDate | null {
  if (!dueDateTime) return null;
  const instant = new Date(dueDateTime);
  if (Number.isNaN(instant.getTime())) return null;
  return utcDateOf(new Date(instant.getTime() + 12 * 3_600_000));
}

/** Whether Planner reports the task complete (percentComplete 100; 50 is "in progress"). */
export const plannerDone = (percentComplete: number | null | undefined): boolean => (percentComplete ?? 0) >= 100;

/**
 * Whether a RAID item belongs in Planner: an action (not a risk, issue or decision) owned by an
 * internal person. Externally owned actions stay out (they are reminded by e-mail, §2).
 */
export function belongsInPlanner(item: { kind: string; ownerId: string | null }, owner: { organisation: string } | null): boolean {
  return item.kind === "action" && item.ownerId !== null && owner?.organisation === "internal";
}

/**
 * The key of a Planner external reference: the URL with `%`, `.`, `:`, `@` and `#` percent-encoded
 * (Microsoft Graph "plannerExternalReferences resource type").
 */
export function plannerReferenceKey(url: string): string {
  return url.replace(/%/g, "%25").replace(/\./g, "%2E").replace(/:/g, "%3A").replace(/@/g, "%40").replace(/#/g, "%23");
}

/** Which of Callbook's fields differ between two states (what a PATCH must carry). */
export function changedFields(from: PlannerTaskFields, to: PlannerTaskFields): (keyof PlannerTaskFields)[] {
  return (["title", "dueDate", "done", "assignee"] as const).filter((k) => from[k] !== to[k]);
}

