import { Router } from "express";
import type { AppDeps } from "../../appDeps";
import { contextOf } from "../../http/requestContext";
import { parse } from "../../http/validate";
import { idParams } from "../../../contracts/common";
import { requireProjectAccess } from "../../db/projectAccess";
import { projectHeader } from "../../presenters/meetings";
import { listProjects } from "../../services/projects/listProjects";
import { projectTransition } from "../../services/projects/projectTransition";

export function projectsRouter(deps: AppDeps): Router {
  const r = Router();
  const { db } = deps.database;

  r.get("/", async (_req, res) => {
    const rows = await listProjects(db, contextOf(res));
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
    res.json(await projectTransition(db, ctx, project, deps.clock()));
  });

  return r;
}
