import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";

export interface UnattendedSender {
  personId: string;
  name: string;
  email: string;
}

/**
 * Whose mailbox sends a message no user asked for right now (issue 17 §5): the PM of the
 * projects concerned, in `projectIds` order, preferring one whose stored consent is connected;
 * else the first PM (their missing or refused consent then shows as "reconnect"). Null when the
 * projects have no PM.
 */
export async function unattendedSenderFor(db: Db, tenantId: string, projectIds: readonly string[]): Promise<UnattendedSender | null> {
  if (projectIds.length === 0) return null;
  const rows = await db
    .select({ projectId: t.projectMembers.projectId, personId: t.people.id, name: t.people.name, email: t.people.email, state: t.delegatedTokenCaches.state })
    .from(t.projectMembers)
    .innerJoin(t.people, eq(t.people.id, t.projectMembers.personId))
    .leftJoin(t.delegatedTokenCaches, and(eq(t.delegatedTokenCaches.tenantId, t.people.tenantId), eq(t.delegatedTokenCaches.personId, t.people.id)))
    .where(and(eq(t.projectMembers.tenantId, tenantId), eq(t.projectMembers.role, "pm"), inArray(t.projectMembers.projectId, [...projectIds])));
  const ordered = [...rows].sort((a, b) => projectIds.indexOf(a.projectId) - projectIds.indexOf(b.projectId));
  const pick = ordered.find((r) => r.state === "connected") ?? ordered[0];
  return pick ? { personId: pick.personId, name: pick.name, email: pick.email } : null;
}
