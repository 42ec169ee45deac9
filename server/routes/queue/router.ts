import { Router } from "express";
import type { AppDeps } from "../../appDeps";
import { contextOf } from "../../http/requestContext";
import { parse } from "../../http/validate";
import { idParams } from "../../../contracts/common";
import { draftQuery, queueKindParams, sendQueueBody, type QueueDraftDto } from "../../../contracts/queue";
import { requireProjectAccess } from "../../db/projectAccess";
import { composeQueueDraft } from "../../services/queue/composeQueueDraft";
import { sendQueueMessage } from "../../services/queue/sendQueueMessage";
import { listMyQueue, listProjectQueue } from "../../services/queue/listQueues";
import { listProjectReminders } from "../../services/reminders/listReminders";
import { listJobs } from "../../services/jobs/listJobs";
import { isJobsAdmin } from "../../services/jobs/isJobsAdmin";
import { forbidden } from "../../errors";
import { callerAudience, requireInternalCaller } from "../../services/audience/callerAudience";
import type { RequestContext } from "../../http/requestContext";

/** The project, access checked; then 403 unless the caller is internal: owed messages are the delivery team's. */
async function internalProject(db: AppDeps["database"]["db"], ctx: RequestContext, id: string) {
  const project = await requireProjectAccess(db, ctx, id);
  requireInternalCaller(ctx, "The send queue");
  return project;
}

/** GET /api/queue (all my projects); GET /api/projects/:id/queue, …/queue/:kind/draft; POST …/queue/:kind/send. */
export function queueRouter(deps: AppDeps): { mine: Router; projects: Router; admin: Router } {
  const { db } = deps.database;
  const mine = Router();
  mine.get("/", async (_req, res) => {
    const ctx = contextOf(res);
    const queue = await listMyQueue(db, ctx, deps.clock());
    // An external member (customer, vendor) owes none of these messages.
    res.json(callerAudience(ctx) === "internal" ? queue : { late: [], dueToday: [], upcoming: [] });
  });

  const projects = Router();
  projects.get("/:id/queue", async (req, res) => {
    const { id } = parse(idParams, req.params);
    const ctx = contextOf(res);
    res.json(await listProjectQueue(db, ctx, await internalProject(db, ctx, id), deps.clock()));
  });

  projects.get("/:id/queue/:kind/draft", async (req, res) => {
    const { id, kind } = parse(queueKindParams, req.params);
    const { intro, to, cc } = parse(draftQuery, req.query);
    const ctx = contextOf(res);
    const project = await internalProject(db, ctx, id);
    const c = await composeQueueDraft(db, ctx, project, kind, deps.clock(), { intro, to, cc });
    const body: QueueDraftDto = {
      id: c.id,
      projectId: id,
      kind,
      subject: c.subject,
      to: c.draft.to,
      cc: c.draft.cc,
      audience: c.draft.audience,
      omittedInternal: c.draft.omittedInternal,
      html: c.html,
      text: c.text,
      dueAt: c.dueAt,
      mailMode: deps.mailMode,
      candidates: c.candidates,
    };
    res.json(body);
  });

  projects.post("/:id/queue/:kind/send", async (req, res) => {
    const { id, kind } = parse(queueKindParams, req.params);
    const body = parse(sendQueueBody, req.body);
    const ctx = contextOf(res);
    const project = await internalProject(db, ctx, id);
    const result = await sendQueueMessage(deps, ctx, project, kind, body);
    res.status(result.status).json(result.body);
  });

  // Who was reminded about this project's actions, and when (issue 17 §2).
  projects.get("/:id/reminders", async (req, res) => {
    const { id } = parse(idParams, req.params);
    const ctx = contextOf(res);
    await internalProject(db, ctx, id);
    res.json({ items: await listProjectReminders(db, ctx.tenantId, id) });
  });

  // Jobs due and failed (issue 17 §3), for PMs and PM directors: names and states, no job data.
  const admin = Router();
  admin.get("/jobs", async (_req, res) => {
    const ctx = contextOf(res);
    if (!(await isJobsAdmin(db, ctx.tenantId, ctx.personId))) throw forbidden("Only a PM or PM director sees the jobs");
    res.json(await listJobs(deps.database));
  });

  return { mine, projects, admin };
}
