import { and, asc, eq } from "drizzle-orm";
import * as t from "../../db/tables";
import type { VendorRow } from "../../presenters/workspace";
import type { Scope } from "./projectScope";
import { projectNames } from "./findCaseVendorRows";

/** The project's vendors by name, with the names of the project's people. */
export async function listVendors(s: Scope): Promise<{ rows: VendorRow[]; names: Map<string, string> }> {
  const v = t.vendors;
  const [rows, names] = await Promise.all([
    s.db.select().from(v).where(and(eq(v.tenantId, s.ctx.tenantId), eq(v.projectId, s.project.id))).orderBy(asc(v.name), asc(v.id)),
    projectNames(s),
  ]);
  return { rows, names };
}
