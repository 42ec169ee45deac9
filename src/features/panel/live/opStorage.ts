import type { Op } from "./captureModel";

// The queue survives a reload, a crash or a closed laptop: it is written to localStorage on every change.

const key = (meetingId: string) => `callbook.queue.${meetingId}`;
const opTypes = new Set(["createItem", "updateItem", "createNote", "updateNote", "agendaState"]);

function isOp(x: unknown): x is Op {
  return typeof x === "object" && x !== null && typeof (x as { opId?: unknown }).opId === "string" && opTypes.has(String((x as { type?: unknown }).type));
}

export function loadQueue(meetingId: string): Op[] {
  try {
    const raw = localStorage.getItem(key(meetingId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter(isOp) : [];
  } catch {
    return [];
  }
}

/** Returns false when the browser refused to store (private mode, quota): the caller warns the user. */
export function saveQueue(meetingId: string, queue: Op[]): boolean {
  try {
    if (queue.length === 0) localStorage.removeItem(key(meetingId));
    else localStorage.setItem(key(meetingId), JSON.stringify(queue));
    return true;
  } catch {
    return false;
  }
}

/** A uuid made here, so a create sent twice is one row. */
export function newId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
