import { and, eq } from "drizzle-orm";
import * as t from "../../db/tables";
import type { Scope } from "./projectScope";

/** The name of a person of the caller's tenant (an owner or contact beside its id), or null when unset or unknown. */
export async function ownerNameOf(s: Scope, ownerId: string | null): Promise<string | null> {
  const { db } = s;
  return ownerId ? ((await db.select({ name: t.people.name }).from(t.people).where(and(eq(t.people.tenantId, s.ctx.tenantId), eq(t.people.id, ownerId))))[0]?.name ?? null) : null;
}
