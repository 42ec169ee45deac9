import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import * as t from "../../db/tables";
import type { createChangeRequestBody, decideChangeRequestBody, patchChangeRequestBody } from "../../../contracts/workspace";
import { changeRequestDto, type ChangeRequestRow } from "../../presenters/workspace";
import { checkVersion, recordAudit, staleWrite, type Scope } from "./projectScope";

// The change-request commands: list, create, update, decide (audited), delete. Each keeps the tenant and project filters.

const cr = t.changeRequests;

/** One change request of the caller's tenant by id (checkVersion checks the project), or undefined. */
export const findChangeRequest = async (s: Scope, id: string): Promise<ChangeRequestRow | undefined> =>
  (await s.db.select().from(cr).where(and(eq(cr.tenantId, s.ctx.tenantId), eq(cr.id, id))))[0];

/** The project's change requests, oldest first. */
export function listChangeRequests(s: Scope): Promise<ChangeRequestRow[]> {
  return s.db.select().from(cr).where(and(eq(cr.tenantId, s.ctx.tenantId), eq(cr.projectId, s.project.id))).orderBy(asc(cr.createdAt), asc(cr.id));
}

/** Records a change request on the project, created now. */
export async function createChangeRequest(s: Scope, body: z.infer<typeof createChangeRequestBody>): Promise<ChangeRequestRow> {
  const [row] = await s.db
    .insert(cr)
    .values({ ...body, id: randomUUID(), tenantId: s.ctx.tenantId, projectId: s.project.id, createdAt: s.now.toISOString() })
    .returning();
  return row as NonNullable<typeof row>;
}

/** Changes a change request at `version` (404 / 409 as checkVersion). */
export async function updateChangeRequest(s: Scope, entityId: string, version: number, changes: Omit<z.infer<typeof patchChangeRequestBody>, "version">): Promise<ChangeRequestRow> {
  const current = checkVersion(await findChangeRequest(s, entityId), s, "Change request", version, changeRequestDto);
  const [row] = await s.db
    .update(cr)
    .set({ ...changes, version: version + 1 })
    .where(and(eq(cr.tenantId, s.ctx.tenantId), eq(cr.id, entityId), eq(cr.version, version)))
    .returning();
  if (!row) throw staleWrite("Change request", changeRequestDto(current));
  return row;
}

/** Decides a change request at `body.version`: who (default the caller) and now, audited in the same transaction. */
export async function decideChangeRequest(s: Scope, entityId: string, body: z.infer<typeof decideChangeRequestBody>): Promise<ChangeRequestRow> {
  const current = checkVersion(await findChangeRequest(s, entityId), s, "Change request", body.version, changeRequestDto);
  const decidedBy = body.decidedBy ?? s.ctx.name;
  const decidedAt = s.now.toISOString();
  return s.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(cr)
      .set({ decision: body.decision, decidedBy, decidedAt, version: body.version + 1 })
      .where(and(eq(cr.tenantId, s.ctx.tenantId), eq(cr.id, entityId), eq(cr.version, body.version)))
      .returning();
    if (!updated) throw staleWrite("Change request", changeRequestDto(current));
    await recordAudit(tx, s, {
      entity: "change_request",
      entityId,
      action: `change_request_${body.decision}`,
      before: { decision: current.decision, decidedBy: current.decidedBy, decidedAt: current.decidedAt },
      after: { decision: body.decision, decidedBy, decidedAt, description: current.description, estimateHours: updated.estimateHours },
    });
    return updated;
  });
}

/** Deletes a change request (at `version` when given: 404 / 409 as checkVersion). */
export async function deleteChangeRequest(s: Scope, entityId: string, version: number | undefined): Promise<void> {
  checkVersion(await findChangeRequest(s, entityId), s, "Change request", version, changeRequestDto);
  await s.db.delete(cr).where(and(eq(cr.tenantId, s.ctx.tenantId), eq(cr.id, entityId)));
}
