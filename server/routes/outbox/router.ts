import { Router } from "express";
import type { AppDeps } from "../../appDeps";
import { contextOf } from "../../http/requestContext";
import { parse } from "../../http/validate";
import { outboxParams, outboxQuery } from "../../../contracts/recap";
import { notFound } from "../../errors";
import { requireOwnMailIfExternal } from "../../services/audience/callerAudience";
import { findOutboxItem, listOutbox } from "../../services/outbox/listOutbox";
import { outboxFile, outboxItemDto } from "../../presenters/outbox";

export function outboxRouter(deps: AppDeps): Router {
  const r = Router();
  const { db } = deps.database;

  r.get("/", async (req, res) => {
    const { limit } = parse(outboxQuery, req.query);
    const ctx = contextOf(res);
    res.json({ items: await listOutbox(db, ctx, limit), mailMode: deps.mailMode });
  });

  r.get("/:id", async (req, res) => {
    const { id } = parse(outboxParams, req.params);
    const ctx = contextOf(res);
    const row = await findOutboxItem(db, ctx, id);
    if (!row) throw notFound("Outbox item");
    requireOwnMailIfExternal(ctx, row);
    res.json(outboxItemDto(row));
  });

  /** The .eml of a recap or the .ics of an invite, as Outlook and Thunderbird open them. */
  r.get("/:id/file", async (req, res) => {
    const { id } = parse(outboxParams, req.params);
    const ctx = contextOf(res);
    const row = await findOutboxItem(db, ctx, id);
    if (!row?.raw) throw notFound("File");
    requireOwnMailIfExternal(ctx, row);
    const file = outboxFile(row, row.raw);
    res.setHeader("Content-Type", file.contentType);
    res.setHeader("Content-Disposition", `attachment; filename="${file.filename}"`);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.send(file.body);
  });
  return r;
}
