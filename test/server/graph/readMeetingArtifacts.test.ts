import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphTokenProvider } from "../../../server/auth/oboTokenProvider";
import type { RequestIdentity } from "../../../server/auth/verifyTeamsToken";
import { createGraphGateway } from "../../../server/graph/graphGateway";
import { GraphRequestFailed, type MailCalendarGateway } from "../../../server/graph/MailCalendarGateway";
import { startFakeGraphServer, type FakeGraphServer } from "../../support/graph/fakeGraphServer";

// The Graph gateway's reading of a meeting's attendance report, recordings and transcripts,
// through the real Graph SDK against the local Graph.
let graph: FakeGraphServer;
const identity: RequestIdentity = { tenantId: "11111111-2222-4333-8444-555555555555", userId: "user-1", name: "Pat Manager", email: "pat@contoso.example", token: "sso-token" };
const tokens: GraphTokenProvider = { getGraphToken: (who) => Promise.resolve(`graph-token-for-${who.userId}`) };
const joinWebUrl = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_weekly%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d";
const scheduled = { start: new Date("2026-11-24T15:00:00Z"), end: new Date("2026-11-24T15:30:00Z") };

beforeAll(async () => {
  graph = await startFakeGraphServer();
  graph.mailbox.chats.set("19:meeting_weekly@thread.v2", { chatId: "19:meeting_weekly@thread.v2", joinWebUrl, organizedByMe: true, onlineMeetingId: "MSoweekly" });
  graph.mailbox.attendanceReports.set("MSoweekly", [
    {
      id: "report-24",
      meetingStart: "2026-11-24T15:01:00Z",
      meetingEnd: "2026-11-24T15:33:00Z",
      attendees: [{ displayName: "Pat Manager", email: "pat@contoso.example", role: "Organizer", intervals: [{ join: "2026-11-24T15:01:00Z", leave: "2026-11-24T15:33:00Z" }] }],
    },
  ]);
  graph.mailbox.recordings.set("MSoweekly", [
    { id: "rec-17", created: "2026-11-17T15:02:00Z", ended: "2026-11-17T15:30:00Z" },
    { id: "rec-24", created: "2026-11-24T15:02:00Z", ended: "2026-11-24T15:30:00Z" },
  ]);
});
afterAll(async () => {
  await graph.close();
});

function gateway(): MailCalendarGateway {
  return createGraphGateway({ baseUrl: graph.baseUrl, tokens, retryDelaySeconds: 0, maxRetries: 1, replayDelayMs: 5, settleMs: 10 });
}

describe("readMeetingArtifacts over Graph", () => {
  it("reads the session's report with its records, and only this session's recordings", async () => {
    const read = await gateway().readMeetingArtifacts?.(identity, { joinWebUrl, scheduled });
    expect(read?.kind).toBe("read");
    if (read?.kind !== "read") return;
    expect(read.threadId).toBe("19:meeting_weekly@thread.v2");
    expect(read.artifacts.attendees).toEqual([
      { name: "Pat Manager", email: "pat@contoso.example", role: "Organizer", totalSeconds: 1920, intervals: [{ joinedAt: "2026-11-24T15:01:00.000Z", leftAt: "2026-11-24T15:33:00.000Z" }] },
    ]);
    expect(read.artifacts.recordings?.map((r) => r.id)).toEqual(["rec-24"]);
    expect(read.artifacts.transcripts).toEqual([]);
    const filter = graph.requestsTo("listOnlineMeetings").at(-1)?.query["$filter"];
    expect(filter).toBe(`JoinWebUrl eq '${joinWebUrl}'`);
  });

  it("without the recording permission the attendance still stands; recordings are unknown (null)", async () => {
    graph.mailbox.missingPermissions.add("OnlineMeetingRecording.Read.All");
    try {
      const read = await gateway().readMeetingArtifacts?.(identity, { joinWebUrl, scheduled });
      expect(read?.kind === "read" && read.artifacts.recordings).toBeNull();
      expect(read?.kind === "read" && read.artifacts.attendees).toHaveLength(1);
    } finally {
      graph.mailbox.missingPermissions.clear();
    }
  });

  it("answers why when it cannot read: 403, not the organiser, no report for this occurrence", async () => {
    graph.mailbox.missingPermissions.add("OnlineMeetings.Read");
    expect(await gateway().readMeetingArtifacts?.(identity, { joinWebUrl, scheduled })).toEqual({ kind: "unavailable", reason: "no_permission" });
    graph.mailbox.missingPermissions.clear();
    expect(await gateway().readMeetingArtifacts?.(identity, { joinWebUrl: `${joinWebUrl}&x=1`, scheduled })).toEqual({ kind: "unavailable", reason: "not_organizer" });
    const nextWeek = { start: new Date("2026-12-01T15:00:00Z"), end: new Date("2026-12-01T15:30:00Z") };
    expect(await gateway().readMeetingArtifacts?.(identity, { joinWebUrl, scheduled: nextWeek })).toEqual({ kind: "unavailable", reason: "not_ended" });
  });

  it("other failures are thrown as GraphRequestFailed (the recap service logs them and says Graph did not answer)", async () => {
    graph.injectFault("listAttendanceReports", { kind: "unavailable" }, 2);
    await expect(gateway().readMeetingArtifacts?.(identity, { joinWebUrl, scheduled })).rejects.toBeInstanceOf(GraphRequestFailed);
  });
});
