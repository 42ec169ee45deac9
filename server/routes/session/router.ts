import { Router } from "express";
import type { AppDeps } from "../../appDeps";
import { notFound } from "../../errors";
import { assertDevRequest } from "../../auth/devSignIn";
import { listDevPeople } from "../../services/session/listDevPeople";
import { devPersonDto } from "../../presenters/session";

/** Public: what the front end needs before sign-in. */
export function sessionRouter(deps: AppDeps): Router {
  const r = Router();
  const { db } = deps.database;

  r.get("/config", (_req, res) => {
    res.json({
      devSignIn: deps.devSignIn,
      teamsHostOrigins: deps.teamsHostOrigins ?? [],
      // Outlook's nested app authentication asks for a token to this API resource.
      entra: deps.entra ?? null,
    });
  });

  /** The dev sign-in picker: internal project members of every tenant on this database. */
  r.get("/dev-people", async (req, res) => {
    if (!deps.devSignIn) throw notFound("Route");
    assertDevRequest(req);
    const rows = await listDevPeople(db);
    res.json({
      people: rows.map(devPersonDto),
    });
  });
  return r;
}
