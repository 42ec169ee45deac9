import { Router } from "express";
import type { AppDeps } from "../../appDeps";
import { contextOf } from "../../http/requestContext";
import { previewTeamsCards } from "../../services/bot/previewTeamsCards";

/**
 * `GET /api/outbox/teams-cards`: the meeting-chat cards and targeted notices of the Teams bot,
 * posted or (in outbox mode) previewed, for internal members of the projects. 403 for external callers.
 */
export function teamsCardsRouter(deps: AppDeps): Router {
  const r = Router();
  r.get("/teams-cards", async (req, res) => {
    const ctx = contextOf(res);
    const publicUrl = `${req.protocol}://${req.get("host") ?? "localhost"}`;
    const items = await previewTeamsCards(deps.database.db, ctx, deps.clock(), { teamsAppId: deps.teamsAppId ?? "callbook", publicUrl });
    res.json({ items });
  });
  return r;
}
