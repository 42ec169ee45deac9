import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  findTeamsMeeting,
  parseTeamsMeetingLink,
  teamsThreadKey,
  threadOfTeamsMeetingId,
} from "../../contracts/teamsMeetingLink";

const dir = join(__dirname, "../fixtures/realworld/teams-links");
interface LinkFixture {
  kind: string;
  link?: string;
  meetingId?: string;
  expected: Record<string, string>;
}
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith(".json") && f !== "bodies.json")
  .map((f) => ({ file: f, ...(JSON.parse(readFileSync(join(dir, f), "utf8")) as LinkFixture) }));
const bodies = JSON.parse(readFileSync(join(dir, "bodies.json"), "utf8")) as Record<string, Record<string, string>>;

describe("parseTeamsMeetingLink on every host and thread form (test/fixtures/realworld/teams-links)", () => {
  it.each(fixtures.filter((f) => f.link).map((f) => [f.file, f] as const))("%s", (_file, fixture) => {
    const found = parseTeamsMeetingLink(fixture.link ?? "");
    expect(found).toMatchObject(fixture.expected);
    if (!fixture.expected.joinWebUrl) expect(found?.joinWebUrl).toBe(fixture.link);
  });

  it("covers each cloud and each thread suffix at least once", () => {
    const found = fixtures.flatMap((f) => (f.link ? [parseTeamsMeetingLink(f.link)] : []));
    expect(new Set(found.map((f) => f?.cloud))).toEqual(new Set(["commercial", "gcc", "gccHigh", "dod", "china", "consumer"]));
    const suffixes = new Set(found.map((f) => f?.threadId?.replace(/^.*@/, "")).filter(Boolean));
    expect(suffixes).toEqual(new Set(["thread.v2", "thread.tacv2", "thread.skype", "unq.gbl.spaces"]));
  });

  it("keeps a link found in a sentence without its trailing punctuation", () => {
    const link = "https://gov.teams.microsoft.us/l/meetup-join/19%3agcch%3ameeting_abc%40thread.v2/0";
    expect(findTeamsMeeting(`Join here: ${link}.`)?.joinWebUrl).toBe(link);
    expect(findTeamsMeeting(`Join the meeting now<${link}>`)?.threadId).toBe("19:gcch:meeting_abc@thread.v2");
  });

  it("refuses look-alike hosts, plain http, other apps' links and Teams pages that are not meetings", () => {
    for (const link of [
      "https://teams.microsoft.com.evil.example/l/meetup-join/19%3ameeting_x%40thread.v2/0",
      "https://evil.example/?teams.microsoft.com/meet/2414128301281",
      "http://teams.microsoft.com/meet/2414128301281?p=x",
      "https://zoom.us/j/2414128301?pwd=abc",
      "https://teams.microsoft.com/meetingOptions/?organizerId=o&threadId=19_meeting_x@thread.v2",
      "https://teams.microsoft.com/l/meetup-join/not-a-thread/0",
      "https://teams.microsoft.com/meet/12?p=x",
      "https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.com%2F&reserved=0",
      "not a url",
    ]) {
      expect(parseTeamsMeetingLink(link), link).toBeNull();
    }
  });
});

describe("findTeamsMeeting in appointment bodies as Outlook writes them", () => {
  it.each(Object.entries(bodies))("%s", (file, expected) => {
    expect(findTeamsMeeting(readFileSync(join(dir, file), "utf8"))).toMatchObject(expected);
  });

  it("reads a Teams block that lost its link (Meeting ID and Passcode only), but not another app's Meeting ID", () => {
    expect(findTeamsMeeting("Microsoft Teams meeting\nMeeting ID: 241 412 830 128 1\nPasscode: Qw3rTy9Zx")).toEqual({
      joinMeetingId: "2414128301281",
      passcode: "Qw3rTy9Zx",
      joinWebUrl: "",
      cloud: "commercial",
    });
    expect(findTeamsMeeting("Join Zoom Meeting\nMeeting ID: 241 412 8301\nPasscode: 123456")).toBeNull();
    expect(findTeamsMeeting("Conference room 4")).toBeNull();
    expect(findTeamsMeeting(null)).toBeNull();
  });
});

describe("threadOfTeamsMeetingId: the teams-js context meeting.id", () => {
  it.each(fixtures.filter((f) => f.meetingId).map((f) => [f.file, f] as const))("%s", (_file, fixture) => {
    expect(threadOfTeamsMeetingId(fixture.meetingId)).toEqual(fixture.expected);
  });

  it("decodes the public example of teams-js issue 539 and refuses opaque Graph ids", () => {
    expect(threadOfTeamsMeetingId("MCMxOTptZWV0aW5nX05USTRNakEzT0dVdFl6TTNZUzAwWVRCbUxUa3lPR010TmpOaFpUSmhPVGswTldReEB0aHJlYWQudjIjMA==")).toEqual({
      threadId: "19:meeting_NTI4MjA3OGUtYzM3YS00YTBmLTkyOGMtNjNhZTJhOTk0NWQx@thread.v2",
      messageId: "0",
    });
    expect(threadOfTeamsMeetingId("19:meeting_abc@thread.v2")).toEqual({ threadId: "19:meeting_abc@thread.v2" });
    expect(threadOfTeamsMeetingId("MSpkYWY2MmNjOC1lZTJkLTQxN2ItODg4NC1iY2Y0MGM0MTI5YzMqMCoq")).toBeNull();
    expect(threadOfTeamsMeetingId("")).toBeNull();
  });

  it("keys a channel meeting by its post, a scheduled meeting by its thread alone", () => {
    expect(teamsThreadKey({ threadId: "19:c@thread.tacv2", messageId: "1764412800123" })).toBe("19:c@thread.tacv2;messageid=1764412800123");
    expect(teamsThreadKey({ threadId: "19:meeting_m@thread.v2", messageId: "0" })).toBe("19:meeting_m@thread.v2");
  });
});
