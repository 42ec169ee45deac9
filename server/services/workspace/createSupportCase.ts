import { randomUUID } from "node:crypto";
import type { z } from "zod";
import * as t from "../../db/tables";
import type { createCaseBody } from "../../../contracts/workspace";
import type { CaseRow } from "../../presenters/workspace";
import { requireProjectPerson, type Scope } from "./projectScope";

/** Opens a support case on the project (opened now unless given; owner a project person). */
export async function createSupportCase(s: Scope, body: z.infer<typeof createCaseBody>): Promise<CaseRow> {
  await requireProjectPerson(s, "ownerId", body.ownerId);
  const [row] = await s.db
    .insert(t.supportCases)
    .values({ ...body, openedAt: body.openedAt ?? s.now.toISOString(), id: randomUUID(), tenantId: s.ctx.tenantId, projectId: s.project.id })
    .returning();
  return row as CaseRow;
}
