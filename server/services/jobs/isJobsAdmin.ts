import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";

/**
 * Whether the person is a PM or PM director on any project of the tenant: they see the jobs admin
 * view (issue 17 §3). False for a caller with no person (a credential that maps to nobody).
 */
export async function isJobsAdmin(db: Db, tenantId: string, personId: string | null | undefined): Promise<boolean> {
  if (!personId) return false;
  const roles = await db
    .select({ role: t.projectMembers.role })
    .from(t.projectMembers)
    .where(and(eq(t.projectMembers.tenantId, tenantId), eq(t.projectMembers.personId, personId), inArray(t.projectMembers.role, ["pm", "pm_director"])))
    .limit(1);
  return roles.length > 0;
}
