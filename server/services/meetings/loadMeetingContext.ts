import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import type { RequestContext } from "../../http/requestContext";
import { loadMeetingAccess, memberProjectIds, requireProjectAccess, type ProjectRow } from "../../db/projectAccess";
import { loadProjectDirectory, loadProjectMeetings, loadSnapshot, toMeeting, toProject } from "../../db/loadSnapshot";
import type { DirectoryCache } from "./directoryCache";
import type { Directory, ProjectSnapshot } from "../../../contracts/types";
import type { MeetingSummary } from "../../../contracts/meetings";
import { summarise, type MeetingContext } from "../../presenters/meetings";
import { callerAudience, isInternalMeeting, requireMeetingVisible } from "../audience/callerAudience";

export type { MeetingContext };

/**
 * A meeting the caller may see (tenant + project membership, and 403 for an external caller
 * asking for an internal meeting), with its project's data as the caller's audience may see it.
 */
export async function loadMeetingContext(db: Db, ctx: RequestContext, meetingId: string): Promise<MeetingContext> {
  const { row, project } = await loadMeetingAccess(db, ctx, meetingId);
  const [snapshot, history] = await Promise.all([
    loadSnapshot(db, ctx.tenantId, project, "open"),
    loadProjectMeetings(db, ctx.tenantId, project.id),
  ]);
  const mc = { row, meeting: toMeeting(row), project, snapshot, history, directory: directoryFor(snapshot) };
  requireMeetingVisible(ctx, mc.meeting, mc.directory);
  return mc;
}

/** What a capture write reads of its meeting: the meeting, project, people and directory, not the project's history. */
export interface MeetingWriteContext extends Pick<MeetingContext, "row" | "meeting" | "project" | "directory"> {
  snapshot: Pick<ProjectSnapshot, "project" | "people" | "vendors">;
}

/**
 * The same walls as loadMeetingContext (tenant, membership deciding the audience, 403 for an
 * external caller and an internal meeting) with narrow reads whose cost does not grow with the
 * project's tasks, RAID items or meetings (issue 19): for capture writes. With `directories`, the
 * project's directory comes from memory while its counter (read by the access query) is unchanged:
 * one query in all.
 */
export async function loadMeetingForWrite(db: Db, ctx: RequestContext, meetingId: string, directories?: DirectoryCache): Promise<MeetingWriteContext> {
  // Meeting, project, membership and directory counter in one query (they were three in a row).
  const { row, project, directoryRev } = await loadMeetingAccess(db, ctx, meetingId);
  const snapshot = directories
    ? await directories.get(db, { audience: callerAudience(ctx), tenantId: ctx.tenantId, projectId: project.id, rev: directoryRev }).then((d) => ({ project: toProject(project, d.members), people: d.people, vendors: d.vendors }))
    : await loadProjectDirectory(db, ctx.tenantId, project);
  const mc = { row, meeting: toMeeting(row), project, snapshot, directory: directoryFor(snapshot) };
  requireMeetingVisible(ctx, mc.meeting, mc.directory);
  return mc;
}

export function directoryFor(snapshot: Pick<ProjectSnapshot, "people" | "vendors">): Directory {
  const internalDomains = [
    ...new Set(
      snapshot.people
        .filter((p) => p.organisation === "internal")
        .map((p) => p.email.split("@")[1] ?? "")
        .filter(Boolean),
    ),
  ];
  return { people: snapshot.people, internalDomains, vendors: snapshot.vendors };
}

/** Upcoming meetings of the caller's projects, classified. */
export async function listMeetings(
  db: Db,
  ctx: RequestContext,
  range: { from: Date; to: Date | null; limit: number },
): Promise<MeetingSummary[]> {
  const projectIds = await memberProjectIds(db, ctx);
  if (projectIds.length === 0) return [];
  const rows = await db
    .select()
    .from(t.meetings)
    .where(
      and(
        eq(t.meetings.tenantId, ctx.tenantId),
        inArray(t.meetings.projectId, projectIds),
        gte(t.meetings.endsAt, range.from.toISOString()),
        range.to ? lte(t.meetings.startsAt, range.to.toISOString()) : undefined,
      ),
    )
    .orderBy(asc(t.meetings.startsAt))
    .limit(range.limit);
  const byProject = new Map<string, { project: ProjectRow; snapshot: ProjectSnapshot; directory: Directory }>();
  const out: MeetingSummary[] = [];
  for (const row of rows) {
    if (!row.projectId) continue;
    let p = byProject.get(row.projectId);
    if (!p) {
      const project = await requireProjectAccess(db, ctx, row.projectId);
      const snapshot = await loadSnapshot(db, ctx.tenantId, project, "open");
      p = { project, snapshot, directory: directoryFor(snapshot) };
      byProject.set(row.projectId, p);
    }
    const meeting = toMeeting(row);
    if (callerAudience(ctx) === "external" && isInternalMeeting(meeting, p.directory)) continue;
    out.push(summarise({ meeting, ...p }));
  }
  return out;
}
