import { randomUUID } from "node:crypto";
import { Router } from "express";
import { and, eq, isNull, lt } from "drizzle-orm";
import type { AppDeps } from "../../appDeps";
import * as t from "../../db/tables";
import { utcDateOf } from "../../domain/isoDates";
import { parse } from "../../http/validate";
import { createRaidBody, deleteQuery, entityParams, patchRaidBody, raidListQuery } from "../../../contracts/workspace";
import { pageByDue } from "../../services/workspace/pageRows";
import { raidDto, type RaidRow } from "../../presenters/workspace";
import { checkVersion, projectScope, recordAudit, requireProjectPerson, staleWrite, type Scope } from "../../services/workspace/projectScope";
import { internalOnlyWall, requireMayFlagInternal, requireRowVisible } from "../../services/audience/callerAudience";

const decisionFacts = (r: RaidRow) => ({ title: r.title, description: r.description, status: r.status, decidedBy: r.decidedBy, decidedAt: r.decidedAt });

/** The RAID log: risks, actions, issues, decisions. Decisions go to the audit trail. */
export function raidRoutes(deps: AppDeps): Router {
  const r = Router();
  const { db } = deps.database;
  const ri = t.raidItems;

  const find = async (s: Scope, id: string) => (await db.select().from(ri).where(and(eq(ri.tenantId, s.ctx.tenantId), eq(ri.id, id))))[0];
  const present = async (s: Scope, row: RaidRow) => {
    const owner = row.ownerId
      ? (await db.select({ name: t.people.name }).from(t.people).where(and(eq(t.people.tenantId, s.ctx.tenantId), eq(t.people.id, row.ownerId))))[0]
      : undefined;
    return raidDto(row, owner?.name ?? null);
  };

  r.get("/:id/raid", async (req, res) => {
    const q = parse(raidListQuery, req.query);
    const s = await projectScope(deps, req, res);
    const today = utcDateOf(s.now);
    const base = and(
      eq(ri.tenantId, s.ctx.tenantId),
      eq(ri.projectId, s.project.id),
      q.kind ? eq(ri.kind, q.kind) : undefined,
      q.ownerId ? eq(ri.ownerId, q.ownerId) : undefined,
      q.status ? eq(ri.status, q.status) : undefined,
      q.late ? and(lt(ri.dueDate, today), eq(ri.status, "open")) : undefined,
      q.noDueDate ? isNull(ri.dueDate) : undefined,
      internalOnlyWall(ri.internalOnly),
    );
    const page = await pageByDue(
      { dueDate: ri.dueDate, id: ri.id },
      q,
      (where, orderBy, limit) =>
        db
          .select({ item: ri, ownerName: t.people.name })
          .from(ri)
          .leftJoin(t.people, eq(t.people.id, ri.ownerId))
          .where(and(base, where))
          .orderBy(...orderBy)
          .limit(limit)
          .then((rows) => rows.map((x) => raidDto(x.item, x.ownerName))),
      { dated: !q.noDueDate, undated: !q.late },
    );
    res.json(page);
  });

  r.post("/:id/raid", async (req, res) => {
    const body = parse(createRaidBody, req.body);
    const s = await projectScope(deps, req, res);
    requireMayFlagInternal(s.ctx, body.internalOnly);
    await requireProjectPerson(s, "ownerId", body.ownerId);
    const now = s.now.toISOString();
    const row = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(ri)
        .values({
          ...body,
          id: randomUUID(),
          tenantId: s.ctx.tenantId,
          projectId: s.project.id,
          decidedBy: body.kind === "decision" ? (body.decidedBy ?? s.ctx.name) : (body.decidedBy ?? null),
          decidedAt: body.kind === "decision" ? now : null,
          reportedBy: body.kind === "issue" ? (body.reportedBy ?? s.ctx.name) : (body.reportedBy ?? null),
          reportedAt: body.kind === "issue" ? now : null,
          closedAt: body.status === "closed" ? now : null,
          createdBy: s.ctx.name,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!created) throw new Error("RAID item not created");
      if (created.kind === "decision") {
        await recordAudit(tx, s, { entity: "decision", entityId: created.id, action: "decision_recorded", before: null, after: decisionFacts(created) });
      }
      return created;
    });
    res.status(201).json(await present(s, row));
  });

  r.patch("/:id/raid/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const { version, ...changes } = parse(patchRaidBody, req.body);
    const s = await projectScope(deps, req, res);
    await requireRowVisible(db, s.ctx, "item", entityId);
    requireMayFlagInternal(s.ctx, changes.internalOnly);
    const current = checkVersion(await find(s, entityId), s, "RAID item", version, (x) => raidDto(x, null));
    await requireProjectPerson(s, "ownerId", changes.ownerId);
    const now = s.now.toISOString();
    const closing = changes.status === "closed" && current.status !== "closed";
    const row = await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(ri)
        .set({
          ...changes,
          version: version + 1,
          updatedAt: now,
          ...(closing ? { closedAt: now } : {}),
          ...(changes.status === "open" ? { closedAt: null } : {}),
        })
        .where(and(eq(ri.tenantId, s.ctx.tenantId), eq(ri.id, entityId), eq(ri.version, version)))
        .returning();
      if (!updated) throw staleWrite("RAID item", raidDto(current, null));
      if (updated.kind === "decision") {
        await recordAudit(tx, s, { entity: "decision", entityId, action: "decision_updated", before: decisionFacts(current), after: decisionFacts(updated) });
      }
      return updated;
    });
    res.json(await present(s, row));
  });

  r.delete("/:id/raid/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const { version } = parse(deleteQuery, req.query);
    const s = await projectScope(deps, req, res);
    await requireRowVisible(db, s.ctx, "item", entityId);
    const current = checkVersion(await find(s, entityId), s, "RAID item", version, (x) => raidDto(x, null));
    await db.transaction(async (tx) => {
      await tx.delete(ri).where(and(eq(ri.tenantId, s.ctx.tenantId), eq(ri.id, entityId)));
      if (current.kind === "decision") {
        await recordAudit(tx, s, { entity: "decision", entityId, action: "decision_deleted", before: decisionFacts(current), after: null });
      }
    });
    res.status(204).end();
  });

  return r;
}
