import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { randomUUID } from "node:crypto";
import { demoId } from "../../../server/db/demo/seedDemo";
import type { Express } from "express";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, devAuth } from "../../support/testApp";
import { adaptiveCardProblems } from "../../support/bot/checkAdaptiveCard";
import type { TeamsCardDto } from "../../../contracts/bot";
import type { CaptureDto } from "../../../contracts/capture";
import type { MeetingDetail } from "../../../contracts/meetings";

// Outbox mode (no tenant, no bot): the Outbox page shows what the bot would post.

describe.each(databaseKinds)("Teams cards in the outbox on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    app = buildTestApp(tdb.database);
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it("previews the recap card of the last customer call, customer-safe and valid for the renderer", async () => {
    const res = await request(app).get("/api/outbox/teams-cards").set("Authorization", devAuth("dana"));
    expect(res.status).toBe(200);
    const items = res.body.items as TeamsCardDto[];
    const card = items.find((i) => i.kind === "recap_card" && i.meetingId === demoMeetingId("m_cust_prev"));
    expect(card).toMatchObject({ state: "preview", summary: "Recap ready: 1 action, no decisions" });
    expect(JSON.stringify(card?.card)).toContain("Meridian to send the returned-payment file spec");
    expect(adaptiveCardProblems(card?.card)).toEqual([]);
    expect(items.some((i) => i.kind === "recap_card" && i.meetingId === demoMeetingId("m_int_prev"))).toBe(false);
  });

  it("previews the start-of-meeting notice for the internal attendee who owns a past-due action, and nobody else", async () => {
    const dana = devAuth("dana");
    const cust = demoMeetingId("m_cust");
    const add = (title: string, owner: string, dueDate: string) =>
      request(app).post(`/api/meetings/${cust}/items`).set("Authorization", dana).send({ id: randomUUID(), kind: "action", title, ownerId: demoId(`person_${owner}`), dueDate });
    expect((await add("Send the autopay file layout", "priya", "2026-11-16")).status).toBe(201);
    expect((await add("Confirm UAT testers", "rachel", "2026-11-13")).status).toBe(201);
    const res = await request(app).get("/api/outbox/teams-cards").set("Authorization", dana);
    const notices = (res.body.items as TeamsCardDto[]).filter((i) => i.kind === "past_due_notice" && i.meetingId === cust);
    expect(notices.map((n) => [n.summary, n.recipients.map((r) => r.name)])).toEqual([["You own 1 past-due item: Send the autopay file layout", ["Priya Raman"]]]);
  });

  it("once the call has ended, lists the actions the recap lists: captured in the call and carried over, dates in words", async () => {
    // The new user's trial: "Send the rota" captured for Rachel, the carried Meridian action re-dated to 9 Dec.
    const dana = devAuth("dana");
    const cust = demoMeetingId("m_cust");
    const rota = await request(app)
      .post(`/api/meetings/${cust}/items`)
      .set("Authorization", dana)
      .send({ id: randomUUID(), kind: "action", title: "Send the rota", ownerId: demoId("person_rachel"), dueDate: "2026-12-04", internalOnly: false });
    expect(rota.status).toBe(201);
    const capture = (await request(app).get(`/api/meetings/${cust}/capture`).set("Authorization", dana)).body as CaptureDto;
    const meridian = capture.carriedOver.find((i) => i.title === "Meridian to send the returned-payment file spec");
    if (!meridian) throw new Error("the Meridian action is not carried over into the customer call");
    const redated = await request(app).patch(`/api/meetings/${cust}/items/${meridian.id}`).set("Authorization", dana).send({ version: meridian.version, dueDate: "2026-12-09" });
    expect(redated.status).toBe(200);

    const meeting = (await request(app).get(`/api/meetings/${cust}`).set("Authorization", dana)).body as MeetingDetail;
    const before = await request(app).get("/api/outbox/teams-cards").set("Authorization", dana);
    // Before its end, the call gets no "Recap ready" card.
    expect((before.body.items as TeamsCardDto[]).some((i) => i.kind === "recap_card" && i.meetingId === cust)).toBe(false);

    const afterEnd = buildTestApp(tdb.database, { now: new Date(Date.parse(meeting.endsAt) + 60_000) });
    const res = await request(afterEnd).get("/api/outbox/teams-cards").set("Authorization", dana);
    const card = (res.body.items as TeamsCardDto[]).find((i) => i.kind === "recap_card" && i.meetingId === cust);
    const text = JSON.stringify(card?.card);
    expect(card?.summary).toMatch(/^Recap ready: \d+ actions, no decisions$/);
    expect(text).toContain("Send the rota");
    expect(text).toContain("Rachel Stone, due Fri 4 Dec 2026");
    expect(text).toContain("Meridian to send the returned-payment file spec");
    expect(text).toContain("Alicia Grant, due Wed 9 Dec 2026");
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(adaptiveCardProblems(card?.card)).toEqual([]);
  });

  it("is internal only", async () => {
    const res = await request(app).get("/api/outbox/teams-cards").set("Authorization", devAuth("rachel"));
    expect(res.status).toBe(403);
  });
});
