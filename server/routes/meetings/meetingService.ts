import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/schema";
import { notFound } from "../../errors";
import type { RequestContext } from "../../http/requestContext";
import { memberProjectIds, requireProjectAccess, type ProjectRow } from "../../db/projectAccess";
import { loadProjectMeetings, loadSnapshot, toMeeting } from "../../db/loadSnapshot";
import { classifyMeeting } from "../../domain/classifyMeeting";
import { callTypeDefinitions } from "../../domain/callTypeDefinitions";
import type { Directory, Meeting, ProjectSnapshot } from "../../domain/types";
import { daysBetween, utcDateOf } from "../../domain/isoDates";
import type { MeetingDetail, MeetingSummary, ProjectHeader } from "../../contracts/meetings";
import { isInternalMeeting, callerAudience, requireMeetingVisible } from "../../services/audience/callerAudience";

type MeetingRow = typeof t.meetings.$inferSelect;

export interface MeetingContext {
  row: MeetingRow;
  meeting: Meeting;
  project: ProjectRow;
  snapshot: ProjectSnapshot;
  history: Meeting[];
  directory: Directory;
}

/**
 * A meeting the caller may see (tenant + project membership, and 403 for an external caller
 * asking for an internal meeting), with its project's data as the caller's audience may see it.
 */
export async function loadMeetingContext(db: Db, ctx: RequestContext, meetingId: string): Promise<MeetingContext> {
  const [row] = await db
    .select()
    .from(t.meetings)
    .where(and(eq(t.meetings.tenantId, ctx.tenantId), eq(t.meetings.id, meetingId)))
    .limit(1);
  if (!row) throw notFound("Meeting");
  if (!row.projectId) throw notFound("Meeting's project");
  const project = await requireProjectAccess(db, ctx, row.projectId);
  const [snapshot, history] = await Promise.all([
    loadSnapshot(db, ctx.tenantId, project, "open"),
    loadProjectMeetings(db, ctx.tenantId, project.id),
  ]);
  const mc = { row, meeting: toMeeting(row), project, snapshot, history, directory: directoryFor(snapshot) };
  requireMeetingVisible(ctx, mc.meeting, mc.directory);
  return mc;
}

export function directoryFor(snapshot: ProjectSnapshot): Directory {
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

export function projectHeader(project: ProjectRow, now: Date): ProjectHeader {
  return {
    id: project.id,
    name: project.name,
    customerName: project.customerName,
    rag: project.rag,
    ragReason: project.ragReason,
    pathToGreen: project.pathToGreen,
    goLiveDate: project.goLiveDate,
    daysToGoLive: project.goLiveDate ? daysBetween(utcDateOf(now), project.goLiveDate) : null,
  };
}

export function summarise(mc: Pick<MeetingContext, "meeting" | "snapshot" | "directory" | "project">): MeetingSummary {
  const c = classifyMeeting(mc.meeting, mc.snapshot.project, mc.directory);
  return {
    id: mc.meeting.id,
    subject: mc.meeting.subject,
    startsAt: mc.meeting.startsAt,
    endsAt: mc.meeting.endsAt,
    projectId: mc.project.id,
    projectName: mc.project.name,
    callType: c.callType,
    callTypeLabel: callTypeDefinitions[c.callType].label,
    confidence: c.confidence,
    reasons: c.reasons,
    overridden: c.overridden,
    attendeeCount: mc.meeting.attendees.length,
  };
}

export function detail(mc: MeetingContext, now: Date): MeetingDetail {
  return {
    ...summarise(mc),
    attendees: mc.meeting.attendees,
    project: projectHeader(mc.project, now),
    version: mc.row.version,
  };
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
