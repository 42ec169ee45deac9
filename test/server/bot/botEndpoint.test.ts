import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import request from "supertest";
import type { Express } from "express";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { demoMeetingId, devAuth } from "../../support/testApp";
import { demoId } from "../../../server/db/demo/seedDemo";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import { startFakeBotConnector, type FakeBotConnector } from "../../support/bot/fakeBotConnector";
import { buildBotTestApp } from "../../support/bot/botTestApp";
import { adaptiveCardProblems } from "../../support/bot/checkAdaptiveCard";
import type { MeetingBot } from "../../../server/services/bot/meetingBot";

// The bot endpoint as the Bot Connector calls it: signed activities in, connector REST calls out
// (recorded by the fake). TEST_NOW is 2026-11-18.

const chatId = "19:meeting_m_cust@thread.v2";
const teamsMeetingId = Buffer.from(`0#${chatId}#0`).toString("base64");
const aad = { dana: "aad-dana", priya: "aad-priya", rachel: "aad-rachel", marcus: "aad-marcus" };

describe.each(databaseKinds)("bot endpoint on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  let bot: MeetingBot;
  let fake: FakeBotConnector;
  const dana = devAuth("dana");
  const cust = demoMeetingId("m_cust");
  const ids = { priyaLate: randomUUID(), rachelLate: randomUUID(), danaLater: randomUUID(), marcusLate: randomUUID(), secret: randomUUID(), decision: randomUUID() };

  const activity = (name: string, value: unknown, tenantId = DEMO_TENANT_ID) => ({
    type: "event",
    name,
    id: randomUUID(),
    channelId: "msteams",
    serviceUrl: fake.serviceUrl,
    from: { id: "29:organizer", aadObjectId: aad.dana },
    recipient: { id: `28:${fake.botAppId}` },
    conversation: { id: chatId, conversationType: "groupChat", tenantId, isGroup: true },
    channelData: { tenant: { id: tenantId }, meeting: { id: teamsMeetingId } },
    value,
  });
  const start = () => activity("application/vnd.microsoft.meetingStart", { Id: teamsMeetingId, MeetingType: "Scheduled", JoinUrl: "https://teams.microsoft.com/l/meetup-join/x", Title: "Riverbend weekly status", StartTime: "2026-11-18T19:45:00Z" });
  const end = () => activity("application/vnd.microsoft.meetingEnd", { Id: teamsMeetingId, MeetingType: "Scheduled", JoinUrl: "https://teams.microsoft.com/l/meetup-join/x", Title: "Riverbend weekly status", EndTime: "2026-11-18T20:30:00Z" });
  const post = async (body: object, token?: string) =>
    request(app).post("/api/messages").set("Authorization", `Bearer ${token ?? (await fake.mint())}`).send(body);
  const capture = (body: object) => request(app).post(`/api/meetings/${cust}/items`).set("Authorization", dana).send(body);
  const member = (key: keyof typeof aad, email: string) => ({ id: `29:${key}`, name: key, aadObjectId: aad[key], email, userPrincipalName: email });
  let marcusEmail = "";

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    fake = await startFakeBotConnector();
    ({ app, bot } = buildBotTestApp(tdb.database, fake));
    const person = (k: string) => demoId(`person_${k}`);
    expect((await capture({ id: ids.priyaLate, kind: "action", title: "Send the autopay file layout", ownerId: person("priya"), dueDate: "2026-11-16" })).status).toBe(201);
    expect((await capture({ id: ids.rachelLate, kind: "action", title: "Confirm UAT testers", ownerId: person("rachel"), dueDate: "2026-11-13" })).status).toBe(201);
    expect((await capture({ id: ids.danaLater, kind: "action", title: "Book the cut-over rehearsal", ownerId: person("dana"), dueDate: "2026-11-25" })).status).toBe(201);
    expect((await capture({ id: ids.marcusLate, kind: "action", title: "Chase the IVR sandbox access", ownerId: person("marcus"), dueDate: "2026-11-17" })).status).toBe(201);
    expect((await capture({ id: ids.secret, kind: "action", title: "Escalate Meridian staffing via Helen", ownerId: person("dana"), dueDate: "2026-11-20", internalOnly: true })).status).toBe(201);
    expect((await capture({ id: ids.decision, kind: "decision", title: "Single cut-over for commercial accounts" })).status).toBe(201);
    const rows = await tdb.database.db.query.people.findMany();
    const email = (k: string) => rows.find((p) => p.id === person(k))?.email ?? "";
    // Marcus has not joined yet when the meeting starts.
    fake.members = [member("dana", email("dana")), member("priya", email("priya").toUpperCase()), member("rachel", email("rachel"))];
    marcusEmail = email("marcus");
  });
  afterAll(async () => {
    bot?.close();
    await fake?.close();
    await tdb?.drop();
  });

  it.each([
    ["no signature", async () => post(start(), "")],
    ["a key not in the key set", async () => post(start(), await fake.mint({ signing: "untrusted" }))],
    ["another audience", async () => post(start(), await fake.mint({ aud: "someone-elses-bot" }))],
    ["another issuer", async () => post(start(), await fake.mint({ iss: "https://sts.windows.net/evil/" }))],
    ["an expired token", async () => post(start(), await fake.mint({ expiresInSeconds: -600 }))],
    ["another tenant", async () => post(activity("application/vnd.microsoft.meetingStart", { Id: teamsMeetingId }, "99999999-9999-4999-8999-999999999999"))],
    ["a token for another service URL", async () => post(start(), await fake.mint({ serviceUrl: "https://evil.example/teams/" }))],
  ])("refuses an activity with %s (401, nothing sent)", async (_what, send) => {
    const before = fake.calls.length;
    const res = await send();
    expect(res.status).toBe(401);
    expect(fake.calls.length).toBe(before);
  });

  it("answers 400 naming the field for a signed body that is no activity", async () => {
    const res = await post({ type: "event", serviceUrl: fake.serviceUrl });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain("conversation");
  });

  it("at the start, notifies each internal attendee who owns past-due items, and nobody else, once", async () => {
    fake.calls.length = 0;
    expect((await post(start())).status).toBe(200);
    expect((await post(start())).status).toBe(200);
    const notices = fake.calls.filter((c) => c.path.endsWith("/notification"));
    expect(notices).toHaveLength(1);
    const notice = notices[0];
    expect(notice?.path).toBe(`/v1/meetings/${teamsMeetingId}/notification`);
    expect(notice?.authorization).toBe("Bearer bot-token-from-client-credentials");
    expect(notice?.body).toEqual({
      type: "targetedMeetingNotification",
      value: {
        recipients: [aad.priya],
        surfaces: [
          {
            surface: "meetingStage",
            contentType: "task",
            content: { value: { title: "You own 1 past-due item: Send the autopay file layout", url: `https://callbook.test/meetings/${cust}?view=past-due`, height: 400, width: 600 } },
          },
        ],
      },
    });
  });

  it("reaches a past-due owner who joins later, through the participant-join event", async () => {
    fake.calls.length = 0;
    fake.members.push(member("marcus", marcusEmail));
    const join = activity("application/vnd.microsoft.meetingParticipantJoin", { members: [{ user: { id: "29:marcus", aadObjectId: aad.marcus }, meeting: { inMeeting: true, role: "Attendee" } }] });
    expect((await post(join)).status).toBe(200);
    const notices = fake.calls.filter((c) => c.path.endsWith("/notification"));
    expect(notices.map((n) => (n.body as { value: { recipients: string[] } }).value.recipients)).toEqual([[aad.marcus]]);
    expect(JSON.stringify(notices[0]?.body)).toContain("You own 1 past-due item: Chase the IVR sandbox access");
  });

  it("at the end, posts one customer-safe recap card to the meeting chat, valid for the renderer", async () => {
    fake.calls.length = 0;
    expect((await post(end())).status).toBe(200);
    const posts = fake.calls.filter((c) => c.method === "POST" && c.path.endsWith("/activities"));
    expect(posts).toHaveLength(1);
    expect(posts[0]?.path).toBe(`/v3/conversations/${chatId}/activities`);
    const body = posts[0]?.body as { summary: string; attachments: { contentType: string; content: unknown }[] };
    // The 4 actions captured in the call and the one carried over from the previous customer call, as the recap lists them.
    expect(body.summary).toBe("Recap ready: 5 actions, 1 decision");
    expect(body.attachments[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    const card = JSON.stringify(body.attachments[0]?.content);
    expect(card).toContain("Send the autopay file layout");
    expect(card).toContain("Meridian to send the returned-payment file spec");
    expect(card).toContain("Single cut-over for commercial accounts");
    expect(card).toContain("Review and send");
    expect(card).not.toContain("Escalate Meridian");
    expect(adaptiveCardProblems(body.attachments[0]?.content)).toEqual([]);
  });

  it("updates the card in place when an action is closed or re-dated in the panel, never re-posting it", async () => {
    fake.calls.length = 0;
    const item = (await request(app).get(`/api/meetings/${cust}/capture`).set("Authorization", dana)).body as { items: { id: string; version: number }[] };
    const version = item.items.find((i) => i.id === ids.priyaLate)?.version ?? 1;
    const closed = await request(app).patch(`/api/meetings/${cust}/items/${ids.priyaLate}`).set("Authorization", dana).send({ version, status: "closed" });
    expect(closed.status).toBe(200);
    const put = await waitFor(() => fake.calls.find((c) => c.method === "PUT"));
    expect(put.path).toMatch(new RegExp(`^/v3/conversations/${chatId.replace(/[.]/g, "\\.")}/activities/\\d+$`));
    expect(JSON.stringify(put.body)).toContain("Done: Send the autopay file layout");
    fake.calls.length = 0;
    const redated = await request(app).patch(`/api/meetings/${cust}/items/${ids.danaLater}`).set("Authorization", dana).send({ version: 1, dueDate: "2026-12-02" });
    expect(redated.status).toBe(200);
    const second = await waitFor(() => fake.calls.find((c) => c.method === "PUT"));
    expect(JSON.stringify(second.body)).toContain("due Wed 2 Dec 2026");
    expect(fake.calls.filter((c) => c.method === "POST" && c.path.endsWith("/activities"))).toHaveLength(0);
  });

  it("a second meetingEnd updates the same card instead of posting another", async () => {
    fake.calls.length = 0;
    expect((await post(end())).status).toBe(200);
    expect(fake.calls.filter((c) => c.method === "POST" && c.path.endsWith("/activities"))).toHaveLength(0);
  });
});

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error("timed out waiting for the connector call");
    await new Promise((r) => setTimeout(r, 50));
  }
}
