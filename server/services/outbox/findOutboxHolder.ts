import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";

/**
 * Who holds an outbox id within a tenant: its kind and project, or null when no row of this tenant
 * has it (the id may still be another tenant's: ids are unique across tenants). Reads one row.
 */
export async function findOutboxHolder(
  db: Db,
  tenantId: string,
  id: string,
): Promise<{ id: string; kind: "message" | "invite"; projectId: string | null } | null> {
  const [row] = await db
    .select({ id: t.outboxItems.id, kind: t.outboxItems.kind, projectId: t.outboxItems.projectId })
    .from(t.outboxItems)
    .where(and(eq(t.outboxItems.tenantId, tenantId), eq(t.outboxItems.id, id)));
  return row ?? null;
}
