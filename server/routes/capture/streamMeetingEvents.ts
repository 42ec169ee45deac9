import type { Request, Response } from "express";
import { and, asc, eq, gt } from "drizzle-orm";
import type { AppDeps } from "../../appDeps";
import * as t from "../../db/schema";
import type { Person } from "../../domain/types";
import type { LiveEvent } from "../../contracts/capture";
import { agendaState, findItem, findNote, itemDto, lastEventId, nameIndex, noteDto } from "./captureService";

const HEARTBEAT_MS = 15_000;
const BATCH = 500;

function resumeFrom(req: Request): number | null {
  const raw = req.get("last-event-id") ?? (typeof req.query.lastEventId === "string" ? req.query.lastEventId : undefined);
  if (raw === undefined || !/^\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}

/**
 * Server-Sent Events for one meeting. Each event has the id of its row in meeting_events; a client
 * that reconnects with Last-Event-ID gets every event after it, read from the table.
 */
export async function streamMeetingEvents(
  deps: AppDeps,
  req: Request,
  res: Response,
  scope: { tenantId: string; meetingId: string; people: Person[] },
): Promise<void> {
  const { db } = deps.database;
  const names = nameIndex(scope.people);
  let lastSent = resumeFrom(req) ?? (await lastEventId(db, scope.tenantId, scope.meetingId));
  res.writeHead(200, {
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-cache, no-transform",
    Connection: "keep-alive",
    "X-Accel-Buffering": "no",
  });
  res.write(`retry: 1000\n: connected at ${lastSent}\n\n`);

  let draining = false;
  let again = false;
  let closed = false;
  const drain = async (): Promise<void> => {
    if (draining) {
      again = true;
      return;
    }
    draining = true;
    try {
      do {
        again = false;
        const rows = await db
          .select()
          .from(t.meetingEvents)
          .where(and(eq(t.meetingEvents.tenantId, scope.tenantId), eq(t.meetingEvents.meetingId, scope.meetingId), gt(t.meetingEvents.id, lastSent)))
          .orderBy(asc(t.meetingEvents.id))
          .limit(BATCH);
        for (const row of rows) {
          if (closed) return;
          const event = await toLiveEvent(deps, scope.tenantId, row, names);
          if (event) res.write(`id: ${row.id}\ndata: ${JSON.stringify(event)}\n\n`);
          lastSent = row.id;
        }
        if (rows.length === BATCH) again = true;
      } while (again && !closed);
    } catch (err) {
      req.log.warn({ err }, "live stream read failed; client will reconnect");
      res.end();
    } finally {
      draining = false;
    }
  };

  const unsubscribe = deps.bus.subscribe(scope.meetingId, () => void drain());
  const unregister = deps.liveClients?.add(res) ?? (() => undefined);
  const heartbeat = setInterval(() => res.write(`: keep-alive\n\n`), HEARTBEAT_MS);
  req.on("close", () => {
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    unregister();
  });
  // Anything recorded between the client's snapshot and this subscription.
  await drain();
}

async function toLiveEvent(
  deps: AppDeps,
  tenantId: string,
  row: typeof t.meetingEvents.$inferSelect,
  names: Map<string, string>,
): Promise<LiveEvent | null> {
  const { db } = deps.database;
  if (row.type === "item" && row.entityId) {
    const item = await findItem(db, tenantId, row.entityId);
    return item ? { id: row.id, type: "item", entity: itemDto(item, names) } : null;
  }
  if (row.type === "note" && row.entityId) {
    const note = await findNote(db, tenantId, row.entityId);
    return note ? { id: row.id, type: "note", entity: noteDto(note) } : null;
  }
  if (row.type === "agenda") return { id: row.id, type: "agenda", entity: await agendaState(db, tenantId, row.meetingId) };
  return null;
}
