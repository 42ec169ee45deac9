import type { Db } from "../../db/database";
import type { RequestContext } from "../../http/requestContext";
import { buildAgenda } from "../../domain/buildAgenda";
import { resolveCallType } from "../../domain/resolveCallType";
import { composeRecap, type CapturedItem, type Recap, type RecapAudience } from "../../domain/recap/composeRecap";
import { recapAudience } from "../../domain/recap/recapAudience";
import type { CapturedItemDto } from "../../../contracts/capture";
import { loadMeetingContext, type MeetingContext } from "../meetings/loadMeetingContext";
import { agendaState, carriedOverItems, meetingItems, meetingNotes } from "../capture/captureQueries";
import { itemDto, nameIndex } from "../../presenters/capture";
import { callerAudience, requireInternalCaller } from "../audience/callerAudience";
import { EASTERN_TIME_ZONE } from "../../domain/zonedTime";
import { pickAttendees } from "../../domain/pickAttendees";
import { attendanceUnavailableSentence, missingRequired, type MeetingAttendance } from "../../domain/recap/meetingAttendance";
import type { RecapAttendance } from "../../../contracts/recap";
import type { AttendanceReader } from "./readMeetingAttendance";

/** The sender's zone when their person record has none: the runbook's US Eastern (contracts Person.timeZone). */
export const RECAP_TIME_ZONE = EASTERN_TIME_ZONE;

function captured(i: CapturedItemDto, change: CapturedItem["change"]): CapturedItem {
  return {
    id: i.id,
    kind: i.kind,
    title: i.title,
    ownerName: i.ownerName,
    dueDate: i.dueDate,
    status: i.status,
    internalOnly: i.internalOnly,
    provider: i.provider,
    deliverable: i.deliverable,
    recipient: i.recipient,
    neededFor: i.neededFor,
    decidedBy: i.decidedBy,
    decidedAt: i.decidedAt,
    reportedBy: i.reportedBy,
    reportedAt: i.reportedAt,
    location: i.location,
    reproSteps: i.reproSteps,
    change,
  };
}

export interface MeetingRecap {
  mc: MeetingContext;
  recap: Recap;
  /** Attendees and project people, by name, whom the PM may add as recipients. */
  candidates: { name: string; email: string }[];
  /** Where the recap's people come from, and (for the PM only) required attendees who did not join. */
  attendance: RecapAttendance;
}

/**
 * The caller sees who of the required attendees stayed away only when they run the meeting: the
 * project's PM, or the meeting's organiser (issue 18 §3: "for the PM only"). Never in an e-mail.
 */
function runsTheMeeting(ctx: RequestContext, mc: MeetingContext): boolean {
  if (callerAudience(ctx) !== "internal") return false;
  const pm = mc.snapshot.project.members.some((m) => m.role === "pm" && m.personId === ctx.personId);
  return pm || (mc.row.organizerEmail ?? "").toLowerCase() === ctx.email.toLowerCase();
}

function attendanceSummary(ctx: RequestContext, mc: MeetingContext, callType: Parameters<typeof pickAttendees>[0], attendance: MeetingAttendance): RecapAttendance {
  if (attendance.kind === "unavailable") {
    return { source: "invited", unavailable: attendanceUnavailableSentence(attendance.reason, ctx.name), missingRequired: null };
  }
  if (!runsTheMeeting(ctx, mc)) return { source: "report", unavailable: null, missingRequired: null };
  const nobodyOut = { isOutOfOffice: () => false };
  const { required } = pickAttendees(callType, mc.snapshot, mc.directory, nobodyOut, mc.meeting.startsAt.slice(0, 10));
  return {
    source: "report",
    unavailable: null,
    missingRequired: missingRequired(required, attendance.artifacts.attendees).map((p) => ({ name: p.name, email: p.email, reason: p.reason })),
  };
}

/** Each address with the name of the attendee or project person it belongs to, else the address itself. */
function namedRecipients(emails: readonly string[], known: readonly { name: string; email: string }[]): { name: string; email: string }[] {
  return emails.map((email) => ({ email, name: known.find((k) => k.email.trim().toLowerCase() === email.trim().toLowerCase())?.name ?? email }));
}

/**
 * The recap of a meeting from what was captured in it, for the audience its recipients make.
 * `chosen`: the PM's recipients (addresses) instead of the attendees; the audience rule decides from them.
 * An external caller gets (and sends) the external recap only: asking for `internal` answers 403.
 * `readAttendance`: Teams' attendance report (services/recap/readMeetingAttendance.ts); without it
 * the recap lists the invitees, labelled as invited.
 */
