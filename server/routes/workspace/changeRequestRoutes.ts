import { randomUUID } from "node:crypto";
import { Router } from "express";
import { and, asc, eq } from "drizzle-orm";
import type { AppDeps } from "../../appDeps";
import * as t from "../../db/tables";
import { parse } from "../../http/validate";
import { createChangeRequestBody, decideChangeRequestBody, deleteQuery, entityParams, patchChangeRequestBody } from "../../../contracts/workspace";
import { changeRequestDto } from "../../presenters/workspace";
import { checkVersion, projectScope, recordAudit, staleWrite, type Scope } from "../../services/workspace/projectScope";

/** Change requests: description, hours, customer confirmation, and the decision (who, when: audited). */
export function changeRequestRoutes(deps: AppDeps): Router {
  const r = Router();
  const { db } = deps.database;
  const cr = t.changeRequests;
  const find = async (s: Scope, id: string) => (await db.select().from(cr).where(and(eq(cr.tenantId, s.ctx.tenantId), eq(cr.id, id))))[0];

  r.get("/:id/change-requests", async (req, res) => {
    const s = await projectScope(deps, req, res);
    const rows = await db.select().from(cr).where(and(eq(cr.tenantId, s.ctx.tenantId), eq(cr.projectId, s.project.id))).orderBy(asc(cr.createdAt), asc(cr.id));
    res.json({ items: rows.map(changeRequestDto) });
  });

  r.post("/:id/change-requests", async (req, res) => {
    const body = parse(createChangeRequestBody, req.body);
    const s = await projectScope(deps, req, res);
    const [row] = await db
      .insert(cr)
      .values({ ...body, id: randomUUID(), tenantId: s.ctx.tenantId, projectId: s.project.id, createdAt: s.now.toISOString() })
      .returning();
    res.status(201).json(changeRequestDto(row as NonNullable<typeof row>));
  });

  r.patch("/:id/change-requests/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const { version, ...changes } = parse(patchChangeRequestBody, req.body);
    const s = await projectScope(deps, req, res);
    const current = checkVersion(await find(s, entityId), s, "Change request", version, changeRequestDto);
    const [row] = await db
      .update(cr)
      .set({ ...changes, version: version + 1 })
      .where(and(eq(cr.tenantId, s.ctx.tenantId), eq(cr.id, entityId), eq(cr.version, version)))
      .returning();
    if (!row) throw staleWrite("Change request", changeRequestDto(current));
    res.json(changeRequestDto(row));
  });

  r.post("/:id/change-requests/:entityId/decision", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const body = parse(decideChangeRequestBody, req.body);
    const s = await projectScope(deps, req, res);
    const current = checkVersion(await find(s, entityId), s, "Change request", body.version, changeRequestDto);
    const decidedBy = body.decidedBy ?? s.ctx.name;
    const decidedAt = s.now.toISOString();
    const row = await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(cr)
        .set({ decision: body.decision, decidedBy, decidedAt, version: body.version + 1 })
        .where(and(eq(cr.tenantId, s.ctx.tenantId), eq(cr.id, entityId), eq(cr.version, body.version)))
        .returning();
      if (!updated) throw staleWrite("Change request", changeRequestDto(current));
      await recordAudit(tx, s, {
        entity: "change_request",
        entityId,
        action: `change_request_${body.decision}`,
        before: { decision: current.decision, decidedBy: current.decidedBy, decidedAt: current.decidedAt },
        after: { decision: body.decision, decidedBy, decidedAt, description: current.description, estimateHours: updated.estimateHours },
      });
      return updated;
    });
    res.json(changeRequestDto(row));
  });

  r.delete("/:id/change-requests/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const { version } = parse(deleteQuery, req.query);
    const s = await projectScope(deps, req, res);
    checkVersion(await find(s, entityId), s, "Change request", version, changeRequestDto);
    await db.delete(cr).where(and(eq(cr.tenantId, s.ctx.tenantId), eq(cr.id, entityId)));
    res.status(204).end();
  });

  return r;
}
