import { Router } from "express";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { AppDeps } from "../../appDeps";
import { contextOf } from "../../http/requestContext";
import { parse } from "../../http/validate";
import { idParams } from "../../../contracts/common";
import * as t from "../../db/tables";
import { memberProjectIds, requireProjectAccess } from "../../db/projectAccess";
import { loadProjectMeetings, loadSnapshot } from "../../db/loadSnapshot";
import { transitionStatus } from "../../domain/transition";
import { projectHeader } from "../../presenters/meetings";

export function projectsRouter(deps: AppDeps): Router {
  const r = Router();
  const { db } = deps.database;

  r.get("/", async (_req, res) => {
    const ctx = contextOf(res);
    const ids = await memberProjectIds(db, ctx);
    const rows = ids.length
      ? await db
          .select()
          .from(t.projects)
          .where(and(eq(t.projects.tenantId, ctx.tenantId), inArray(t.projects.id, ids)))
          .orderBy(asc(t.projects.name))
      : [];
    res.json({ projects: rows.map((p) => projectHeader(p, deps.clock())) });
  });

  r.get("/:id", async (req, res) => {
    const { id } = parse(idParams, req.params);
    res.json(projectHeader(await requireProjectAccess(db, contextOf(res), id), deps.clock()));
  });

  r.get("/:id/transition", async (req, res) => {
    const { id } = parse(idParams, req.params);
    const ctx = contextOf(res);
    const project = await requireProjectAccess(db, ctx, id);
    const [snapshot, meetings] = await Promise.all([loadSnapshot(db, ctx.tenantId, project), loadProjectMeetings(db, ctx.tenantId, id)]);
    res.json(transitionStatus(snapshot, meetings, deps.clock()));
  });

  return r;
}
