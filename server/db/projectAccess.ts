import { and, eq } from "drizzle-orm";
import type { Db } from "./database";
import { projectMembers, projects } from "./tables";
import { forbidden, notFound } from "../errors";
import type { RequestContext } from "../http/requestContext";

export type ProjectRow = typeof projects.$inferSelect;

/**
 * The project, if the caller may see it: same tenant (else 404, existence is not disclosed
 * across tenants) and a member of the project (else 403).
 */
export async function requireProjectAccess(db: Db, ctx: RequestContext, projectId: string): Promise<ProjectRow> {
  const [project] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.tenantId, ctx.tenantId), eq(projects.id, projectId)))
    .limit(1);
  if (!project) throw notFound("Project");
  if (!(await isMember(db, ctx, projectId))) throw forbidden("You are not a member of this project");
  return project;
}

export async function isMember(db: Db, ctx: RequestContext, projectId: string): Promise<boolean> {
  if (!ctx.personId) return false;
  const [row] = await db
    .select({ id: projectMembers.id })
    .from(projectMembers)
    .where(
      and(
        eq(projectMembers.tenantId, ctx.tenantId),
        eq(projectMembers.projectId, projectId),
        eq(projectMembers.personId, ctx.personId),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Ids of the projects the caller is a member of. */
export async function memberProjectIds(db: Db, ctx: RequestContext): Promise<string[]> {
  if (!ctx.personId) return [];
  const rows = await db
    .selectDistinct({ projectId: projectMembers.projectId })
    .from(projectMembers)
    .where(and(eq(projectMembers.tenantId, ctx.tenantId), eq(projectMembers.personId, ctx.personId)));
  return rows.map((r) => r.projectId);
}
