import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import * as t from "../../db/tables";
import type { patchChangeRequestBody } from "../../../contracts/workspace";
import { changeRequestDto, type ChangeRequestRow } from "../../presenters/workspace";
import { checkVersion, staleWrite, type Scope } from "./projectScope";
import { findChangeRequest } from "./findChangeRequest";

const cr = t.changeRequests;

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
