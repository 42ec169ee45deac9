import type * as t from "../db/tables";
import type { RecapPreview } from "../../contracts/recap";

/** A recap's outbox row as the preview's "last sent" line: status, when (ISO instant, UTC) and by whom. */
export function lastSentOf(row: typeof t.outboxItems.$inferSelect | null): RecapPreview["lastSent"] {
  if (!row) return null;
  return { id: row.id, status: row.status, sentAt: row.sentAt ? new Date(row.sentAt).toISOString() : null, by: row.createdBy, error: row.error };
}
