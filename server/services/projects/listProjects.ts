import { and, asc, eq, inArray } from "drizzle-orm";
import * as t from "../../db/tables";
import type { Db } from "../../db/database";
import { memberProjectIds, type ProjectRow } from "../../db/projectAccess";
import type { RequestContext } from "../../http/requestContext";

/** The caller's projects (those they are a member of, in their tenant), by name. */
export async function listProjects(db: Db, ctx: RequestContext): Promise<ProjectRow[]> {
  const ids = await memberProjectIds(db, ctx);
  return ids.length
    ? await db
        .select()
        .from(t.projects)
        .where(and(eq(t.projects.tenantId, ctx.tenantId), inArray(t.projects.id, ids)))
        .orderBy(asc(t.projects.name))
    : [];
}
