import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";

/** The meeting's most recently created recap (outbox kind "message") in the tenant, in any status, or null. */
export async function findLastRecap(db: Db, tenantId: string, meetingId: string): Promise<typeof t.outboxItems.$inferSelect | null> {
  const [last] = await db
    .select()
    .from(t.outboxItems)
    .where(and(eq(t.outboxItems.tenantId, tenantId), eq(t.outboxItems.meetingId, meetingId), eq(t.outboxItems.kind, "message")))
    .orderBy(desc(t.outboxItems.createdAt))
    .limit(1);
  return last ?? null;
}
