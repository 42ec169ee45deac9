import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import * as t from "../../db/tables";
import type { patchMilestoneBody } from "../../../contracts/workspace";
import { milestoneDto, type MilestoneRow } from "../../presenters/workspace";
import { checkVersion, staleWrite, type Scope } from "./projectScope";
import { findMilestone } from "./findScheduleRows";

/** Changes a milestone at `version` (404 absent / other project, 409 with the current one when stale). */
export async function updateMilestone(s: Scope, entityId: string, version: number, changes: Omit<z.infer<typeof patchMilestoneBody>, "version">): Promise<MilestoneRow> {
  const ms = t.milestones;
  const current = checkVersion(await findMilestone(s, entityId), s, "Milestone", version, milestoneDto);
  const [row] = await s.db
    .update(ms)
    .set({ ...changes, version: version + 1 })
    .where(and(eq(ms.tenantId, s.ctx.tenantId), eq(ms.id, entityId), eq(ms.version, version)))
    .returning();
  if (!row) throw staleWrite("Milestone", milestoneDto(current));
  return row;
}
