import { sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { meetingEvents } from "../db/tables";

export type Queryable = Pick<Db, "select" | "insert" | "update" | "delete" | "execute">;

/**
 * Serialises writers of one meeting for the rest of the transaction, so that event ids
 * commit in order and a reader resuming "after id N" can never skip a later-committed lower id.
 */
export async function lockMeeting(tx: Queryable, meetingId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${meetingId}, 0))`);
}

export async function recordEvent(
  tx: Queryable,
  e: { tenantId: string; meetingId: string; type: "item" | "note" | "agenda" | "removed"; entityId: string | null },
): Promise<number> {
  const [row] = await tx.insert(meetingEvents).values(e).returning({ id: meetingEvents.id });
  if (!row) throw new Error("event not recorded");
  return row.id;
}
