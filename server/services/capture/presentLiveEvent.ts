import type { Db } from "../../db/database";
import type * as t from "../../db/tables";
import type { LiveEvent } from "../../../contracts/capture";
import { itemDto, noteDto } from "../../presenters/capture";
import { agendaState, findItem, findNote } from "./captureQueries";
import type { WrittenRows } from "./writtenRows";

/**
 * One meeting_events row as a live frame per audience (the live-event design sends ids, not
 * content: the entity is read now from its table). An internal-only item or note goes to internal
 * streams only. A `removed` row (an item or note shown to external viewers became internal only)
 * goes to external streams only, as `{ type: "removed", entity: { kind, id } }`: ids, no content.
 * Null when there is nothing to send (the item or note is gone). `names` maps person id → display
 * name (presenters/capture nameIndex). Tenant-scoped reads; an item or note this instance has just
 * written is taken from `written` (the row its own write committed with this event) instead.
 */
export async function presentLiveEvent(
  db: Db,
  tenantId: string,
  row: typeof t.meetingEvents.$inferSelect,
  names: Map<string, string>,
  written?: WrittenRows,
): Promise<{ internal: string | null; external: string | null } | null> {
  if (row.type === "removed" && row.entityId) {
    const kind = (await findItem(db, tenantId, row.entityId)) ? "item" : (await findNote(db, tenantId, row.entityId)) ? "note" : null;
    if (!kind) return null;
    const removed: LiveEvent = { id: row.id, type: "removed", entity: { kind, id: row.entityId } };
    return { internal: null, external: JSON.stringify(removed) };
  }
  let event: LiveEvent | null = null;
  if (row.type === "item" && row.entityId) {
    const item = written?.itemOf(tenantId, row.id) ?? (await findItem(db, tenantId, row.entityId));
    event = item ? { id: row.id, type: "item", entity: itemDto(item, names) } : null;
  } else if (row.type === "note" && row.entityId) {
    const note = written?.noteOf(tenantId, row.id) ?? (await findNote(db, tenantId, row.entityId));
    event = note ? { id: row.id, type: "note", entity: noteDto(note) } : null;
  } else if (row.type === "agenda") {
    event = { id: row.id, type: "agenda", entity: await agendaState(db, tenantId, row.meetingId) };
  }
  if (!event) return null;
  const data = JSON.stringify(event);
  const internalOnly = (event.type === "item" || event.type === "note") && event.entity.internalOnly;
  return { internal: data, external: internalOnly ? null : data };
}
