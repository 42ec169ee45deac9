import type { Request, Response } from "express";
import { and, eq, inArray, or } from "drizzle-orm";
import type { AppDeps } from "../../appDeps";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import { requireProjectAccess, type ProjectRow } from "../../db/projectAccess";
import { conflict, fieldError, notFound } from "../../errors";
import { contextOf, type RequestContext } from "../../http/requestContext";
import { parse } from "../../http/validate";
import { idParams } from "../../../contracts/common";
import type { Queryable } from "../../live/recordEvent";

export type Tx = Queryable;

/** One workspace request: who, which project (access checked), when. */
export interface Scope {
  db: Db;
  ctx: RequestContext;
  project: ProjectRow;
  now: Date;
}

export async function projectScope(deps: AppDeps, req: Request, res: Response): Promise<Scope> {
  const { id } = parse(idParams.passthrough(), req.params);
  const ctx = contextOf(res);
  const project = await requireProjectAccess(deps.database.db, ctx, id);
  return { db: deps.database.db, ctx, project, now: deps.clock() };
}

export { fieldError };

/** The row the caller edited, or 404 (absent / other project) or 409 with the current row (stale version). */
export function checkVersion<R extends { version: number; projectId: string }>(
  current: R | undefined,
  s: Scope,
  what: string,
  version: number | undefined,
  present: (r: R) => unknown,
): R {
  if (!current || current.projectId !== s.project.id) throw notFound(what);
  if (version !== undefined && current.version !== version) {
    throw conflict(`Someone changed this ${what.toLowerCase()} since you opened it`, { current: present(current) });
  }
  return current;
}

export const staleWrite = (what: string, current: unknown) => conflict(`Someone changed this ${what.toLowerCase()} since you opened it`, { current });

export async function recordAudit(
  tx: Tx,
  s: Scope,
  e: { entity: string; entityId: string; action: string; before: unknown; after: unknown },
): Promise<void> {
  await tx.insert(t.auditLog).values({
    tenantId: s.ctx.tenantId,
    projectId: s.project.id,
    entity: e.entity,
    entityId: e.entityId,
    action: e.action,
    before: e.before ?? null,
    after: e.after ?? null,
    actor: s.ctx.name,
    at: s.now.toISOString(),
  });
}

/** People of the project: members, their backups, and the people of its vendors. */
export async function projectPeople(db: Tx, tenantId: string, projectId: string): Promise<(typeof t.people.$inferSelect)[]> {
  const [members, vendorRows] = await Promise.all([
    db
      .select({ personId: t.projectMembers.personId, backup: t.projectMembers.backupPersonId })
      .from(t.projectMembers)
      .where(and(eq(t.projectMembers.tenantId, tenantId), eq(t.projectMembers.projectId, projectId))),
    db.select({ id: t.vendors.id }).from(t.vendors).where(and(eq(t.vendors.tenantId, tenantId), eq(t.vendors.projectId, projectId))),
  ]);
  const ids = [...new Set(members.flatMap((m) => (m.backup ? [m.personId, m.backup] : [m.personId])))];
  const vendorIds = vendorRows.map((v) => v.id);
  if (ids.length === 0 && vendorIds.length === 0) return [];
  return db
    .select()
    .from(t.people)
    .where(
      and(
        eq(t.people.tenantId, tenantId),
        or(ids.length ? inArray(t.people.id, ids) : undefined, vendorIds.length ? inArray(t.people.vendorId, vendorIds) : undefined),
      ),
    );
}

/** Refuses a person id that is not one of the project's people (field: message). */
export async function requireProjectPerson(s: Scope, field: string, personId: string | null | undefined): Promise<void> {
  if (!personId) return;
  const people = await projectPeople(s.db, s.ctx.tenantId, s.project.id);
  if (!people.some((p) => p.id === personId)) throw fieldError(field, "is not a person of this project");
}

export function requireDateOrder(field: string, from: string | null | undefined, to: string | null | undefined, fromField: string): void {
  if (from && to && to < from) throw fieldError(field, `must be on or after ${fromField}`);
}

