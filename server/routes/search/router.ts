import { Router } from "express";
import type { AppDeps } from "../../appDeps";
import { parse } from "../../http/validate";
import { searchQuery } from "../../../contracts/search";
import { projectScope } from "../../services/workspace/projectScope";
import { searchProject } from "../../services/search/searchProject";

/** `GET /api/projects/:id/search?q=…`: full-text search over the project's calls, notes and RAID log (members only; audience-walled). */
export function searchRouter(deps: AppDeps): Router {
  const r = Router();
  r.get("/:id/search", async (req, res) => {
    // Membership first: someone outside the project learns nothing, not even how to ask.
    const s = await projectScope(deps, req, res);
    const q = parse(searchQuery, req.query);
    res.json(await searchProject(s, q));
  });
  return r;
}
