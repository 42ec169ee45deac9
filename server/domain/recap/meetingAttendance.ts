import type { IsoDateTime } from "../../../contracts/types";
import { INTERNAL_TAG, type RecapBullet, type RecapSection } from "./recapDocument";

/** A name and address the project knows (attendee or project person). */
type KnownPerson = { name: string; email: string };
import { zonedDateTime } from "./zonedDateTime";

// Who really attended a call, and its recording and transcript, as Microsoft Graph's attendance
// report (meetingAttendanceReport, attendanceRecord) and callRecording / callTranscript give them
// (issue 18 §3). Pure: the Graph gateway reads them, the recap service caches them (migration 0020).

/** One person's time in the meeting (Graph attendanceInterval), UTC instants. */
export interface AttendedInterval {
  joinedAt: IsoDateTime;
  /** Null while Graph gives none (a record cut short). */
  leftAt: IsoDateTime | null;
}

/** One attendanceRecord: the person as Teams knew them, with every join and leave. */
export interface AttendedPerson {
  /** identity.displayName; anonymous joiners carry the name they typed. */
  name: string;
  /** emailAddress; null for anonymous and some phone joiners. */
  email: string | null;
  /** "Organizer", "Presenter", "Attendee" (Graph's role string). */
  role: string | null;
  totalSeconds: number;
  intervals: AttendedInterval[];
}

/** A recording or transcript of the session (Graph callRecording / callTranscript metadata). */
export interface MeetingArtifactRef {
  id: string;
  createdAt: IsoDateTime | null;
  endedAt: IsoDateTime | null;
  /** recordingContentUrl / transcriptContentUrl: a Graph API address, readable with a token only. */
  contentUrl: string | null;
}

/** What was read of one session of an online meeting. */
export interface MeetingArtifacts {
  onlineMeetingId: string;
  reportId: string;
  meetingStartedAt: IsoDateTime | null;
  meetingEndedAt: IsoDateTime | null;
  attendees: AttendedPerson[];
  /** Null when Graph refused (OnlineMeetingRecording.Read.* not granted). */
  recordings: MeetingArtifactRef[] | null;
  /** Null when Graph refused (OnlineMeetingTranscript.Read.* not granted). */
  transcripts: MeetingArtifactRef[] | null;
}

/** Why the attendance report could not be read: the recap falls back to the invitees. */
export type AttendanceUnavailable =
  /** The local outbox: no Microsoft 365 tenant at all. */
  | "outbox"
  /** Graph mode, but the caller has no Microsoft 365 token (dev sign-in). */
  | "no_tenant"
  /** Graph answered 403: OnlineMeetingArtifact.Read.All (or OnlineMeetings.Read) is not granted. */
  | "no_permission"
  /** No report yet: reports exist only once the meeting has ended. */
  | "not_ended"
  /** The caller did not organise the meeting; only the organiser can read its report. */
  | "not_organizer"
  /** The meeting has no Teams join link to find it by. */
  | "no_link"
  /** Graph failed or did not answer in time (logged). */
  | "unreachable";

export type MeetingAttendance =
  | { kind: "report"; artifacts: MeetingArtifacts; /** Teams deep link to the meeting chat (its Recap tab holds the recording and transcript). */ chatLink: string | null }
  | { kind: "unavailable"; reason: AttendanceUnavailable };

/**
 * The one plain sentence a recap shows when the attendance is unknown; the invitees are then
 * listed, labelled as invited. `reader`: who asked (the organiser test names them).
 */
export function attendanceUnavailableSentence(reason: AttendanceUnavailable, reader: string): string {
  switch (reason) {
    case "outbox":
      return "Who attended is not known: Callbook runs in outbox mode, without Microsoft 365, so the invitees are listed instead.";
    case "no_tenant":
      return "Who attended is not known: no Microsoft 365 sign-in is connected, so the invitees are listed instead.";
    case "no_permission":
      return "Who attended is not known: Microsoft 365 has not granted Callbook permission to read the attendance report, so the invitees are listed instead.";
    case "not_ended":
      return "Who attended is not known yet: Teams gives the attendance report once the meeting has ended, so the invitees are listed instead.";
    case "not_organizer":
      return `Who attended is not known: only the meeting's organiser can read its attendance report and ${reader} did not organise this meeting, so the invitees are listed instead.`;
    case "no_link":
      return "Who attended is not known: this meeting has no Teams link to read an attendance report from, so the invitees are listed instead.";
    case "unreachable":
      return "Who attended is not known: Microsoft 365 did not answer when Callbook asked for the attendance report, so the invitees are listed instead.";
  }
}

