import type * as t from "../db/schema";
import type { ProjectRow } from "../db/projectAccess";
import { previousCallOfType, resolveCallType } from "../domain/resolveCallType";
import { daysBetween, utcDateOf } from "../domain/isoDates";
import { triageSlotWeek } from "../domain/triageSlotWeek";
import { callTypeDefinitions } from "../../contracts/callTypeDefinitions";
import type { Directory, Meeting, ProjectSnapshot } from "../../contracts/types";
import type { MeetingDetail, MeetingSummary, PrepList, ProjectHeader } from "../../contracts/meetings";

// Meetings as the client sees them (contracts/meetings.ts), from a loaded meeting context
// (services/meetings/loadMeetingContext.ts). Dates are UTC calendar dates of `now`.

type MeetingRow = typeof t.meetings.$inferSelect;

/** A meeting row with its project's data, as loadMeetingContext returns it. */
export interface MeetingContext {
  row: MeetingRow;
  meeting: Meeting;
  project: ProjectRow;
  snapshot: ProjectSnapshot;
  history: Meeting[];
  directory: Directory;
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
  const c = resolveCallType(mc.meeting, mc.snapshot.project, mc.directory);
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
    recognised: { ...c.recognised, callTypeLabel: callTypeDefinitions[c.recognised.callType].label },
    attendeeCount: mc.meeting.attendees.length,
  };
}

export function detail(mc: MeetingContext, now: Date): MeetingDetail {
  const summary = summarise(mc);
  const triage = summary.callType === "triage" || summary.recognised.callType === "triage";
  return {
    ...summary,
    triageSlot: triage ? triageSlotWeek(new Date(mc.meeting.startsAt)) : null,
    attendees: mc.meeting.attendees,
    project: projectHeader(mc.project, now),
    version: mc.row.version,
  };
}

/**
 * What to tidy before a call: open RAID items without a due date (not decisions, issue 16), tasks
 * past their due date (UTC calendar date of `now`), and the previous call of this type if its
 * recap was never sent.
 */
export function prepList(mc: MeetingContext, now: Date): PrepList {
  const today = now.toISOString().slice(0, 10);
  const names = new Map(mc.snapshot.people.map((p) => [p.id, p.name]));
  const { callType } = resolveCallType(mc.meeting, mc.snapshot.project, mc.directory);
  const previous = previousCallOfType(mc.history, mc.meeting, callType);
  return {
    raidWithoutDueDate: mc.snapshot.raidItems
      // A decision has no due date to set: it is not listed here (issue 16).
      .filter((i) => i.status === "open" && !i.dueDate && i.kind !== "decision")
      .map((i) => ({ id: i.id, title: i.title, ownerName: i.ownerId ? (names.get(i.ownerId) ?? null) : null })),
    lateTasks: mc.snapshot.tasks
      .filter((k) => k.status !== "done" && k.dueDate !== null && k.dueDate < today)
      .map((k) => ({ id: k.id, name: k.name, dueDate: k.dueDate ?? "", ownerName: k.ownerId ? (names.get(k.ownerId) ?? null) : null })),
    unsentRecap:
      previous && !previous.recapSentAt
        ? { meetingId: previous.id, subject: previous.subject, startsAt: previous.startsAt }
        : null,
  };
}
