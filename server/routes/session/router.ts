import { Router } from "express";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { AppDeps } from "../../appDeps";
import * as t from "../../db/tables";
import { notFound } from "../../errors";
import { assertDevRequest } from "../../auth/devSignIn";

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
    const memberIds = db.select({ id: t.projectMembers.personId }).from(t.projectMembers);
    const rows = await db
      .select({ id: t.people.id, tenantId: t.people.tenantId, name: t.people.name, title: t.people.title, email: t.people.email })
      .from(t.people)
      .where(and(eq(t.people.organisation, "internal"), inArray(t.people.id, memberIds)))
      .orderBy(asc(t.people.name));
    res.json({
      people: rows.map((p) => ({ ...p, credential: `Dev ${p.tenantId}.${p.id}` })),
    });
  });
  return r;
}
