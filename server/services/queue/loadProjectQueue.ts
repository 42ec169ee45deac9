import { createHash } from "node:crypto";
import { and, eq, inArray, max } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import type { ProjectRow } from "../../db/projectAccess";
import { loadProjectMeetings, loadSnapshot } from "../../db/loadSnapshot";
import { owedMessages, type OwedMessage, type QueueLastSent } from "../../domain/queue/owedMessages";
import { queueKinds } from "../../domain/queue/queueMessage";
import type { Meeting, ProjectSnapshot } from "../../../contracts/types";
import type { QueueDto, QueueEntryDto } from "../../../contracts/queue";
import { easternDateOf } from "../../domain/queue/easternDay";
import { classifyMeeting } from "../../domain/classifyMeeting";
import { directoryFor } from "../meetings/loadMeetingContext";

const knownKinds: readonly string[] = queueKinds;

/** When each queue kind was last sent for a project (follow_up_log rows, written by the send itself or "Mark sent"). */
export async function loadQueueLastSent(db: Db, tenantId: string, projectId: string): Promise<QueueLastSent> {
  const rows = await db
    .select({ kind: t.followUpLog.kind, at: max(t.followUpLog.sentAt) })
    .from(t.followUpLog)
    .where(and(eq(t.followUpLog.tenantId, tenantId), eq(t.followUpLog.projectId, projectId)))
    .groupBy(t.followUpLog.kind);
  const out: QueueLastSent = {};
  for (const r of rows) if (r.at && knownKinds.includes(r.kind)) out[r.kind as keyof QueueLastSent] = new Date(r.at).toISOString();
  return out;
}

export interface ProjectQueueData {
  snapshot: ProjectSnapshot;
  meetings: Meeting[];
  lastSent: QueueLastSent;
  owed: OwedMessage[];
}

/** The live data a project's queue and drafts read, and what is owed at `now`. */
export async function loadProjectQueue(db: Db, tenantId: string, project: ProjectRow, now: Date): Promise<ProjectQueueData> {
  const [snapshot, stored, lastSent] = await Promise.all([
    loadSnapshot(db, tenantId, project),
    loadProjectMeetings(db, tenantId, project.id),
    loadQueueLastSent(db, tenantId, project.id),
  ]);
  // Meetings not yet held carry no call type: classify them, so a coming steering call shows.
  const directory = directoryFor(snapshot);
  const meetings = stored.map((m) => (m.callTypeOverride ?? m.callType ? m : { ...m, callType: classifyMeeting(m, snapshot.project, directory).callType }));
  return { snapshot, meetings, lastSent, owed: owedMessages(snapshot, meetings, now, lastSent) };
}

/**
 * Splits owed messages into late / due today / upcoming on the New York day of `now` (the
 * runbook's zone; the browser regroups on the viewer's own day): late when the runbook says so or
 * the due instant has passed, due today when the due instant falls on today's New York date,
 * else upcoming (a message whose window is open but that is due tomorrow is upcoming).
 */
export function groupQueue(entries: QueueEntryDto[], now: Date): QueueDto {
  const today = easternDateOf(now);
  const isLate = (e: QueueEntryDto) => e.state === "late" || Date.parse(e.dueAt) < now.getTime();
  const isToday = (e: QueueEntryDto) => !isLate(e) && easternDateOf(new Date(e.dueAt)) === today;
  return {
    late: entries.filter(isLate),
    dueToday: entries.filter(isToday),
    upcoming: entries.filter((e) => !isLate(e) && !isToday(e)),
  };
}

export function queueEntryDto(project: { id: string; name: string }, o: OwedMessage): QueueEntryDto {
  return { projectId: project.id, projectName: project.name, kind: o.kind, title: o.title, dueAt: o.dueAt, state: o.state, meetingId: o.meetingId ?? null, reason: o.reason };
}

/** The projects of `ids` the tenant holds, by id. */
export async function projectsByIds(db: Db, tenantId: string, ids: string[]): Promise<ProjectRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(t.projects).where(and(eq(t.projects.tenantId, tenantId), inArray(t.projects.id, ids)));
}

/**
 * The id of the draft of one owed occurrence: a name-based uuid (SHA-1, RFC 9562 §5.5 layout)
 * of tenant, project, kind and due time, so opening the same draft twice gives the same id and
 * sending it twice is one e-mail; the next occurrence gets a new id.
 */
export function draftIdOf(tenantId: string, projectId: string, kind: string, dueAt: string): string {
  const h = createHash("sha1").update(`callbook-queue\n${tenantId}\n${projectId}\n${kind}\n${dueAt}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
