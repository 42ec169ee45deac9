import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import * as t from "../../db/tables";
import type { decideChangeRequestBody } from "../../../contracts/workspace";
import { changeRequestDto, type ChangeRequestRow } from "../../presenters/workspace";
import { checkVersion, recordAudit, staleWrite, type Scope } from "./projectScope";
import { findChangeRequest } from "./findChangeRequest";

const cr = t.changeRequests;

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
