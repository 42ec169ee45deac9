import { and, eq } from "drizzle-orm";
import * as t from "../../db/tables";
import { notFound } from "../../errors";
import { fieldError, type Scope } from "./projectScope";
import type { MemberRow } from "./listPeople";

/** 400 naming `field` when `id` is set and is not a person of the caller's tenant. */
export async function requireTenantPerson(s: Scope, field: string, id: string | null | undefined): Promise<void> {
  if (!id) return;
  const [p] = await s.db.select({ id: t.people.id }).from(t.people).where(and(eq(t.people.tenantId, s.ctx.tenantId), eq(t.people.id, id)));
  if (!p) throw fieldError(field, "is not a person in your organisation's directory");
}

/** One member (role) of the project, or 404. */
export async function findMember(s: Scope, memberId: string): Promise<MemberRow> {
  const m = t.projectMembers;
  const [row] = await s.db.select().from(m).where(and(eq(m.tenantId, s.ctx.tenantId), eq(m.projectId, s.project.id), eq(m.id, memberId)));
  if (!row) throw notFound("Member");
  return row;
}

/** PostgreSQL's unique_violation, through drizzle's wrapper (cause) or bare. */
export function isUniqueViolation(e: unknown): boolean {
  const code = (x: unknown) => (typeof x === "object" && x !== null && "code" in x ? (x as { code: unknown }).code : undefined);
  const cause = typeof e === "object" && e !== null && "cause" in e ? (e as { cause: unknown }).cause : undefined;
  return code(e) === "23505" || code(cause) === "23505";
}
