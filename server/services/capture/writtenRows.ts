import { LRUCache } from "lru-cache";
import type * as t from "../../db/tables";

type RaidRow = typeof t.raidItems.$inferSelect;
type NoteRow = typeof t.agendaNotes.$inferSelect;

/** A captured row as its write committed it, under the id of the meeting_events row recorded with it. */
export type WrittenRow = { kind: "item"; row: RaidRow } | { kind: "note"; row: NoteRow };

/**
 * The rows this instance's capture writes just committed, by (tenant, meeting_events id), so its
 * live reader presents a write's event from the row the write returned instead of reading it
 * again (issue 19: one statement less between a POST and its receipt). Only for this app
 * instance's own writes (another instance's are read from the table as before), only events
 * whose row is the one their own write committed, and kept briefly (the reader presents an
 * event within milliseconds of its commit; a missed entry is read from the table).
 */
export class WrittenRows {
  private readonly rows = new LRUCache<string, WrittenRow>({ max: 1000, ttl: 30_000 });

  /** Records `written` as the row of event `eventId` of `tenantId`; call after the transaction committed. */
  remember(tenantId: string, eventId: number, written: WrittenRow): void {
    this.rows.set(`${tenantId}/${eventId}`, written);
  }

  /** The item committed with event `eventId`, if this instance wrote it recently. */
  itemOf(tenantId: string, eventId: number): RaidRow | undefined {
    const found = this.rows.get(`${tenantId}/${eventId}`);
    return found?.kind === "item" ? found.row : undefined;
  }

  /** The note committed with event `eventId`, if this instance wrote it recently. */
  noteOf(tenantId: string, eventId: number): NoteRow | undefined {
    const found = this.rows.get(`${tenantId}/${eventId}`);
    return found?.kind === "note" ? found.row : undefined;
  }
}
