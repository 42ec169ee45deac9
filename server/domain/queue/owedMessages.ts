import { easternDateOf, easternInstant } from "./easternDay";
import { addDays, formatLongDate } from "../isoDates";
import { dueFollowUps, END_OF_BUSINESS, type FollowUp, type LastSent } from "../dueFollowUps";
import { isMeetingOfProject, meetingCallType } from "../meetingCallType";
import type { IsoDateTime, Meeting, ProjectSnapshot } from "../../../contracts/types";
import { addWorkingDays, isWorkingDay } from "../workingDays";
import { queueKinds, type QueueKind } from "./queueMessage";

// The send queue: every message the runbook owes for a project at `now` (runbook section 3).
// The cadence of the first five kinds is dueFollowUps' (seeds 003, 002, 004); this adds
// decisions and agreed changes (003), vendor status (004) and the steering stakeholder report (000).

export type QueueLastSent = Partial<Record<QueueKind | "recap", IsoDateTime>>;

export interface OwedMessage {
  kind: QueueKind | "recap";
  title: string;
  dueAt: IsoDateTime;
  state: "late" | "due" | "upcoming";
  /** The call the message follows (recap, steering report, decisions of a call). */
  meetingId?: string;
  reason: string;
}

const parse = (v: IsoDateTime | undefined): Date | null => (v === undefined ? null : new Date(v));

function stateOf(opensAt: Date, dueAt: Date, now: Date): OwedMessage["state"] {
  if (now < opensAt) return "upcoming";
  return now <= dueAt ? "due" : "late";
}

/** End of business (17:00 New York) on the first working day after the call's day. */
function oneWorkingDayAfter(endsAt: IsoDateTime, holidays: readonly string[]): Date {
  return easternInstant(addWorkingDays(easternDateOf(new Date(endsAt)), 1, holidays), END_OF_BUSINESS);
}

/**
 * Decisions and agreed changes (seed 003: "all important decisions must be traced in an email;
 * all agreed new changes with the hours especially"): owed within one working day of the call a
 * decision was recorded in, once per batch since the last send. Change requests still awaiting
 * the customer's confirmation make it owed today when it was never sent.
 */
function decisionsAndChanges(snapshot: ProjectSnapshot, meetings: Meeting[], now: Date, sentAt: Date | null): OwedMessage | null {
  const { holidays } = snapshot.project;
  const ended = new Map(meetings.filter((m) => Date.parse(m.endsAt) <= now.getTime()).map((m) => [m.id, m]));
  const fresh = snapshot.raidItems.filter(
    (r) => r.kind === "decision" && r.raisedInMeetingId !== null && ended.has(r.raisedInMeetingId) && (sentAt === null || Date.parse(r.createdAt) > sentAt.getTime()),
  );
  const calls = fresh.map((r) => ended.get(r.raisedInMeetingId ?? "")).filter((m): m is Meeting => m !== undefined);
  calls.sort((a, b) => a.endsAt.localeCompare(b.endsAt));
  const first = calls[0];
  if (first) {
    const dueAt = oneWorkingDayAfter(first.endsAt, holidays);
    return {
      kind: "decisions_and_changes",
      title: `Decisions of "${first.subject}" and agreed changes, for ${snapshot.project.customerName} to confirm`,
      dueAt: dueAt.toISOString(),
      state: stateOf(new Date(first.endsAt), dueAt, now),
      meetingId: first.id,
      reason: `Every important decision and agreed change (with its hours) written down and sent (seed 003); owed within one working day of the call; ${fresh.length} new decision${fresh.length === 1 ? "" : "s"}`,
    };
  }
  const awaiting = snapshot.changeRequests.filter((c) => !c.customerConfirmed && c.decision === "pending").length;
  if (awaiting === 0 || sentAt !== null) return null;
  const today = easternDateOf(now);
  const day = isWorkingDay(today, holidays) ? today : addWorkingDays(today, 1, holidays);
  const dueAt = easternInstant(day, END_OF_BUSINESS);
  return {
    kind: "decisions_and_changes",
    title: `${awaiting} change request${awaiting === 1 ? "" : "s"} with hours, for ${snapshot.project.customerName} to confirm`,
    dueAt: dueAt.toISOString(),
    state: stateOf(easternInstant(day, "00:00"), dueAt, now),
    reason: "Change requests are estimated one by one and taken into work after the customer confirms (seed 003)",
  };
}

