import type { Db } from "../../db/database";
import type * as t from "../../db/tables";
import type { LiveEvent } from "../../../contracts/capture";
import { itemDto, noteDto } from "../../presenters/capture";
import { agendaState, findItem, findNote } from "./captureQueries";

/**
 * One meeting_events row as a live frame (the live-event design sends ids, not content: the
 * entity is read now from its table). Returns the frame's JSON and whether it shows
 * internal-only content, or null when there is nothing to send (the item or note is gone).
 * `names` maps person id → display name (presenters/capture nameIndex). Tenant-scoped reads.
 */
export async function presentLiveEvent(
  db: Db,
  tenantId: string,
  row: typeof t.meetingEvents.$inferSelect,
  names: Map<string, string>,
): Promise<{ data: string; internalOnly: boolean } | null> {
  let event: LiveEvent | null = null;
  if (row.type === "item" && row.entityId) {
    const item = await findItem(db, tenantId, row.entityId);
    event = item ? { id: row.id, type: "item", entity: itemDto(item, names) } : null;
  } else if (row.type === "note" && row.entityId) {
    const note = await findNote(db, tenantId, row.entityId);
    event = note ? { id: row.id, type: "note", entity: noteDto(note) } : null;
  } else if (row.type === "agenda") {
    event = { id: row.id, type: "agenda", entity: await agendaState(db, tenantId, row.meetingId) };
  }
  if (!event) return null;
  const internalOnly = (event.type === "item" || event.type === "note") && event.entity.internalOnly;
  return { data: JSON.stringify(event), internalOnly };
}
