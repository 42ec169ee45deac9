import { EASTERN_TIME_ZONE } from "./zonedTime";
import type { ProjectSnapshot } from "../../contracts/types";

/**
 * The zone whose "today", 00:00 and 17:00 time the project's follow-ups: the PM's own zone (they
 * owe the recap and reports, seed 003), else US Eastern, the runbook's zone. Pure.
 */
export function followUpZone(snapshot: ProjectSnapshot): string {
  const pm = snapshot.project.members.find((m) => m.role === "pm");
  const person = pm ? snapshot.people.find((p) => p.id === pm.personId) : undefined;
  return person?.timeZone ?? EASTERN_TIME_ZONE;
}
