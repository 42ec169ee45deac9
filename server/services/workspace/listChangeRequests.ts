import { and, asc, eq } from "drizzle-orm";
import * as t from "../../db/tables";
import { type ChangeRequestRow } from "../../presenters/workspace";
import type { Scope } from "./projectScope";

const cr = t.changeRequests;

/** The project's change requests, oldest first. */
export function listChangeRequests(s: Scope): Promise<ChangeRequestRow[]> {
  return s.db.select().from(cr).where(and(eq(cr.tenantId, s.ctx.tenantId), eq(cr.projectId, s.project.id))).orderBy(asc(cr.createdAt), asc(cr.id));
}
