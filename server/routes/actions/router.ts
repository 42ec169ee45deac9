import { Router } from "express";
import type { AppDeps } from "../../appDeps";
import { contextOf } from "../../http/requestContext";
import { listMyActions } from "../../services/actions/listMyActions";

/** `GET /api/actions/mine`: the signed-in person's own actions across all their projects (customer-safe for externals). */
export function actionsRouter(deps: AppDeps): Router {
  const r = Router();
  r.get("/mine", async (_req, res) => {
    res.json(await listMyActions(deps.database.db, contextOf(res), deps.clock()));
  });
  return r;
}
