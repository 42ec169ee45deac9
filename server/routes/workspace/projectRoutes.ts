import { Router } from "express";
import type { AppDeps } from "../../appDeps";
import { contextOf } from "../../http/requestContext";
import { parse } from "../../http/validate";
import { followUpSentBody, followUpSentParams, patchProjectBody, simplePageQuery, meetingHistoryQuery } from "../../../contracts/workspace";
import { auditDto, projectDto } from "../../presenters/workspace";
import { fieldError, projectScope } from "../../services/workspace/projectScope";
import { overviewOf, patchProject, workspaceOf } from "../../services/workspace/projectWorkspace";
import { listFollowUps, recordFollowUpSent } from "../../services/workspace/listFollowUps";
import { listAudit } from "../../services/workspace/listAudit";
import { listMeetingHistory } from "../../services/workspace/listMeetingHistory";

/** The project itself: overview of the caller's projects, workspace header, RAG and settings, follow-ups, audit, meeting history. */
export function projectRoutes(deps: AppDeps): Router {
  const r = Router();
  const { db } = deps.database;

  r.get("/overview", async (_req, res) => {
    res.json({ projects: await overviewOf(db, contextOf(res), deps.clock()) });
  });

  r.get("/:id/workspace", async (req, res) => {
    res.json(await workspaceOf(await projectScope(deps, req, res)));
  });

  r.patch("/:id", async (req, res) => {
    const body = parse(patchProjectBody, req.body);
    const s = await projectScope(deps, req, res);
    const row = await patchProject(s, body);
    res.json(projectDto(row, s.now));
  });

  // Shadows projectsRouter's GET /:id/follow-ups (mounted after this router): this one counts what was sent.
  r.get("/:id/follow-ups", async (req, res) => {
    const s = await projectScope(deps, req, res);
    res.json(await listFollowUps(s));
  });

  r.post("/:id/follow-ups/:kind/sent", async (req, res) => {
    const { kind } = parse(followUpSentParams, req.params);
    const body = parse(followUpSentBody, req.body ?? {});
    if (kind === "recap") throw fieldError("kind", "a recap is recorded when it is sent from its meeting");
    const s = await projectScope(deps, req, res);
    const sentAt = body.sentAt ? new Date(body.sentAt).toISOString() : s.now.toISOString();
    if (Date.parse(sentAt) > s.now.getTime() + 60_000) throw fieldError("sentAt", "cannot be in the future");
    const followUps = await recordFollowUpSent(s, kind, sentAt);
    res.status(201).json({ kind, sentAt, sentBy: s.ctx.name, followUps });
  });

  r.get("/:id/audit", async (req, res) => {
    const q = parse(simplePageQuery, req.query);
    const s = await projectScope(deps, req, res);
    const page = await listAudit(s, q);
    res.json({ items: page.items.map(auditDto), nextCursor: page.nextCursor });
  });

  r.get("/:id/meetings", async (req, res) => {
    const q = parse(meetingHistoryQuery, req.query);
    const s = await projectScope(deps, req, res);
    res.json(await listMeetingHistory(s, q));
  });

  return r;
}
