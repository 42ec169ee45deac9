import { and, asc, eq } from "drizzle-orm";
import * as t from "../../db/tables";
import type { MilestoneRow } from "../../presenters/workspace";
import type { Scope } from "./projectScope";

/** The project's milestones by planned date, then name. */
export function listMilestones(s: Scope): Promise<MilestoneRow[]> {
  const ms = t.milestones;
  return s.db.select().from(ms).where(and(eq(ms.tenantId, s.ctx.tenantId), eq(ms.projectId, s.project.id))).orderBy(asc(ms.plannedDate), asc(ms.name));
}
