import { and, asc, desc, eq } from "drizzle-orm";
import * as t from "../../db/tables";
import type { CaseRow } from "../../presenters/workspace";
import type { Scope } from "./projectScope";
import { projectNames } from "./findCaseVendorRows";

/** The project's support cases, newest opened first, with the names of the project's people. */
export async function listSupportCases(s: Scope): Promise<{ rows: CaseRow[]; names: Map<string, string> }> {
  const sc = t.supportCases;
  const [rows, names] = await Promise.all([
    s.db.select().from(sc).where(and(eq(sc.tenantId, s.ctx.tenantId), eq(sc.projectId, s.project.id))).orderBy(desc(sc.openedAt), asc(sc.id)),
    projectNames(s),
  ]);
  return { rows, names };
}
