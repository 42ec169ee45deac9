import { randomUUID } from "node:crypto";
import type { z } from "zod";
import * as t from "../../db/tables";
import type { createMilestoneBody } from "../../../contracts/workspace";
import type { MilestoneRow } from "../../presenters/workspace";
import type { Scope } from "./projectScope";

/** Adds a milestone to the project (deliverable defaults to ""). */
export async function createMilestone(s: Scope, body: z.infer<typeof createMilestoneBody>): Promise<MilestoneRow> {
  const [row] = await s.db
    .insert(t.milestones)
    .values({ ...body, deliverable: body.deliverable ?? "", id: randomUUID(), tenantId: s.ctx.tenantId, projectId: s.project.id })
    .returning();
  return row as NonNullable<typeof row>;
}