const key = (email: string | null | undefined): string => (email ?? "").trim().toLowerCase();
const oneLine = (s: string): string => s.replace(/\s+/g, " ").trim();

/**
 * Attendees by the name the project knows them by (matched on e-mail), else Teams' display name,
 * else their address; ordered by first join.
 */
export function attendedPeople(attendees: readonly AttendedPerson[], known: readonly KnownPerson[]): (AttendedPerson & { shownName: string })[] {
  const firstJoin = (p: AttendedPerson): number => Math.min(...p.intervals.map((i) => Date.parse(i.joinedAt)).filter((n) => !Number.isNaN(n)), Number.MAX_SAFE_INTEGER);
  return attendees
    .map((p) => ({ ...p, shownName: oneLine(known.find((k) => p.email !== null && key(k.email) === key(p.email))?.name ?? "") || oneLine(p.name) || oneLine(p.email ?? "") || "Unknown attendee" }))
    .sort((a, b) => firstJoin(a) - firstJoin(b) || a.shownName.localeCompare(b.shownName));
}

/** "10:02–10:31, 10:40–10:58 EST" in `timeZone` (IANA), through the recap's one zoned formatter. */
export function attendedTimes(intervals: readonly AttendedInterval[], timeZone: string): string {
  if (intervals.length === 0) return "";
  const spans = intervals.map((i) => `${zonedDateTime(i.joinedAt, timeZone).time}–${i.leftAt ? zonedDateTime(i.leftAt, timeZone).time : "?"}`);
  const last = intervals[intervals.length - 1];
  const zone = zonedDateTime(last?.leftAt ?? last?.joinedAt ?? intervals[0]!.joinedAt, timeZone).zoneName;
  return `${spans.join(", ")} ${zone}`;
}

/**
 * Required attendees (by the runbook's pick for the call type) with no attendance record: matched
 * on e-mail, else on the display name. For the PM only: never written into a recap e-mail.
 */
export function missingRequired<T extends { name: string; email: string }>(required: readonly T[], attendees: readonly AttendedPerson[]): T[] {
  const emails = new Set(attendees.map((a) => key(a.email)).filter((e) => e !== ""));
  const names = new Set(attendees.map((a) => oneLine(a.name).toLowerCase()));
  return required.filter((r) => !emails.has(key(r.email)) && !names.has(oneLine(r.name).toLowerCase()));
}

/**
 * The recap's "Who attended" section from the report: one bullet per person with their join and
 * leave times in `timeZone`. Internal recipients also get the recording and transcript, linked
 * to the meeting chat in Teams (a tenant-only address: per the audience rule it never goes to a
 * customer or vendor; runbook seed 000 "send notes or the recording link").
 */
export function attendanceSection(
  attendance: Extract<MeetingAttendance, { kind: "report" }>,
  known: readonly KnownPerson[],
  audience: "internal" | "external",
  timeZone: string,
): RecapSection[] {
  const people = attendedPeople(attendance.artifacts.attendees, known);
  const bullets: RecapBullet[] = people.map((p) => {
    const minutes = Math.round(p.totalSeconds / 60);
    const times = attendedTimes(p.intervals, timeZone);
    return { text: `${p.shownName}${times ? ` — ${times}` : ""}`, details: [`${minutes} min in the meeting`] };
  });
  const sections: RecapSection[] = [
    {
      key: "attended",
      heading: "Who attended",
      blocks: bullets.length > 0 ? [{ kind: "bullets", bullets }] : [{ kind: "empty", text: "Nobody joined the meeting in Teams." }],
    },
  ];
  if (audience !== "internal") return sections;
  const { recordings, transcripts } = attendance.artifacts;
  const link = attendance.chatLink;
  const where = "in the meeting chat in Teams (Recap tab)";
  const bullet = (what: string): RecapBullet => ({ text: `${what} ${where}`, tags: [INTERNAL_TAG], ...(link ? { href: link } : {}) });
  const lines: RecapBullet[] = [];
  if (recordings && recordings.length > 0) lines.push(bullet("The recording"));
  if (transcripts && transcripts.length > 0) lines.push(bullet("The transcript"));
  if (lines.length > 0) sections.push({ key: "recording", heading: "Recording and transcript", blocks: [{ kind: "bullets", bullets: lines }] });
  return sections;
}
