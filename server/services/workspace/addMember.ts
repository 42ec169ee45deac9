import { randomUUID } from "node:crypto";
import type { z } from "zod";
import * as t from "../../db/tables";
import { conflict } from "../../errors";
import type { createMemberBody } from "../../../contracts/workspace";
import { fieldError, type Scope } from "./projectScope";
import type { MemberRow } from "./listPeople";
import { requireTenantPerson } from "./projectMembers";

/** Gives a tenant person a role on the project (with an optional backup, someone else); 409 when they already hold it. */
export async function addMember(s: Scope, body: z.infer<typeof createMemberBody>): Promise<MemberRow> {
  const { db } = s;
  const m = t.projectMembers;
  await requireTenantPerson(s, "personId", body.personId);
  await requireTenantPerson(s, "backupPersonId", body.backupPersonId);
  if (body.backupPersonId === body.personId) throw fieldError("backupPersonId", "must be someone else");
  const [row] = await db
    .insert(m)
    .values({ id: randomUUID(), tenantId: s.ctx.tenantId, projectId: s.project.id, personId: body.personId, role: body.role, backupPersonId: body.backupPersonId ?? null })
    .onConflictDoNothing()
    .returning();
  if (!row) throw conflict("This person already has this role on the project");
  return row;
}