/** Weekly status to the vendors whose work moves our go-live (seed 004: "regular status reports to the vendor"). */
function vendorStatus(snapshot: ProjectSnapshot, now: Date, sentAt: Date | null): OwedMessage | null {
  if (snapshot.vendors.length === 0) return null;
  const { holidays } = snapshot.project;
  const from = sentAt ? addDays(easternDateOf(sentAt), 7) : easternDateOf(now);
  const day = isWorkingDay(from, holidays) ? from : addWorkingDays(from, 1, holidays);
  const dueAt = easternInstant(day, END_OF_BUSINESS);
  return {
    kind: "vendor_status",
    title: `Vendor status to ${snapshot.vendors.map((v) => v.name).join(", ")}`,
    dueAt: dueAt.toISOString(),
    state: stateOf(easternInstant(day, "00:00"), dueAt, now),
    reason: `Regular status to the vendors, good or bad, vendor-safe (seed 004); weekly; ${sentAt ? `last sent ${formatLongDate(easternDateOf(sentAt))}` : "never sent"}`,
  };
}

/** The stakeholder report goes with the notes within one working day after each steering call (seed 000). */
function steeringReports(snapshot: ProjectSnapshot, meetings: Meeting[], now: Date, sentAt: Date | null): OwedMessage[] {
  const { holidays } = snapshot.project;
  const steering = meetings.filter((m) => isMeetingOfProject(m, snapshot.project.id) && meetingCallType(m) === "steering_committee");
  const ended = steering.filter((m) => Date.parse(m.endsAt) <= now.getTime() && (sentAt === null || sentAt.getTime() < Date.parse(m.endsAt)));
  const latest = ended.sort((a, b) => b.endsAt.localeCompare(a.endsAt))[0];
  const next = steering.filter((m) => Date.parse(m.endsAt) > now.getTime()).sort((a, b) => a.endsAt.localeCompare(b.endsAt))[0];
  return [latest, next]
    .filter((m): m is Meeting => m !== undefined)
    .map((m) => {
      const dueAt = oneWorkingDayAfter(m.endsAt, holidays);
      return {
        kind: "steering_report" as const,
        title: `Stakeholder report after "${m.subject}" to the steering committee`,
        dueAt: dueAt.toISOString(),
        state: stateOf(new Date(m.endsAt), dueAt, now),
        meetingId: m.id,
        reason: "Notes and the stakeholder report to the attendees after steering (seed 000); within one working day",
      };
    });
}

/**
 * Every message owed for the project at `now`, sorted by due time: the cadence of dueFollowUps
 * plus decisions and agreed changes, vendor status and steering reports. `lastSent` holds when
 * each kind was last sent (follow_up_log). Pure: `now` is passed in.
 */
export function owedMessages(snapshot: ProjectSnapshot, meetings: Meeting[], now: Date, lastSent: QueueLastSent = {}): OwedMessage[] {
  const cadence: LastSent = {};
  for (const [k, v] of Object.entries(lastSent)) if (v) (cadence as Record<string, string>)[k] = v;
  const base: OwedMessage[] = dueFollowUps(snapshot, meetings, now, cadence).map((f: FollowUp) => ({ ...f }));
  const extra = [
    decisionsAndChanges(snapshot, meetings, now, parse(lastSent.decisions_and_changes)),
    vendorStatus(snapshot, now, parse(lastSent.vendor_status)),
    ...steeringReports(snapshot, meetings, now, parse(lastSent.steering_report)),
  ].filter((m): m is OwedMessage => m !== null);
  const order = (k: OwedMessage["kind"]) => (k === "recap" ? -1 : queueKinds.indexOf(k));
  return [...base, ...extra].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || order(a.kind) - order(b.kind));
}
