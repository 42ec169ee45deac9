import type { AgendaStateDto, CapturedItemDto, NoteDto } from "../../../../contracts/capture";
import { api, ApiError } from "../../../api/client";
import { holdsChanges, type Op } from "./captureModel";

export type SendResult =
  | { kind: "saved"; item?: CapturedItemDto; note?: NoteDto; agendaState?: AgendaStateDto }
  | { kind: "conflict"; item?: CapturedItemDto; note?: NoteDto }
  | { kind: "rejected"; message: string }
  /** Not reached the server, or the server could not answer: keep the operation and try later. */
  | { kind: "retry"; message: string };

function conflictCurrent(e: ApiError): unknown {
  const body = e.body as { error?: { current?: unknown } } | null;
  return body?.error?.current ?? null;
}

/** Sends one queued operation and says what became of it. Never throws. */
export async function sendOp(meetingId: string, op: Op): Promise<SendResult> {
  const base = `/meetings/${meetingId}`;
  try {
    switch (op.type) {
      case "createItem":
        return { kind: "saved", item: await api<CapturedItemDto>(`${base}/items`, { method: "POST", json: op.body }) };
      case "updateItem":
        return {
          kind: "saved",
          item: await api<CapturedItemDto>(`${base}/items/${op.itemId}`, { method: "PATCH", json: { version: op.version, ...op.changes } }),
        };
      case "createNote":
        return { kind: "saved", note: await api<NoteDto>(`${base}/notes`, { method: "POST", json: op.body }) };
      case "updateNote":
        return {
          kind: "saved",
          note: await api<NoteDto>(`${base}/notes/${op.noteId}`, { method: "PATCH", json: { version: op.version, ...op.changes } }),
        };
      case "agendaState":
        return { kind: "saved", agendaState: await api<AgendaStateDto>(`${base}/agenda-state`, { method: "PUT", json: op.body }) };
    }
  } catch (e) {
    if (!(e instanceof ApiError)) return { kind: "retry", message: e instanceof Error ? e.message : String(e) };
    if (e.status === 409 && (op.type === "updateItem" || op.type === "updateNote")) {
      const current = conflictCurrent(e);
      if (!current || typeof current !== "object") return { kind: "rejected", message: e.message };
      // A resend whose first answer was lost finds its own change already there: that is a save.
      if (holdsChanges(current, op.changes)) return op.type === "updateItem" ? { kind: "saved", item: current as CapturedItemDto } : { kind: "saved", note: current as NoteDto };
      return op.type === "updateItem" ? { kind: "conflict", item: current as CapturedItemDto } : { kind: "conflict", note: current as NoteDto };
    }
    if (e.status >= 500 || e.status === 401 || e.status === 408 || e.status === 429) return { kind: "retry", message: e.message };
    return { kind: "rejected", message: e.message };
  }
}
