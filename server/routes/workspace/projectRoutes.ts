import { randomUUID } from "node:crypto";
import { Router } from "express";
import { and, eq } from "drizzle-orm";
import type { AppDeps } from "../../appDeps";
import * as t from "../../db/tables";
import { contextOf } from "../../http/requestContext";
import { parse } from "../../http/validate";
import { loadSnapshot, toMeeting } from "../../db/loadSnapshot";
import { callTypeDefinitions } from "../../../contracts/callTypeDefinitions";
import { resolveCallType } from "../../domain/resolveCallType";
import { dueFollowUps } from "../../domain/dueFollowUps";
import { followUpZone } from "../../domain/followUpZone";
import { loadProjectMeetings } from "../../db/loadSnapshot";
import { followUpSentBody, followUpSentParams, patchProjectBody, simplePageQuery, type AuditDto, type MeetingHistoryDto } from "../../../contracts/workspace";
import { directoryFor } from "../../services/meetings/loadMeetingContext";
import { pageByNewest } from "../../services/workspace/pageRows";
import { projectDto } from "../../presenters/workspace";
import { fieldError, projectScope } from "../../services/workspace/projectScope";
import { lastSentOf, overviewOf, patchProject, workspaceOf } from "../../services/workspace/projectWorkspace";
import { auditWall, callerAudience, isInternalMeeting } from "../../services/audience/callerAudience";

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
    const [snapshot, meetings, lastSent] = await Promise.all([
      loadSnapshot(db, s.ctx.tenantId, s.project),
      loadProjectMeetings(db, s.ctx.tenantId, s.project.id),
      lastSentOf(db, s.ctx.tenantId, s.project.id),
    ]);
    res.json({ followUps: dueFollowUps(snapshot, meetings, s.now, lastSent, followUpZone(snapshot)), lastSent });
  });

  r.post("/:id/follow-ups/:kind/sent", async (req, res) => {
    const { kind } = parse(followUpSentParams, req.params);
    const body = parse(followUpSentBody, req.body ?? {});
    if (kind === "recap") throw fieldError("kind", "a recap is recorded when it is sent from its meeting");
    const s = await projectScope(deps, req, res);
    const sentAt = body.sentAt ? new Date(body.sentAt).toISOString() : s.now.toISOString();
    if (Date.parse(sentAt) > s.now.getTime() + 60_000) throw fieldError("sentAt", "cannot be in the future");
    await db.insert(t.followUpLog).values({ id: randomUUID(), tenantId: s.ctx.tenantId, projectId: s.project.id, kind, sentAt, sentBy: s.ctx.name });
    const [snapshot, meetings, lastSent] = await Promise.all([
      loadSnapshot(db, s.ctx.tenantId, s.project),
      loadProjectMeetings(db, s.ctx.tenantId, s.project.id),
      lastSentOf(db, s.ctx.tenantId, s.project.id),
    ]);
    res.status(201).json({ kind, sentAt, sentBy: s.ctx.name, followUps: dueFollowUps(snapshot, meetings, s.now, lastSent, followUpZone(snapshot)) });
  });

  r.get("/:id/audit", async (req, res) => {
    const q = parse(simplePageQuery, req.query);
    const s = await projectScope(deps, req, res);
    const a = t.auditLog;
    const page = await pageByNewest(
      { at: a.at, id: a.id },
      q,
      (where, orderBy, limit) =>
        db
          .select()
          .from(a)
          .where(and(eq(a.tenantId, s.ctx.tenantId), eq(a.projectId, s.project.id), auditWall(s.ctx), where))
          .orderBy(...orderBy)
          .limit(limit),
      (row) => ({ at: row.at, id: String(row.id) }),
    );
    const items: AuditDto[] = page.items.map((row) => ({ ...row, at: new Date(row.at).toISOString() }));
    res.json({ items, nextCursor: page.nextCursor });
  });

  r.get("/:id/meetings", async (req, res) => {
    const q = parse(simplePageQuery, req.query);
    const s = await projectScope(deps, req, res);
    const m = t.meetings;
    const [snapshot, page] = await Promise.all([
      loadSnapshot(db, s.ctx.tenantId, s.project),
      pageByNewest(
        { at: m.startsAt, id: m.id },
        q,
        (where, orderBy, limit) =>
          db
            .select()
            .from(m)
            .where(and(eq(m.tenantId, s.ctx.tenantId), eq(m.projectId, s.project.id), where))
            .orderBy(...orderBy)
            .limit(limit),
        (row) => ({ at: row.startsAt, id: row.id }),
      ),
    ]);
    const directory = directoryFor(snapshot);
    // An external caller's page leaves out internal meetings (it may come out shorter than the limit).
    const visible = page.items.filter((row) => callerAudience(s.ctx) === "internal" || !isInternalMeeting(toMeeting(row), directory));
    const items = visible.map((row): MeetingHistoryDto => {
      const meeting = toMeeting(row);
      const callType = resolveCallType(meeting, snapshot.project, directory).callType;
      const ended = Date.parse(meeting.endsAt) <= s.now.getTime();
      const recap = meeting.recapSentAt ? "sent" : !ended ? "upcoming" : callType === "customer_status" ? "owed" : "not_needed";
      return {
        id: meeting.id,
        subject: meeting.subject,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        callType,
        callTypeLabel: callTypeDefinitions[callType].label,
        recapSentAt: meeting.recapSentAt,
        recapSentBy: row.recapSentBy,
        recap,
      };
    });
    res.json({ items, nextCursor: page.nextCursor });
  });

  return r;
}
