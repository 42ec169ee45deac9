import { and, eq } from "drizzle-orm";
import * as t from "../../db/tables";
import { changeRequestDto } from "../../presenters/workspace";
import { checkVersion, type Scope } from "./projectScope";
import { findChangeRequest } from "./findChangeRequest";

const cr = t.changeRequests;

/** Deletes a change request (at `version` when given: 404 / 409 as checkVersion). */
export async function deleteChangeRequest(s: Scope, entityId: string, version: number | undefined): Promise<void> {
  checkVersion(await findChangeRequest(s, entityId), s, "Change request", version, changeRequestDto);
  await s.db.delete(cr).where(and(eq(cr.tenantId, s.ctx.tenantId), eq(cr.id, entityId)));
}
