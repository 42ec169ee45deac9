import { Router } from "express";
import { and, desc, eq, inArray, isNull, or } from "drizzle-orm";
import type { AppDeps } from "../../appDeps";
import { contextOf } from "../../http/requestContext";
import { parse } from "../../http/validate";
import { outboxParams, outboxQuery } from "../../../contracts/recap";
import * as t from "../../db/tables";
import { memberProjectIds } from "../../db/projectAccess";
import { notFound } from "../../errors";
import type { RequestContext } from "../../http/requestContext";
import type { Db } from "../../db/database";
import { outboxWall, requireOwnMailIfExternal } from "../../services/audience/callerAudience";

/** Outbox rows the caller may see: their tenant, projects they are on (or sent by them); external callers, their own mail. */
async function visible(db: Db, ctx: RequestContext) {
  const projectIds = await memberProjectIds(db, ctx);
  return and(
    eq(t.outboxItems.tenantId, ctx.tenantId),
    or(projectIds.length ? inArray(t.outboxItems.projectId, projectIds) : undefined, and(isNull(t.outboxItems.projectId), eq(t.outboxItems.fromEmail, ctx.email))),
  );
}

export function outboxRouter(deps: AppDeps): Router {
  const r = Router();
  const { db } = deps.database;

  r.get("/", async (req, res) => {
    const { limit } = parse(outboxQuery, req.query);
    const ctx = contextOf(res);
    const rows = await db
      .select({
        id: t.outboxItems.id, kind: t.outboxItems.kind, subject: t.outboxItems.subject, fromEmail: t.outboxItems.fromEmail,
        recipients: t.outboxItems.recipients, status: t.outboxItems.status, error: t.outboxItems.error, createdBy: t.outboxItems.createdBy,
        createdAt: t.outboxItems.createdAt, sentAt: t.outboxItems.sentAt, meetingId: t.outboxItems.meetingId, projectId: t.outboxItems.projectId,
      })
      .from(t.outboxItems)
      .where(and(await visible(db, ctx), outboxWall(ctx)))
      .orderBy(desc(t.outboxItems.createdAt))
      .limit(limit);
    res.json({ items: rows, mailMode: deps.mailMode });
  });

  r.get("/:id", async (req, res) => {
    const { id } = parse(outboxParams, req.params);
    const ctx = contextOf(res);
    const [row] = await db.select().from(t.outboxItems).where(and(await visible(db, ctx), eq(t.outboxItems.id, id)));
    if (!row) throw notFound("Outbox item");
    requireOwnMailIfExternal(ctx, row);
    res.json({ ...row, raw: undefined, hasFile: Boolean(row.raw) });
  });

  /** The .eml of a recap or the .ics of an invite, as Outlook and Thunderbird open them. */
  r.get("/:id/file", async (req, res) => {
    const { id } = parse(outboxParams, req.params);
    const ctx = contextOf(res);
    const [row] = await db.select().from(t.outboxItems).where(and(await visible(db, ctx), eq(t.outboxItems.id, id)));
    if (!row?.raw) throw notFound("File");
    requireOwnMailIfExternal(ctx, row);
    const invite = row.kind === "invite";
    res.setHeader("Content-Type", invite ? "text/calendar; charset=utf-8; method=REQUEST" : "message/rfc822");
    res.setHeader("Content-Disposition", `attachment; filename="${invite ? "invite" : "recap"}-${row.id.slice(0, 8)}.${invite ? "ics" : "eml"}"`);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.send(row.raw);
  });
  return r;
}
