import { randomUUID } from "node:crypto";
import { Router, type Request, type Response } from "express";
import type { AppDeps } from "../../appDeps";
import { contextOf } from "../../http/requestContext";
import { parse, parseEmptyBody } from "../../http/validate";
import { idParams } from "../../../contracts/common";
import type { StageTicketDto } from "../../../contracts/stage";
import { loadMeetingContext } from "../../services/meetings/loadMeetingContext";
import { requireInternalCaller, requireMeetingVisible } from "../../services/audience/callerAudience";
import { issueStageTicket, stageTicketExpiry, verifyStageTicket } from "../../services/stage/stageTicket";
import { readStageAgenda, readStageCapture, readStageStreamScope } from "../../services/stage/readStage";
import type { MeetingFeeds } from "../../live/meetingFeeds";
import { createLiveClients, type StreamSlot } from "../../live/liveClients";
import { streamMeetingEvents } from "../capture/streamMeetingEvents";

/**
 * POST /api/meetings/:id/stage-ticket: an internal member of the meeting's project issues a stage
 * ticket for a meeting with external attendees (403 for external callers and internal meetings).
 */
export function stageTicketRouter(deps: AppDeps, secret: Uint8Array): Router {
  const r = Router();
  r.post("/:id/stage-ticket", async (req, res) => {
    const { id } = parse(idParams, req.params);
    parseEmptyBody(req);
    const ctx = contextOf(res);
    const mc = await loadMeetingContext(deps.database.db, ctx, id);
    requireInternalCaller(ctx, "Issuing a stage ticket");
    // The stage is customer-safe: an internal meeting has none.
    requireMeetingVisible({ audience: "external" }, mc.meeting, mc.directory);
    const now = deps.clock();
    const expiresAt = stageTicketExpiry(now, new Date(mc.meeting.endsAt));
    const ticket = await issueStageTicket(secret, { tenantId: ctx.tenantId, meetingId: id }, now, expiresAt);
    const body: StageTicketDto = {
      meetingId: id,
      ticket,
      expiresAt: expiresAt.toISOString(),
      agendaPath: `/api/stage/${id}/agenda`,
      capturePath: `/api/stage/${id}/capture`,
    };
    res.status(201).json(body);
  });
  return r;
}

/** The ticket from `?ticket=` (the stage view opens without headers) or `Authorization: Stage <ticket>`. */
function ticketOf(req: Request): string | undefined {
  const header = req.get("authorization");
  if (header?.startsWith("Stage ")) return header.slice(6).trim();
  return typeof req.query.ticket === "string" ? req.query.ticket : undefined;
}

function noStore(res: Response): void {
  // The ticket may sit in the URL: never cache the answer, never pass the URL on as a referrer.
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Referrer-Policy", "no-referrer");
}

/**
 * Ends an open stage stream when its ticket expires (`inMs` from now on the clock the ticket was
 * checked with): an open stream must not outlive its credential. The client's reconnect then
 * presents the expired ticket and gets 401. The timer goes with the stream's slot.
 */
function endAtExpiry(res: Response, slot: StreamSlot, inMs: number): void {
  const timer = setTimeout(() => {
    res.write(": the stage ticket has expired\n\n");
    res.end();
  }, Math.max(0, inMs));
  slot.onRelease(() => clearTimeout(timer));
}

/**
 * /api/stage/:id/{agenda,capture,events}: read-only, customer-safe, for the one meeting the ticket
 * names. Mounted before sign-in: the stage ticket is the only credential here, and accepted nowhere
 * else. `events` is the panel's live stream (same table, same shared reader `feeds`, Last-Event-ID
 * resume) filtered to the external audience whoever watches; the stage view sends the ticket in
 * `Authorization: Stage <ticket>` there, so it never sits in a long-lived URL. Every viewer of a
 * shared stage holds the same ticket, so the per-person stream cap does not apply (each stream is
 * its own "person"); the per-meeting cap (LIVE_STREAMS_PER_MEETING) does. A stream ends at its
 * ticket's expiry (endAtExpiry).
 */
export function stageRouter(deps: AppDeps, secret: Uint8Array, feeds: MeetingFeeds): Router {
  const r = Router();
  const liveClients = deps.liveClients ?? createLiveClients();
  r.get("/:id/agenda", async (req, res) => {
    const { id } = parse(idParams, req.params);
    noStore(res);
    const claims = await verifyStageTicket(secret, ticketOf(req), id, deps.clock());
    res.json(await readStageAgenda(deps.database.db, claims, deps.clock()));
  });
  r.get("/:id/capture", async (req, res) => {
    const { id } = parse(idParams, req.params);
    noStore(res);
    const claims = await verifyStageTicket(secret, ticketOf(req), id, deps.clock());
    res.json(await readStageCapture(deps.database.db, claims));
  });
  r.get("/:id/events", async (req, res) => {
    const { id } = parse(idParams, req.params);
    noStore(res);
    const claims = await verifyStageTicket(secret, ticketOf(req), id, deps.clock());
    const slot = liveClients.open(res, { tenantId: claims.tenantId, userId: `stage-viewer:${randomUUID()}`, meetingId: id });
    try {
      const { people } = await readStageStreamScope(deps.database.db, claims);
      if (slot.released) return;
      await streamMeetingEvents(deps, feeds, req, res, { tenantId: claims.tenantId, meetingId: id, people, audience: "external" }, slot);
      if (!slot.released) endAtExpiry(res, slot, claims.expiresAt.getTime() - deps.clock().getTime());
    } catch (e) {
      slot.release();
      throw e;
    }
  });
  return r;
}
