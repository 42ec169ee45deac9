import { and, eq } from "drizzle-orm";
import * as t from "../../db/tables";
import { conflict } from "../../errors";
import type { Scope } from "./projectScope";
import { findMember } from "./projectMembers";

/** Removes a member (role) of the project; 404 when absent, 409 when it is the caller's own last role. */
export async function removeMember(s: Scope, entityId: string): Promise<void> {
  const { db } = s;
  const m = t.projectMembers;
  const current = await findMember(s, entityId);
  if (current.personId === s.ctx.personId) {
    const mine = await db.select({ id: m.id }).from(m).where(and(eq(m.tenantId, s.ctx.tenantId), eq(m.projectId, s.project.id), eq(m.personId, current.personId)));
    if (mine.length === 1) throw conflict("You cannot remove your own last role: ask another member");
  }
  await db.delete(m).where(and(eq(m.tenantId, s.ctx.tenantId), eq(m.id, entityId)));
}
