import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, demoProjectId, devAuth } from "../../support/testApp";

// Every Teams host and thread form of test/fixtures/realworld/teams-links through the public API:
// the meeting is linked the way the other side knows it (the Teams configuration page sends the
// teams-js meeting.id; Graph and the Outlook pane give a long link plus the join meeting id), then
// the Outlook pane looks it up with the fixture's link.

const dir = join(__dirname, "../../fixtures/realworld/teams-links");
interface LinkFixture {
  link: string;
  expected: { threadId?: string; messageId?: string; joinMeetingId?: string };
}
const linkFixtures = readdirSync(dir)
  .filter((f) => f.endsWith(".json") && f !== "bodies.json")
  .map((f) => [f, JSON.parse(readFileSync(join(dir, f), "utf8")) as Partial<LinkFixture>] as const)
  .filter((entry): entry is readonly [string, LinkFixture] => typeof entry[1].link === "string");

const teamsJsMeetingId = (threadId: string, messageId = "0") => Buffer.from(`0#${threadId}#${messageId}`).toString("base64");

describe.each(databaseKinds)("Teams meeting links through the HTTP API on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  const auth = devAuth("dana");
  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    app = buildTestApp(tdb.database);
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it.each(linkFixtures)("%s: linked from its other identity, found by the Outlook pane's link", async (file, fixture) => {
    const { threadId, messageId, joinMeetingId } = fixture.expected;
    const linkBody = threadId
      ? { teamsMeetingId: teamsJsMeetingId(threadId, messageId) }
      : { joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${file.replace(/\W/g, "")}%40thread.v2/0`, joinMeetingId };
    const linked = await request(app)
      .put("/api/meetings/link")
      .set("Authorization", auth)
      .send({ ...linkBody, projectId: demoProjectId(), callType: null, subject: `Fixture ${file}`, startsAt: "2026-12-01T16:00:00.000Z" });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);

    const found = await request(app).get("/api/meetings/lookup").query({ joinUrl: fixture.link }).set("Authorization", auth);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ matchedBy: "joinUrl", meeting: { id: linked.body.id } });
  });

  it("GCC High: a seeded meeting chat 19:gcch:meeting_… is found from its gov.teams.microsoft.us link (was {meeting:null})", async () => {
    const gcch = "19:gcch:meeting_0f1e2d3c4b5a69788796a5b4c3d2e1f0@thread.v2";
    const byChat = await request(app)
      .put("/api/meetings/link")
      .set("Authorization", auth)
      .send({ chatId: gcch, projectId: demoProjectId(), callType: null, subject: "Agency program review" });
    expect(byChat.status).toBe(200);
    const link = "https://gov.teams.microsoft.us/l/meetup-join/19%3agcch%3ameeting_0f1e2d3c4b5a69788796a5b4c3d2e1f0%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d";
    const found = await request(app).get("/api/meetings/lookup").query({ joinUrl: link }).set("Authorization", auth);
    expect(found.body).toMatchObject({ matchedBy: "joinUrl", meeting: { subject: "Agency program review" } });
    // The commercial control keeps matching.
    const control = await request(app)
      .get("/api/meetings/lookup")
      .query({ joinUrl: "https://teams.microsoft.com/l/meetup-join/19%3ameeting_m_cust%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d" })
      .set("Authorization", auth);
    expect(control.body).toMatchObject({ matchedBy: "joinUrl", meeting: { id: demoMeetingId("m_cust") } });
  });

  it("a short link finds the meeting linked with its long link and the body's Meeting ID, also by the Meeting ID alone", async () => {
    const linked = await request(app)
      .put("/api/meetings/link")
      .set("Authorization", auth)
      .send({
        joinUrl: "https://teams.microsoft.com/l/meetup-join/19%3ameeting_c2hvcnQtbGluay1jb250cm9s%40thread.v2/0",
        joinMeetingId: "297 510 664 321 8",
        projectId: demoProjectId(),
        callType: null,
        subject: "Cutover rehearsal",
      });
    expect(linked.status).toBe(200);
    for (const query of [{ joinUrl: "https://teams.microsoft.com/meet/2975106643218?p=Rh3aRs4l" }, { joinMeetingId: "297 510 664 321 8" }]) {
      const found = await request(app).get("/api/meetings/lookup").query(query).set("Authorization", auth);
      expect(found.body, JSON.stringify(query)).toMatchObject({ matchedBy: "joinUrl", meeting: { id: linked.body.id } });
    }
  });

  it("a channel meeting's tab context without a chat id links and finds its meeting by the teams-js meeting.id; another post of the channel does not", async () => {
    const channel = "19:9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d@thread.tacv2";
    const meetingId = teamsJsMeetingId(channel, "1764500000001");
    const linked = await request(app)
      .put("/api/meetings/link")
      .set("Authorization", auth)
      .send({ teamsMeetingId: meetingId, projectId: demoProjectId(), callType: "internal_status", subject: "Channel sync" });
    expect(linked.status).toBe(200);
    const byContext = await request(app).get("/api/meetings/by-chat").query({ meetingId }).set("Authorization", auth);
    expect(byContext.status).toBe(200);
    expect(byContext.body).toMatchObject({ id: linked.body.id, subject: "Channel sync" });
    const otherPost = await request(app)
      .get("/api/meetings/by-chat")
      .query({ meetingId: teamsJsMeetingId(channel, "1764500000999") })
      .set("Authorization", auth);
    expect(otherPost.status).toBe(404);
    const fromOutlook = await request(app)
      .get("/api/meetings/lookup")
      .query({ joinUrl: `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(channel)}/1764500000001?context=%7b%22Tid%22%3a%22t%22%7d` })
      .set("Authorization", auth);
    expect(fromOutlook.body).toMatchObject({ matchedBy: "joinUrl", meeting: { id: linked.body.id } });
  });

  it("does not match a look-alike host or another app's link to a known thread", async () => {
    for (const joinUrl of [
      "https://teams.microsoft.com.evil.example/l/meetup-join/19%3ameeting_m_cust%40thread.v2/0",
      "http://teams.microsoft.com/l/meetup-join/19%3ameeting_m_cust%40thread.v2/0?x=1",
    ]) {
      const res = await request(app).get("/api/meetings/lookup").query({ joinUrl }).set("Authorization", auth);
      expect(res.body, joinUrl).toEqual({ meeting: null, matchedBy: null });
    }
  });

  it("answers 400 naming the field for a teams-js meeting id or Meeting ID that is not one", async () => {
    const badContext = await request(app).get("/api/meetings/by-chat").query({ meetingId: "bm90IGEgdGhyZWFk" }).set("Authorization", auth);
    expect(badContext.status).toBe(400);
    expect(badContext.body.error.message).toBe("meetingId: is not a Teams meeting id");
    const badLink = await request(app)
      .put("/api/meetings/link")
      .set("Authorization", auth)
      .send({ teamsMeetingId: "opaque", projectId: demoProjectId(), callType: null });
    expect(badLink.status).toBe(400);
    expect(badLink.body.error.message).toBe("teamsMeetingId: is not a Teams meeting id");
    const badDigits = await request(app).get("/api/meetings/lookup").query({ joinMeetingId: "12ab" }).set("Authorization", auth);
    expect(badDigits.status).toBe(400);
    expect(badDigits.body.error.message).toBe("joinMeetingId: must be the digits of a Teams meeting ID");
  });
});
