import { randomUUID } from "node:crypto";
import type { z } from "zod";
import * as t from "../../db/tables";
import type { createChangeRequestBody } from "../../../contracts/workspace";
import { type ChangeRequestRow } from "../../presenters/workspace";
import type { Scope } from "./projectScope";

const cr = t.changeRequests;

/** Records a change request on the project, created now. */
export async function createChangeRequest(s: Scope, body: z.infer<typeof createChangeRequestBody>): Promise<ChangeRequestRow> {
  const [row] = await s.db
    .insert(cr)
    .values({ ...body, id: randomUUID(), tenantId: s.ctx.tenantId, projectId: s.project.id, createdAt: s.now.toISOString() })
    .returning();
  return row as NonNullable<typeof row>;
}
