import { randomUUID } from "node:crypto";
import { demoMeetingId, devAuth } from "../../support/testApp";

// Writes of the crash drill: action items and notes with client ids, as the side panel sends them.
// Each write is remembered with its outcome: acknowledged (2xx), refused (another status) or in
// doubt (no answer: the server died, or was not there).

export const crashMeeting = demoMeetingId("m_cust");

export interface Write {
  id: string;
  kind: "item" | "note";
  title: string;
  body: Record<string, unknown>;
  outcome: "pending" | "acknowledged" | "refused" | "in_doubt";
  status?: number;
}

export function newWrite(n: number): Write {
  const id = randomUUID();
  const kind = n % 3 === 2 ? "note" : "item";
  const title = `Crash drill write ${n} ${id.slice(0, 8)}`;
  const body = kind === "item" ? { id, kind: "action", title } : { id, agendaItemKey: "raid", body: title };
  return { id, kind, title, body, outcome: "pending" };
}

/** Sends one write; resolves with its HTTP status, or null when no answer came. */
export async function send(baseUrl: string, w: Write, timeoutMs = 10_000): Promise<number | null> {
  try {
    const res = await fetch(`${baseUrl}/api/meetings/${crashMeeting}/${w.kind === "item" ? "items" : "notes"}`, {
      method: "POST",
      headers: { Authorization: devAuth("dana"), "Content-Type": "application/json" },
      body: JSON.stringify(w.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return null;
  }
}

/** Every item and note of the drill's meeting, as the capture endpoint lists them. */
export async function capturedTexts(baseUrl: string): Promise<{ ids: string[]; texts: string[] }> {
  const res = await fetch(`${baseUrl}/api/meetings/${crashMeeting}/capture`, { headers: { Authorization: devAuth("dana") } });
  if (res.status !== 200) throw new Error(`capture answered ${res.status}`);
  const body = (await res.json()) as { items: { id: string; title: string }[]; notes: { id: string; body: string }[] };
  return {
    ids: [...body.items.map((i) => i.id), ...body.notes.map((n) => n.id)],
    texts: [...body.items.map((i) => i.title), ...body.notes.map((n) => n.body)],
  };
}

/** A small seeded generator (mulberry32), so a run's kill moments can be replayed with DRILL_SEED. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
