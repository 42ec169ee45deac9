import { and, eq, sql } from "drizzle-orm";
import type { Db } from "./database";
import { meetings, people, projectDirectoryRevisions, projectMembers, projects } from "./tables";
import { forbidden, notFound } from "../errors";
import type { RequestContext } from "../http/requestContext";
import { adoptMemberAudience, memberAudience } from "./audienceWall";
import { runAsTenant } from "./tenantScope";

export type ProjectRow = typeof projects.$inferSelect;
export type MeetingRow = typeof meetings.$inferSelect;

/**
 * A meeting with its project, if the caller may see the project, in one query (issue 19: the
 * capture write path reads this before every insert): the same answers as reading the meeting and
 * then requireProjectAccess — 404 "Meeting" (not in the caller's tenant), 404 "Meeting's project"
 * (not linked), 404 "Project", 403 when the caller is no member — and the caller's audience
 * decided and recorded as memberAudience does. `directoryRev`: the project's directory counter
 * (migration 0024; 0 before its first bump), what a cached directory is keyed on.
 */
export async function loadMeetingAccess(db: Db, ctx: RequestContext, meetingId: string): Promise<{ row: MeetingRow; project: ProjectRow; directoryRev: number }> {
  const personId = ctx.personId ?? null;
  // Read on a connection stamped as the internal side: none of these tables has an audience
  // policy (migration 0005 walls raid_items and agenda_notes only), and a pooled connection left
  // stamped internal by the caller's previous request needs no new stamp. The audience this
  // decides is recorded on the request's own scope below, outside this one.
  const [found] = await runAsTenant(ctx.tenantId, async () => await db
    .select({ meeting: meetings, project: projects, member: { id: people.id, email: people.email, organisation: people.organisation }, directoryRev: projectDirectoryRevisions.rev })
    .from(meetings)
    .leftJoin(projects, and(eq(projects.tenantId, meetings.tenantId), eq(projects.id, meetings.projectId)))
    .leftJoin(projectDirectoryRevisions, and(eq(projectDirectoryRevisions.tenantId, meetings.tenantId), eq(projectDirectoryRevisions.projectId, meetings.projectId)))
    // No person, no membership: the join matches nothing.
    .leftJoin(projectMembers, and(eq(projectMembers.tenantId, meetings.tenantId), eq(projectMembers.projectId, meetings.projectId), personId ? eq(projectMembers.personId, personId) : sql`false`))
    .leftJoin(people, and(eq(people.tenantId, projectMembers.tenantId), eq(people.id, projectMembers.personId)))
    .where(and(eq(meetings.tenantId, ctx.tenantId), eq(meetings.id, meetingId)))
    .limit(1), "internal");
  if (!found) throw notFound("Meeting");
  if (!found.meeting.projectId) throw notFound("Meeting's project");
  if (!found.project) throw notFound("Project");
  if (adoptMemberAudience(ctx, found.member) === null) throw forbidden("You are not a member of this project");
  return { row: found.meeting, project: found.project, directoryRev: found.directoryRev ?? 0 };
}

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
