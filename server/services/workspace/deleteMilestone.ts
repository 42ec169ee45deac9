import { and, eq } from "drizzle-orm";
import * as t from "../../db/tables";
import { milestoneDto } from "../../presenters/workspace";
import { checkVersion, type Scope } from "./projectScope";
import { findMilestone } from "./findScheduleRows";

/** Deletes a milestone (at `version` when given: 404 / 409 as checkVersion). */
export async function deleteMilestone(s: Scope, entityId: string, version: number | undefined): Promise<void> {
  const ms = t.milestones;
  checkVersion(await findMilestone(s, entityId), s, "Milestone", version, milestoneDto);
  await s.db.delete(ms).where(and(eq(ms.tenantId, s.ctx.tenantId), eq(ms.id, entityId)));
}
