import { z } from "zod";
import type { RequestIdentity } from "../auth/verifyTeamsToken";
import type { AttendanceUnavailable, MeetingArtifactRef, MeetingArtifacts } from "../domain/recap/meetingAttendance";
import { GraphRequestFailed, type Interval } from "./MailCalendarGateway";
import type { GraphRequester } from "./graphRequester";
import { MAX_PAGES, nextLinkPath } from "./nextLinkPath";

export type MeetingArtifactsRead = { kind: "read"; artifacts: MeetingArtifacts; threadId: string | null } | { kind: "unavailable"; reason: AttendanceUnavailable };

const onlineMeetings = z.object({
  value: z.array(z.object({ id: z.string(), chatInfo: z.object({ threadId: z.string().nullish() }).nullish() })),
});
const reportSummary = z.object({
  id: z.string(),
  meetingStartDateTime: z.string().nullish(),
  meetingEndDateTime: z.string().nullish(),
});
const reports = z.object({ value: z.array(reportSummary), "@odata.nextLink": z.string().nullish() });
const attendanceRecord = z.object({
  emailAddress: z.string().nullish(),
  role: z.string().nullish(),
  totalAttendanceInSeconds: z.number().nullish(),
  identity: z.object({ displayName: z.string().nullish() }).nullish(),
  attendanceIntervals: z
    .array(z.object({ joinDateTime: z.string().nullish(), leaveDateTime: z.string().nullish(), durationInSeconds: z.number().nullish() }))
    .nullish(),
});
const reportWithRecords = reportSummary.extend({
  attendanceRecords: z.array(attendanceRecord).nullish(),
  /** An expanded report carries the first page of records only; the rest are listed from here. */
  "attendanceRecords@odata.nextLink": z.string().nullish(),
});
const records = z.object({ value: z.array(attendanceRecord), "@odata.nextLink": z.string().nullish() });
const artifactList = z.object({
  value: z.array(
    z.object({
      id: z.string(),
      createdDateTime: z.string().nullish(),
      endDateTime: z.string().nullish(),
      recordingContentUrl: z.string().nullish(),
      transcriptContentUrl: z.string().nullish(),
    }),
  ),
});

/** A report belongs to the occurrence when its session started within this much of the scheduled start (ms). */
const SESSION_SLACK_MS = 6 * 60 * 60_000;

/**
 * The attendance report, recordings and transcripts of one session of the caller's online
 * meeting, through Microsoft Graph (v1.0):
 * 1. `GET /me/onlineMeetings?$filter=JoinWebUrl eq '<url>'` (Get onlineMeeting). An empty list or
 *    404 means the caller did not organise it: only organisers can read reports → "not_organizer".
 * 2. `GET /me/onlineMeetings/{id}/attendanceReports` (meetingAttendanceReport; OnlineMeetingArtifact.Read.All),
 *    every page (`@odata.nextLink`). A recurring meeting lists one report per session: the one whose
 *    start is nearest the scheduled start, within 6 h, is this occurrence's; none → "not_ended"
 *    (reports appear after the meeting ends).
 * 3. `GET …/attendanceReports/{reportId}?$expand=attendanceRecords` (attendanceRecord, attendanceIntervals):
 *    the first page of records; the rest from `attendanceRecords@odata.nextLink`, then each list
 *    page's `@odata.nextLink` (a large call has hundreds of records).
 * 4. `GET …/recordings` and `…/transcripts` (callRecording / callTranscript metadata;
 *    OnlineMeetingRecording.Read.All, OnlineMeetingTranscript.Read.All): those created during the
 *    session. A 403 here leaves them null; the attendance stands.
 * A 403 on steps 1–3 → "no_permission". Other failures throw GraphRequestFailed (or UpstreamTimedOut).
 * Source: Microsoft Graph docs "List meetingAttendanceReports", "Get meetingAttendanceReport",
 * "List recordings", "List transcripts".
 */
