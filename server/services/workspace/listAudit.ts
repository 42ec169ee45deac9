import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import * as t from "../../db/tables";
import type { Page, simplePageQuery } from "../../../contracts/workspace";
import { pageByNewest } from "./pageRows";
import { auditWall } from "../audience/callerAudience";
import type { Scope } from "./projectScope";

export type AuditRow = typeof t.auditLog.$inferSelect;

/** The project's audit trail, newest first, paged; behind the caller's audience wall. */
export function listAudit(s: Scope, q: z.infer<typeof simplePageQuery>): Promise<Page<AuditRow>> {
  const a = t.auditLog;
  return pageByNewest(
    { at: a.at, id: a.id },
    q,
    (where, orderBy, limit) =>
      s.db
        .select()
        .from(a)
        .where(and(eq(a.tenantId, s.ctx.tenantId), eq(a.projectId, s.project.id), auditWall(s.ctx), where))
        .orderBy(...orderBy)
        .limit(limit),
    (row) => ({ at: row.at, id: String(row.id) }),
  );
}
