import { Router } from "express";
import type { AppDeps } from "../../appDeps";
import { parse, parseEmptyBody } from "../../http/validate";
import { putPlannerPlanBody } from "../../../contracts/planner";
import { projectScope } from "../../services/workspace/projectScope";
import { requireInternalCaller } from "../../services/audience/callerAudience";
import { identityOf } from "../../graph/identityOf";
import { unavailable } from "../../errors";
import { plannerStatus } from "../../services/planner/plannerStatus";
import { clearProjectPlan, setProjectPlan } from "../../services/planner/setProjectPlan";
import { pollPlannerOnOpen } from "../../services/planner/pollPlanner";
import { syncProjectPlanner, type PlannerSyncResult } from "../../services/planner/syncProjectPlanner";

/**
 * A project's Microsoft Planner plan (issue 17 §4), internal callers only: read (polls Planner
 * when the page opens, at most once a minute), name a plan (checked in Graph), forget it, sync now.
 */
export function plannerRouter(deps: AppDeps): Router {
  const r = Router();
  const { db } = deps.database;
  const available = deps.planner !== undefined;
  const status = (tenantId: string, projectId: string, poll: PlannerSyncResult | null = null) => plannerStatus(db, tenantId, projectId, available, poll);
  const requirePlanner = () => {
    if (!deps.planner) throw unavailable("Microsoft Planner needs Callbook to run with Microsoft Graph (GRAPH_MODE=graph)");
    return deps.planner;
  };

  r.get("/:id/planner", async (req, res) => {
    const s = await projectScope(deps, req, res);
    requireInternalCaller(s.ctx, "The Planner link");
    const poll = await pollPlannerOnOpen(deps, identityOf(s.ctx), s.project.id);
    res.json(await status(s.ctx.tenantId, s.project.id, poll));
  });

  r.put("/:id/planner", async (req, res) => {
    const { planId } = parse(putPlannerPlanBody, req.body);
    const s = await projectScope(deps, req, res);
    requireInternalCaller(s.ctx, "The Planner link");
    const planner = requirePlanner();
    await setProjectPlan(db, { tenantId: s.ctx.tenantId, projectId: s.project.id, personId: s.ctx.personId }, planner.forRequest(identityOf(s.ctx)), planId, s.now);
    res.json(await status(s.ctx.tenantId, s.project.id));
  });

  r.delete("/:id/planner", async (req, res) => {
    const s = await projectScope(deps, req, res);
    requireInternalCaller(s.ctx, "The Planner link");
    await clearProjectPlan(db, { tenantId: s.ctx.tenantId, projectId: s.project.id });
    res.status(204).end();
  });

  r.post("/:id/planner/sync", async (req, res) => {
    parseEmptyBody(req);
    const s = await projectScope(deps, req, res);
    requireInternalCaller(s.ctx, "The Planner link");
    const planner = requirePlanner();
    const poll = await syncProjectPlanner({ db, bus: deps.bus, clock: deps.clock }, { tenantId: s.ctx.tenantId, projectId: s.project.id, linkBase: planner.linkBase }, planner.forRequest(identityOf(s.ctx)), s.now);
    res.json(await status(s.ctx.tenantId, s.project.id, poll));
  });

  return r;
}
