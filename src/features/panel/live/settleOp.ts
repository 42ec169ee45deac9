import type { CapturedItemDto, NoteDto } from "../../../../contracts/capture";
import { mergeItem, mergeNote, rebaseQueue, type Conflict, type Op, type ServerState } from "./captureModel";
import type { SendResult } from "./sendOp";

/** An operation the server refused for good (4xx other than a version conflict), with its sentence. */
export interface Failure {
  op: Op;
  message: string;
}

/** What settling one sent operation changes: the server's rows, the rest of the queue, conflicts, failures. */
export interface SettleState {
  server: ServerState | null;
  /** The operations still queued after `op` (it has already left the queue). */
  queue: Op[];
  conflicts: Record<string, Conflict>;
  failures: Failure[];
}

/**
 * The outcome of one sent operation, applied (pure):
 * - rejected: it joins the failures, to retry or discard;
 * - saved: the row the server answered is merged (and the agenda state); later queued edits of the
 *   same row move from the version the user saw to the one just saved (rebaseQueue);
 * - conflict (409, someone else saved first): the server's row is merged, and my edit plus my later
 *   queued edits of the same row (made on the same stale version) become one conflict to resolve.
 */
export function settleOp(state: SettleState, op: Op, result: Exclude<SendResult, { kind: "retry" }>): SettleState {
  if (result.kind === "rejected") return { ...state, failures: [...state.failures, { op, message: result.message }] };
  let server = state.server;
  if (server && result.item) server = mergeItem(server, result.item as CapturedItemDto);
  if (server && result.note) server = mergeNote(server, result.note as NoteDto);
  if (result.kind === "saved") {
    if (server && result.agendaState) server = { ...server, agendaState: result.agendaState };
    const saved = result.item ?? result.note;
    const queue = saved && (op.type === "updateItem" || op.type === "updateNote") ? rebaseQueue(state.queue, saved.id, op.version, saved.version) : state.queue;
    return { ...state, server, queue };
  }
  if (op.type !== "updateItem" && op.type !== "updateNote") return { ...state, server };
  const id = op.type === "updateItem" ? op.itemId : op.noteId;
  let mine = { ...op.changes };
  const queue = state.queue.filter((q) => {
    const same = (q.type === "updateItem" && q.itemId === id) || (q.type === "updateNote" && q.noteId === id);
    if (same) mine = { ...mine, ...q.changes };
    return !same;
  });
  let conflicts = state.conflicts;
  if (op.type === "updateItem" && result.item) conflicts = { ...conflicts, [id]: { kind: "item", id, mine, theirs: result.item } };
  if (op.type === "updateNote" && result.note) conflicts = { ...conflicts, [id]: { kind: "note", id, mine, theirs: result.note } };
  return { ...state, server, queue, conflicts };
}
