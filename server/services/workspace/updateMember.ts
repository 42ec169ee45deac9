import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import * as t from "../../db/tables";
import { conflict, notFound } from "../../errors";
import type { patchMemberBody } from "../../../contracts/workspace";
import { fieldError, type Scope } from "./projectScope";
import type { MemberRow } from "./listPeople";
import { findMember, isUniqueViolation, requireTenantPerson } from "./projectMembers";

/** Changes a member's role or backup (someone else of the tenant); 404 when absent, 409 when the role is already held. */
export async function updateMember(s: Scope, entityId: string, body: z.infer<typeof patchMemberBody>): Promise<MemberRow> {
  const { db } = s;
  const m = t.projectMembers;
  const current = await findMember(s, entityId);
  await requireTenantPerson(s, "backupPersonId", body.backupPersonId);
  if (body.backupPersonId && body.backupPersonId === current.personId) throw fieldError("backupPersonId", "must be someone else");
  try {
    const [row] = await db
      .update(m)
      .set({ ...(body.role ? { role: body.role } : {}), ...(body.backupPersonId !== undefined ? { backupPersonId: body.backupPersonId } : {}) })
      .where(and(eq(m.tenantId, s.ctx.tenantId), eq(m.id, entityId)))
      .returning();
    if (!row) throw notFound("Member");
    return row;
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict("This person already has this role on the project");
    throw e;
  }
}
