import { randomUUID } from "node:crypto";
import { Router } from "express";
import { and, asc, eq, lt, ne } from "drizzle-orm";
import type { AppDeps } from "../../appDeps";
import * as t from "../../db/tables";
import { utcDateOf } from "../../domain/isoDates";
import { parse } from "../../http/validate";
import {
  createMilestoneBody,
  createTaskBody,
  deleteQuery,
  entityParams,
  patchMilestoneBody,
  patchTaskBody,
  signOffBody,
  taskListQuery,
} from "../../../contracts/workspace";
import { pageByDue } from "../../services/workspace/pageRows";
import { milestoneDto, taskDto, type TaskRow } from "../../presenters/workspace";
import { checkVersion, fieldError, projectScope, recordAudit, requireDateOrder, requireProjectPerson, staleWrite, type Scope } from "../../services/workspace/projectScope";

/** Milestones (with sign-off) and the schedule's tasks (paged, filtered). */
export function scheduleRoutes(deps: AppDeps): Router {
  const r = Router();
  const { db } = deps.database;
  const ms = t.milestones;
  const k = t.tasks;

  const findMilestone = async (s: Scope, id: string) =>
    (await db.select().from(ms).where(and(eq(ms.tenantId, s.ctx.tenantId), eq(ms.id, id))))[0];
  const findTask = async (s: Scope, id: string) => (await db.select().from(k).where(and(eq(k.tenantId, s.ctx.tenantId), eq(k.id, id))))[0];
  const ownerName = async (s: Scope, ownerId: string | null) =>
    ownerId ? ((await db.select({ name: t.people.name }).from(t.people).where(and(eq(t.people.tenantId, s.ctx.tenantId), eq(t.people.id, ownerId))))[0]?.name ?? null) : null;
  const presentTask = async (s: Scope, row: TaskRow) => taskDto(row, await ownerName(s, row.ownerId));

  r.get("/:id/milestones", async (req, res) => {
    const s = await projectScope(deps, req, res);
    const rows = await db.select().from(ms).where(and(eq(ms.tenantId, s.ctx.tenantId), eq(ms.projectId, s.project.id))).orderBy(asc(ms.plannedDate), asc(ms.name));
    res.json({ items: rows.map(milestoneDto) });
  });

  r.post("/:id/milestones", async (req, res) => {
    const body = parse(createMilestoneBody, req.body);
    const s = await projectScope(deps, req, res);
    const [row] = await db
      .insert(ms)
      .values({ ...body, deliverable: body.deliverable ?? "", id: randomUUID(), tenantId: s.ctx.tenantId, projectId: s.project.id })
      .returning();
    res.status(201).json(milestoneDto(row as NonNullable<typeof row>));
  });

  r.patch("/:id/milestones/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const { version, ...changes } = parse(patchMilestoneBody, req.body);
    const s = await projectScope(deps, req, res);
    const current = checkVersion(await findMilestone(s, entityId), s, "Milestone", version, milestoneDto);
    const [row] = await db
      .update(ms)
      .set({ ...changes, version: version + 1 })
      .where(and(eq(ms.tenantId, s.ctx.tenantId), eq(ms.id, entityId), eq(ms.version, version)))
      .returning();
    if (!row) throw staleWrite("Milestone", milestoneDto(current));
    res.json(milestoneDto(row));
  });

  r.post("/:id/milestones/:entityId/sign-off", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const body = parse(signOffBody, req.body);
    const s = await projectScope(deps, req, res);
    const current = checkVersion(await findMilestone(s, entityId), s, "Milestone", body.version, milestoneDto);
    const signedOffBy = body.signedOffBy ?? s.ctx.name;
    const achievedDate = body.achievedDate ?? current.achievedDate ?? utcDateOf(s.now);
    const row = await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(ms)
        .set({ signedOffBy, signedOffAt: s.now.toISOString(), achievedDate, version: body.version + 1 })
        .where(and(eq(ms.tenantId, s.ctx.tenantId), eq(ms.id, entityId), eq(ms.version, body.version)))
        .returning();
      if (!updated) throw staleWrite("Milestone", milestoneDto(current));
      await recordAudit(tx, s, {
        entity: "milestone",
        entityId,
        action: "signed_off",
        before: { signedOffBy: current.signedOffBy, signedOffAt: current.signedOffAt, achievedDate: current.achievedDate },
        after: { signedOffBy, signedOffAt: s.now.toISOString(), achievedDate, name: current.name },
      });
      return updated;
    });
    res.json(milestoneDto(row));
  });

  r.delete("/:id/milestones/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const { version } = parse(deleteQuery, req.query);
    const s = await projectScope(deps, req, res);
    checkVersion(await findMilestone(s, entityId), s, "Milestone", version, milestoneDto);
    await db.delete(ms).where(and(eq(ms.tenantId, s.ctx.tenantId), eq(ms.id, entityId)));
    res.status(204).end();
  });

  r.get("/:id/tasks", async (req, res) => {
    const q = parse(taskListQuery, req.query);
    const s = await projectScope(deps, req, res);
    const today = utcDateOf(s.now);
    const base = and(
      eq(k.tenantId, s.ctx.tenantId),
      eq(k.projectId, s.project.id),
      q.status ? eq(k.status, q.status) : undefined,
      q.ownerId ? eq(k.ownerId, q.ownerId) : undefined,
      q.late ? and(lt(k.dueDate, today), ne(k.status, "done")) : undefined,
    );
    const page = await pageByDue({ dueDate: k.dueDate, id: k.id }, q, (where, orderBy, limit) =>
      db
        .select({ task: k, ownerName: t.people.name })
        .from(k)
        .leftJoin(t.people, eq(t.people.id, k.ownerId))
        .where(and(base, where))
        .orderBy(...orderBy)
        .limit(limit)
        .then((rows) => rows.map((x) => taskDto(x.task, x.ownerName))),
      { dated: true, undated: !q.late },
    );
    res.json(page);
  });

  const checkTask = async (s: Scope, body: { ownerId?: string | null | undefined; dependsOnTaskId?: string | null | undefined }, self?: TaskRow) => {
    await requireProjectPerson(s, "ownerId", body.ownerId);
    if (!body.dependsOnTaskId) return;
    if (self && body.dependsOnTaskId === self.id) throw fieldError("dependsOnTaskId", "cannot be the task itself");
    const dep = await findTask(s, body.dependsOnTaskId);
    if (!dep || dep.projectId !== s.project.id) throw fieldError("dependsOnTaskId", "is not a task of this project");
  };

  r.post("/:id/tasks", async (req, res) => {
    const body = parse(createTaskBody, req.body);
    const s = await projectScope(deps, req, res);
    requireDateOrder("dueDate", body.startDate, body.dueDate, "startDate");
    await checkTask(s, body);
    const [row] = await db.insert(k).values({ ...body, id: randomUUID(), tenantId: s.ctx.tenantId, projectId: s.project.id, updatedAt: s.now.toISOString() }).returning();
    res.status(201).json(await presentTask(s, row as TaskRow));
  });

  r.patch("/:id/tasks/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const { version, ...changes } = parse(patchTaskBody, req.body);
    const s = await projectScope(deps, req, res);
    const current = checkVersion(await findTask(s, entityId), s, "Task", version, (x) => taskDto(x, null));
    requireDateOrder("dueDate", changes.startDate === undefined ? current.startDate : changes.startDate, changes.dueDate === undefined ? current.dueDate : changes.dueDate, "startDate");
    await checkTask(s, changes, current);
    const [row] = await db
      .update(k)
      .set({ ...changes, version: version + 1, updatedAt: s.now.toISOString() })
      .where(and(eq(k.tenantId, s.ctx.tenantId), eq(k.id, entityId), eq(k.version, version)))
      .returning();
    if (!row) throw staleWrite("Task", taskDto(current, null));
    res.json(await presentTask(s, row));
  });

  r.delete("/:id/tasks/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const { version } = parse(deleteQuery, req.query);
    const s = await projectScope(deps, req, res);
    checkVersion(await findTask(s, entityId), s, "Task", version, (x) => taskDto(x, null));
    await db.transaction(async (tx) => {
      // Tasks that waited on this one no longer do.
      await tx.update(k).set({ dependsOnTaskId: null }).where(and(eq(k.tenantId, s.ctx.tenantId), eq(k.projectId, s.project.id), eq(k.dependsOnTaskId, entityId)));
      await tx.delete(k).where(and(eq(k.tenantId, s.ctx.tenantId), eq(k.id, entityId)));
    });
    res.status(204).end();
  });

  return r;
}
