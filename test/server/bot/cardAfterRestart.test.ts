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
import type { MeetingBot } from "../../../server/services/bot/meetingBot";

// The live recap card outlives the process (issue 18 §1, "action cards stay live"): the card is
// posted to a meeting chat that has a guest in it, the server restarts (a new bot and app on the
// same database), and changes made while it was down and after it is back update the same
// activity in place.

const chatId = "19:meeting_m_cust@thread.v2";
const teamsMeetingId = Buffer.from(`0#${chatId}#0`).toString("base64");

describe.each(databaseKinds)("recap card across a restart on %s", (kind) => {
  let tdb: TestDatabase;
  let fake: FakeBotConnector;
  let before: { app: Express; bot: MeetingBot };
  let after: { app: Express; bot: MeetingBot } | null = null;
  const dana = devAuth("dana");
  const cust = demoMeetingId("m_cust");
  const ids = { checklist: randomUUID(), rehearsal: randomUUID(), secret: randomUUID() };
  let activityPath = "";

  const end = () => ({
    type: "event",
    name: "application/vnd.microsoft.meetingEnd",
    id: randomUUID(),
    channelId: "msteams",
    serviceUrl: fake.serviceUrl,
    from: { id: "29:organizer", aadObjectId: "aad-dana" },
    recipient: { id: `28:${fake.botAppId}` },
    conversation: { id: chatId, conversationType: "groupChat", tenantId: DEMO_TENANT_ID, isGroup: true },
    channelData: { tenant: { id: DEMO_TENANT_ID }, meeting: { id: teamsMeetingId } },
    value: { Id: teamsMeetingId, MeetingType: "Scheduled", JoinUrl: "https://teams.microsoft.com/l/meetup-join/x", Title: "Riverbend weekly status", EndTime: "2026-11-18T20:30:00Z" },
  });
  const patchItem = async (app: Express, itemId: string, change: object) => {
    const capture = (await request(app).get(`/api/meetings/${cust}/capture`).set("Authorization", dana)).body as { items: { id: string; version: number }[] };
    const version = capture.items.find((i) => i.id === itemId)?.version ?? 1;
    const res = await request(app).patch(`/api/meetings/${cust}/items/${itemId}`).set("Authorization", dana).send({ version, ...change });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    fake = await startFakeBotConnector();
    // The meeting chat has a guest (a customer with a personal Microsoft account) besides Dana.
    fake.members = [
      { id: "29:dana", name: "Dana Whitfield", aadObjectId: "aad-dana", email: "dana@riverbend.test", userPrincipalName: "dana@riverbend.test" },
      { id: "29:guest", name: "Rachel (Guest)", aadObjectId: "aad-guest", email: "rachel@customer.example", userPrincipalName: "rachel_customer.example#EXT#@riverbend.onmicrosoft.com" },
    ];
    before = buildBotTestApp(tdb.database, fake);
    const capture = (body: object) => request(before.app).post(`/api/meetings/${cust}/items`).set("Authorization", dana).send(body);
    const person = (k: string) => demoId(`person_${k}`);
    expect((await capture({ id: ids.checklist, kind: "action", title: "Send the cutover checklist", ownerId: person("marcus"), dueDate: "2026-11-24" })).status).toBe(201);
    expect((await capture({ id: ids.rehearsal, kind: "action", title: "Book the cut-over rehearsal", ownerId: person("dana"), dueDate: "2026-11-25" })).status).toBe(201);
    expect((await capture({ id: ids.secret, kind: "action", title: "Escalate Meridian staffing via Helen", ownerId: person("dana"), internalOnly: true })).status).toBe(201);
  });
  afterAll(async () => {
    before?.bot.close();
    after?.bot.close();
    await fake?.close();
    await tdb?.drop();
  });

  it("posts the customer-safe card to the chat with the guest", async () => {
    const token = await fake.mint();
    expect((await request(before.app).post("/api/messages").set("Authorization", `Bearer ${token}`).send(end())).status).toBe(200);
    const posted = fake.calls.find((c) => c.method === "POST" && c.path.endsWith("/activities"));
    const card = JSON.stringify(posted?.body);
    expect(card).toContain("Send the cutover checklist");
    expect(card).not.toContain("Escalate Meridian");
    // The fake connector numbers activities from 17000000001.
    activityPath = `/v3/conversations/${chatId}/activities/17000000001`;
  });

  it("after a restart, updates the same activity for a change made while down, and for a change made after", async () => {
    // The first process is gone: its in-memory watch with it.
    before.bot.close();
    after = buildBotTestApp(tdb.database, fake);
    fake.calls.length = 0;
    await patchItem(after.app, ids.rehearsal, { dueDate: "2026-12-02" });

    expect(await after.bot.resume()).toBe(1);
    const caughtUp = await waitFor(() => fake.calls.find((c) => c.method === "PUT"));
    expect(caughtUp.path).toBe(activityPath);
    expect(JSON.stringify(caughtUp.body)).toContain("due Wed 2 Dec 2026");

    fake.calls.length = 0;
    await patchItem(after.app, ids.checklist, { status: "closed" });
    const closed = await waitFor(() => fake.calls.find((c) => c.method === "PUT"));
    expect(closed.path).toBe(activityPath);
    expect(JSON.stringify(closed.body)).toContain("Done: Send the cutover checklist");
    expect(JSON.stringify(closed.body)).not.toContain("Escalate Meridian");
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