export async function composeMeetingRecap(
  db: Db,
  ctx: RequestContext,
  meetingId: string,
  now: Date,
  requested?: RecapAudience,
  chosen?: readonly string[],
  readAttendance?: AttendanceReader,
): Promise<MeetingRecap> {
  const mc = await loadMeetingContext(db, ctx, meetingId);
  if (requested === "internal") requireInternalCaller(ctx, "The internal recap");
  const { callType } = resolveCallType(mc.meeting, mc.snapshot.project, mc.directory);
  const others = mc.history.filter((m) => m.id !== meetingId);
  const sameType = (m: (typeof others)[number]) => (m.callTypeOverride ?? m.callType) === callType;
  const earlierIds = others.filter((m) => m.startsAt < mc.meeting.startsAt && sameType(m)).map((m) => m.id);
  const names = nameIndex(mc.snapshot.people);
  const [items, carried, notes, state, attendance] = await Promise.all([
    meetingItems(db, ctx.tenantId, meetingId),
    carriedOverItems(db, ctx.tenantId, mc.project.id, meetingId, earlierIds),
    meetingNotes(db, ctx.tenantId, meetingId),
    agendaState(db, ctx.tenantId, meetingId),
    readAttendance ? readAttendance(mc) : Promise.resolve<MeetingAttendance>({ kind: "unavailable", reason: "outbox" }),
  ]);
  const lengthMinutes = Math.round((Date.parse(mc.meeting.endsAt) - Date.parse(mc.meeting.startsAt)) / 60_000);
  const agenda = buildAgenda(callType, mc.snapshot, { meetings: others }, now, { meetingId, lengthMinutes, meeting: mc.meeting });
  const discussed = new Set(state.discussed);
  // Items on the agenda ticked without notes still count as discussed.
  const tickedWithoutNotes = [...discussed]
    .filter((key) => !notes.some((n) => n.agendaItemKey === key))
    .map((key) => ({ id: `tick:${key}`, agendaItemKey: key, body: "", internalOnly: false, discussed: true, createdBy: null }));
  const next = others.find((m) => m.startsAt > mc.meeting.startsAt && sameType(m));
  const attendees = mc.meeting.attendees.map((a) => ({ name: a.name, email: a.email }));
  const candidates = [...attendees, ...mc.snapshot.people.map((p) => ({ name: p.name, email: p.email }))].filter(
    (c, i, all) => c.email !== "" && all.findIndex((o) => o.email.toLowerCase() === c.email.toLowerCase()) === i,
  );
  const recipients = chosen ? namedRecipients(chosen, candidates) : null;
  const audience =
    callerAudience(ctx) === "external"
      ? "external"
      : (requested ?? recapAudience(recipients ?? attendees, mc.directory.internalDomains, mc.snapshot.people));
  const recap = composeRecap({
    meeting: { id: meetingId, subject: mc.meeting.subject, startsAt: mc.meeting.startsAt, endsAt: mc.meeting.endsAt, attendees },
    callType,
    project: mc.snapshot.project,
    people: mc.snapshot.people,
    agenda,
    notes: [
      ...notes.map((n) => ({ id: n.id, agendaItemKey: n.agendaItemKey, body: n.body, internalOnly: n.internalOnly, discussed: discussed.has(n.agendaItemKey), createdBy: n.createdBy })),
      ...tickedWithoutNotes,
    ],
    items: [
      ...items.map((i) => captured(itemDto(i, names), i.status === "closed" ? "closed" : i.version > 1 ? "updated" : "new")),
      ...carried.map((i) => captured(itemDto(i, names), "carried_over")),
    ],
    audience,
    internalDomains: mc.directory.internalDomains,
    recipients,
    nextCall: next ? { subject: next.subject, startsAt: next.startsAt } : null,
    sender: { name: ctx.name, email: ctx.email },
    // The sender's own zone; composeRecap writes in the recipients' zone instead when they share one (domain/recap/recapZone.ts).
    timeZone: mc.snapshot.people.find((p) => p.email.trim().toLowerCase() === ctx.email.trim().toLowerCase())?.timeZone ?? RECAP_TIME_ZONE,
    now,
    attendance,
  });
  return { mc, recap, candidates, attendance: attendanceSummary(ctx, mc, callType, attendance) };
}
