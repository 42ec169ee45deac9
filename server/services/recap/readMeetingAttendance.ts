import { and, eq } from "drizzle-orm";
import type { AppDeps } from "../../appDeps";
import type { RequestContext } from "../../http/requestContext";
import * as t from "../../db/tables";
import type { MeetingAttendance } from "../../domain/recap/meetingAttendance";
import { GraphRequestFailed } from "../../graph/MailCalendarGateway";
import { identityOf } from "../../graph/identityOf";
import { UpstreamTimedOut } from "../upstream/upstreamTimedOut";
import type { MeetingContext } from "../meetings/loadMeetingContext";

/** Reads a meeting's attendance for its recap (what composeMeetingRecap is given). */
export type AttendanceReader = (mc: MeetingContext) => Promise<MeetingAttendance>;

/** Teams' own deep link to a chat (the form of Graph `chat.webUrl`): the meeting chat holds the Recap tab. */
export function teamsChatLink(threadId: string): string {
  return `https://teams.microsoft.com/l/chat/${encodeURIComponent(threadId)}/0`;
}

/**
 * A meeting's attendance report with its recording and transcript metadata (issue 18 §3):
 * from the cache (migration 0020) when read before, else from Microsoft Graph through the
 * caller's gateway (graph/readMeetingArtifacts.ts), then stored, so the recap and the panel never
 * ask Graph twice; "no report yet" is believed for NO_REPORT_YET_MS (2 minutes, attendancePending.ts)
 * per caller before Graph is asked again. Never throws for Graph's sake: when unreadable it says why (outbox mode, no
 * Microsoft 365 sign-in, no join link, before the start, 403, not the organiser, no report yet,
 * Graph failing or timing out — logged), and the recap lists the invitees instead.
 * `now` is the one clock (server/clock): before the scheduled start Graph is not asked.
 */
export function attendanceReader(deps: Pick<AppDeps, "database" | "mail" | "mailMode" | "logger" | "attendancePending">, ctx: RequestContext, now: Date): AttendanceReader {
  return async (mc) => {
    const { db } = deps.database;
    const where = and(eq(t.meetingAttendance.tenantId, ctx.tenantId), eq(t.meetingAttendance.meetingId, mc.meeting.id));
    const [cached] = await db.select().from(t.meetingAttendance).where(where).limit(1);
    const threadOf = (fromGraph: string | null): string | null => fromGraph ?? mc.row.joinThreadKey ?? (mc.row.chatId?.startsWith("19:") ? mc.row.chatId : null);
    if (cached) {
      const thread = threadOf(cached.threadId);
      return { kind: "report", artifacts: cached.artifacts, chatLink: thread ? teamsChatLink(thread) : null };
    }
    const gateway = deps.mail(ctx, { projectId: mc.project.id });
    if (deps.mailMode === "outbox" || !gateway.readMeetingArtifacts) return { kind: "unavailable", reason: "outbox" };
    if (!ctx.token) return { kind: "unavailable", reason: "no_tenant" };
    const joinWebUrl = mc.row.joinWebUrl;
    if (!joinWebUrl) return { kind: "unavailable", reason: "no_link" };
    if (now.getTime() < Date.parse(mc.meeting.startsAt)) return { kind: "unavailable", reason: "not_ended" };
    const pendingKey = { tenantId: ctx.tenantId, meetingId: mc.meeting.id, userId: ctx.userId };
    if (deps.attendancePending?.holds(pendingKey, now)) return { kind: "unavailable", reason: "not_ended" };
    let read: Awaited<ReturnType<NonNullable<typeof gateway.readMeetingArtifacts>>>;
    try {
      read = await gateway.readMeetingArtifacts(identityOf(ctx), {
        joinWebUrl,
        scheduled: { start: new Date(mc.meeting.startsAt), end: new Date(mc.meeting.endsAt) },
      });
    } catch (error) {
      if (!(error instanceof GraphRequestFailed || error instanceof UpstreamTimedOut)) throw error;
      deps.logger.warn({ event: "attendance_unreadable", meetingId: mc.meeting.id, error: error.message }, "attendance report not read");
      return { kind: "unavailable", reason: "unreachable" };
    }
    if (read.kind === "unavailable") {
      if (read.reason === "not_ended") deps.attendancePending?.note(pendingKey, now);
      return read;
    }
    await db
      .insert(t.meetingAttendance)
      .values({
        tenantId: ctx.tenantId,
        meetingId: mc.meeting.id,
        onlineMeetingId: read.artifacts.onlineMeetingId,
        reportId: read.artifacts.reportId,
        threadId: read.threadId,
        artifacts: read.artifacts,
        readBy: ctx.name,
        readAt: now.toISOString(),
      })
      .onConflictDoNothing();
    const thread = threadOf(read.threadId);
    return { kind: "report", artifacts: read.artifacts, chatLink: thread ? teamsChatLink(thread) : null };
  };
}
