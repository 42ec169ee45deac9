import { callTypeDefinitions } from "../../contracts/callTypeDefinitions";
import { classifyMeeting, type MeetingClassification } from "./classifyMeeting";
import { meetingCallType } from "./meetingCallType";
import { formatLongDate } from "./isoDates";
import type { CallType, Directory, Meeting, Person, Project, ProjectSnapshot } from "../../contracts/types";

// The one place a meeting's call type is decided (issue 15 §1): the user's override, else the
// type stored when the meeting was linked or created, else what the classifier recognises now.
// Every rule that depends on a call's type (carry-over, the recap's next call, recap owed,
// follow-ups, agenda) reads the result, so nothing depends on how a meeting entered the database.

/** What Callbook recognised a meeting as, whether or not a user overrode it. */
export interface RecognisedCallType {
  callType: CallType;
  /** 0..1 */
  confidence: number;
  reasons: string[];
}

/** The resolved type (override, else stored, else recognised) and what was recognised. */
export interface ResolvedCallType extends MeetingClassification {
  recognised: RecognisedCallType;
}

const seriesKey = (subject: string) => subject.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * The type of the series a meeting belongs to: the nearest other meeting of `series` with the
 * same subject (spaces and case ignored) whose type a user set or Callbook stored. Null when none.
 */
export function seriesCallType(meeting: Meeting, series: readonly Meeting[]): { callType: CallType; sibling: Meeting } | null {
  const key = seriesKey(meeting.subject);
  const at = Date.parse(meeting.startsAt);
  const siblings = series
    .filter((m) => m.id !== meeting.id && seriesKey(m.subject) === key && (m.callTypeOverride ?? m.callType) !== null)
    .sort((a, b) => Math.abs(Date.parse(a.startsAt) - at) - Math.abs(Date.parse(b.startsAt) - at));
  const sibling = siblings[0];
  const callType = sibling ? (sibling.callTypeOverride ?? sibling.callType) : null;
  return sibling && callType ? { callType, sibling } : null;
}

/**
 * What a meeting is recognised as: the stored type when there is one (it never changes with the
 * classifier); else the type of its series (another meeting of the project with the same
 * subject, typed by a user or stored), since a linked meeting often knows only its organiser;
 * else the classifier's answer now. The classifier's reasons are kept when they agree.
 */
export function recogniseCallType(meeting: Meeting, project: Project | null, directory: Directory, series: readonly Meeting[] = []): RecognisedCallType {
  const fresh = classifyMeeting({ ...meeting, callTypeOverride: null }, project, directory);
  if (meeting.callType === null) {
    const same = seriesCallType(meeting, series);
    if (!same || same.callType === fresh.callType) return { callType: fresh.callType, confidence: fresh.confidence, reasons: fresh.reasons };
    return {
      callType: same.callType,
      confidence: Math.max(fresh.confidence, 0.9),
      reasons: [`Same series as "${same.sibling.subject}" of ${formatLongDate(same.sibling.startsAt.slice(0, 10))}`],
    };
  }
  if (meeting.callType === fresh.callType) return { callType: fresh.callType, confidence: fresh.confidence, reasons: fresh.reasons };
  return {
    callType: meeting.callType,
    confidence: 1,
    reasons: [`Recognised as a ${callTypeDefinitions[meeting.callType].label.toLowerCase()} when it was linked`],
  };
}

/** The call type every rule uses for `meeting`: the user's override, else the stored type, else the recognised one. */
export function resolveCallType(meeting: Meeting, project: Project | null, directory: Directory, series: readonly Meeting[] = []): ResolvedCallType {
  const recognised = recogniseCallType(meeting, project, directory, series);
  if (meeting.callTypeOverride !== null) {
    return { callType: meeting.callTypeOverride, confidence: 1, reasons: ["Set by a user"], overridden: true, recognised };
  }
  return { ...recognised, overridden: false, recognised };
}

/**
 * The meetings with `callType` filled by what each is recognised as (stored, else classified),
 * so `meetingCallType()` (override, else `callType`) gives every pure rule the resolved type.
 */
export function withResolvedCallTypes(meetings: Meeting[], project: Project | null, directory: Directory): Meeting[] {
  return meetings.map((m) => (m.callType !== null ? m : { ...m, callType: recogniseCallType(m, project, directory, meetings).callType }));
}

/** The classifier's view of a project's people: its people, the internal e-mail domains, its vendors. */
export function directoryOfSnapshot(snapshot: Pick<ProjectSnapshot, "people" | "vendors">): Directory {
  const internalDomains = [...new Set(snapshot.people.filter((p: Person) => p.organisation === "internal").map((p) => p.email.split("@")[1] ?? "").filter(Boolean))];
  return { people: snapshot.people, internalDomains, vendors: snapshot.vendors };
}

/** `withResolvedCallTypes` for a project snapshot's meetings. */
export function resolveSnapshotMeetings(meetings: Meeting[], snapshot: ProjectSnapshot): Meeting[] {
  return withResolvedCallTypes(meetings, snapshot.project, directoryOfSnapshot(snapshot));
}

/** The latest meeting of `history` of `callType` (resolved) that starts before `meeting`, or undefined. */
export function previousCallOfType(history: Meeting[], meeting: Meeting, callType: CallType): Meeting | undefined {
  return history
    .filter((m) => m.id !== meeting.id && Date.parse(m.startsAt) < Date.parse(meeting.startsAt) && meetingCallType(m) === callType)
    .at(-1);
}
