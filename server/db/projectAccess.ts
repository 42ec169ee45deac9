import { and, eq } from "drizzle-orm";
import type { Db } from "./database";
import { projectMembers, projects } from "./tables";
import { forbidden, notFound } from "../errors";
import type { RequestContext } from "../http/requestContext";
import { memberAudience } from "./audienceWall";

export type ProjectRow = typeof projects.$inferSelect;

/**
 * The project, if the caller may see it: same tenant (else 404, existence is not disclosed
 * across tenants) and a member of the project (else 403). Decides the caller's audience on the way
 * (ctx.audience and the request scope), from their organisation in the project.
 */
export async function requireProjectAccess(db: Db, ctx: RequestContext, projectId: string): Promise<ProjectRow> {
  const [project] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.tenantId, ctx.tenantId), eq(projects.id, projectId)))
    .limit(1);
  if (!project) throw notFound("Project");
  if ((await memberAudience(db, ctx, projectId)) === null) throw forbidden("You are not a member of this project");
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

/** Ids of the projects the caller is a member of (deciding the caller's audience when there is one). */
export async function memberProjectIds(db: Db, ctx: RequestContext): Promise<string[]> {
  if (!ctx.personId) return [];
  const rows = await db
    .selectDistinct({ projectId: projectMembers.projectId })
    .from(projectMembers)
    .where(and(eq(projectMembers.tenantId, ctx.tenantId), eq(projectMembers.personId, ctx.personId)));
  const [first] = rows;
  if (first) await memberAudience(db, ctx, first.projectId);
  return rows.map((r) => r.projectId);
}
