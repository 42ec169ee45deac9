import type { Request, Response } from "express";
import type { AppDeps } from "../../appDeps";
import type { Person } from "../../../contracts/types";
import type { MeetingFeeds } from "../../live/meetingFeeds";
import type { StreamSlot } from "../../live/liveClients";
import { lastEventId } from "../../services/capture/captureQueries";
import { nameIndex } from "../../presenters/capture";
import { presentLiveEvent } from "../../services/capture/presentLiveEvent";
import type { WrittenRows } from "../../services/capture/writtenRows";

const HEARTBEAT_MS = 15_000;

function resumeFrom(req: Request): number | null {
  const raw = req.get("last-event-id") ?? (typeof req.query.lastEventId === "string" ? req.query.lastEventId : undefined);
  if (raw === undefined || !/^\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}

/**
 * Server-Sent Events for one meeting. Each event has the id of its row in meeting_events; a client
 * that reconnects with Last-Event-ID gets every event after it, read from the table by the
 * meeting's shared reader (server/live/meetingFeeds.ts). An external caller's stream never gets an
 * internal-only item or note. Everything it sets
 * up is released with `slot` (taken by the caller before its first await), whenever the client goes.
 */
export async function streamMeetingEvents(
  deps: AppDeps,
  feeds: MeetingFeeds,
  req: Request,
  res: Response,
  scope: { tenantId: string; meetingId: string; people: Person[]; audience: "internal" | "external"; written?: WrittenRows },
  slot: StreamSlot,
): Promise<void> {
  const names = nameIndex(scope.people);
  const lastSent = resumeFrom(req) ?? (await lastEventId(deps.database.db, scope.tenantId, scope.meetingId));
  // The client may have gone while we read: then nothing is subscribed (issue 13 §6).
  if (slot.released) return;
  res.writeHead(200, {
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-store, no-transform",
    Connection: "keep-alive",
    "X-Accel-Buffering": "no",
  });
  // A frame goes out the moment it is written, not held for Nagle's algorithm.
  res.socket?.setNoDelay(true);
  res.write(`retry: 1000\n: connected at ${lastSent}\n\n`);
  const unsubscribe = feeds.subscribe(scope.tenantId, scope.meetingId, lastSent, (row) => presentLiveEvent(deps.database.db, scope.tenantId, row, names, scope.written), {
    audience: scope.audience,
    send: (frames) => res.write(frames),
    fail: (err) => {
      req.log.warn({ err }, "live stream read failed; client will reconnect");
      res.end();
    },
  });
  slot.onRelease(unsubscribe);
  const heartbeat = setInterval(() => res.write(`: keep-alive\n\n`), HEARTBEAT_MS);
  slot.onRelease(() => clearInterval(heartbeat));
}