export async function readMeetingArtifacts(
  graph: GraphRequester,
  identity: RequestIdentity,
  query: { joinWebUrl: string; scheduled: Interval },
): Promise<MeetingArtifactsRead> {
  const get = async (operation: string, path: string): Promise<unknown> => graph.call(identity, { operation, method: "GET", path, policy: "safe" });
  const refused = (error: unknown, status: number): boolean => error instanceof GraphRequestFailed && error.status === status;

  let meetingId: string;
  let threadId: string | null;
  try {
    const filter = `JoinWebUrl eq '${query.joinWebUrl.replace(/'/g, "''")}'`;
    const found = onlineMeetings.parse(await get("listOnlineMeetings", `/me/onlineMeetings?$filter=${encodeURIComponent(filter)}`)).value[0];
    if (!found) return { kind: "unavailable", reason: "not_organizer" };
    meetingId = found.id;
    threadId = found.chatInfo?.threadId ?? null;
  } catch (error) {
    if (refused(error, 404)) return { kind: "unavailable", reason: "not_organizer" };
    if (refused(error, 403)) return { kind: "unavailable", reason: "no_permission" };
    throw error;
  }

  const base = `/me/onlineMeetings/${encodeURIComponent(meetingId)}`;
  let chosen: z.infer<typeof reportWithRecords>;
  try {
    const list: z.infer<typeof reportSummary>[] = [];
    let next: string | null = `${base}/attendanceReports`;
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const answer = reports.parse(await get("listAttendanceReports", next));
      list.push(...answer.value);
      next = answer["@odata.nextLink"] ? nextLinkPath(answer["@odata.nextLink"]) : null;
    }
    const scheduledStart = query.scheduled.start.getTime();
    const distance = (r: z.infer<typeof reportSummary>): number => Math.abs(Date.parse(r.meetingStartDateTime ?? "") - scheduledStart);
    const session = list.filter((r) => distance(r) <= SESSION_SLACK_MS).sort((a, b) => distance(a) - distance(b))[0];
    if (!session) return { kind: "unavailable", reason: "not_ended" };
    chosen = reportWithRecords.parse(
      await get("getAttendanceReport", `${base}/attendanceReports/${encodeURIComponent(session.id)}?$expand=attendanceRecords`),
    );
    const all = [...(chosen.attendanceRecords ?? [])];
    let more = chosen["attendanceRecords@odata.nextLink"] ? nextLinkPath(chosen["attendanceRecords@odata.nextLink"]) : null;
    for (let page = 0; more && page < MAX_PAGES; page++) {
      const answer = records.parse(await get("listAttendanceRecords", more));
      all.push(...answer.value);
      more = answer["@odata.nextLink"] ? nextLinkPath(answer["@odata.nextLink"]) : null;
    }
    chosen = { ...chosen, attendanceRecords: all };
  } catch (error) {
    if (refused(error, 403)) return { kind: "unavailable", reason: "no_permission" };
    if (refused(error, 404)) return { kind: "unavailable", reason: "not_ended" };
    throw error;
  }

  const sessionStart = Date.parse(chosen.meetingStartDateTime ?? "") || query.scheduled.start.getTime();
  const sessionEnd = Date.parse(chosen.meetingEndDateTime ?? "") || query.scheduled.end.getTime();
  const artifacts = async (operation: string, path: string): Promise<MeetingArtifactRef[] | null> => {
    try {
      return artifactList
        .parse(await get(operation, path))
        .value.filter((a) => {
          const created = Date.parse(a.createdDateTime ?? "");
          // During the session, or within an hour after it (transcripts finish after the call).
          return Number.isNaN(created) || (created >= sessionStart - 60_000 && created <= sessionEnd + 60 * 60_000);
        })
        .map((a) => ({ id: a.id, createdAt: iso(a.createdDateTime), endedAt: iso(a.endDateTime), contentUrl: a.recordingContentUrl ?? a.transcriptContentUrl ?? null }));
    } catch (error) {
      if (refused(error, 403) || refused(error, 404)) return null;
      throw error;
    }
  };
  const [recordings, transcripts] = await Promise.all([
    artifacts("listRecordings", `${base}/recordings`),
    artifacts("listTranscripts", `${base}/transcripts`),
  ]);

  return {
    kind: "read",
    threadId,
    artifacts: {
      onlineMeetingId: meetingId,
      reportId: chosen.id,
      meetingStartedAt: iso(chosen.meetingStartDateTime),
      meetingEndedAt: iso(chosen.meetingEndDateTime),
      attendees: (chosen.attendanceRecords ?? []).map((r) => ({
        name: r.identity?.displayName ?? "",
        email: r.emailAddress ?? null,
        role: r.role ?? null,
        totalSeconds: r.totalAttendanceInSeconds ?? 0,
        intervals: (r.attendanceIntervals ?? [])
          .filter((i) => iso(i.joinDateTime) !== null)
          .map((i) => ({ joinedAt: iso(i.joinDateTime) ?? "", leftAt: iso(i.leaveDateTime) })),
      })),
      recordings,
      transcripts,
    },
  };
}

/** Graph's instants carry up to 7 fractional digits ("2026-11-24T16:02:11.4310000Z"): normalised to ISO with ms. */
function iso(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
