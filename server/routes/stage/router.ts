import { Router, type Request, type Response } from "express";
import type { AppDeps } from "../../appDeps";
import { contextOf } from "../../http/requestContext";
import { parse } from "../../http/validate";
import { idParams } from "../../../contracts/common";
import { stageTicketBody, type StageTicketDto } from "../../../contracts/stage";
import { loadMeetingContext } from "../../services/meetings/loadMeetingContext";
import { requireInternalCaller, requireMeetingVisible } from "../../services/audience/callerAudience";
import { issueStageTicket, stageTicketExpiry, verifyStageTicket } from "../../services/stage/stageTicket";
import { readStageAgenda, readStageCapture } from "../../services/stage/readStage";

/**
 * POST /api/meetings/:id/stage-ticket: an internal member of the meeting's project issues a stage
 * ticket for a meeting with external attendees (403 for external callers and internal meetings).
 */
export function stageTicketRouter(deps: AppDeps, secret: Uint8Array): Router {
  const r = Router();
  r.post("/:id/stage-ticket", async (req, res) => {
    const { id } = parse(idParams, req.params);
    parse(stageTicketBody, req.body);
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
 * /api/stage/:id/{agenda,capture}: read-only, customer-safe, for the one meeting the ticket names.
 * Mounted before sign-in: the stage ticket is the only credential here, and accepted nowhere else.
 */
export function stageRouter(deps: AppDeps, secret: Uint8Array): Router {
  const r = Router();
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
  return r;
}
