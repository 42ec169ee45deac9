import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { randomUUID } from "node:crypto";
import { demoId } from "../../../server/db/demo/seedDemo";
import type { Express } from "express";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, devAuth } from "../../support/testApp";
import { adaptiveCardProblems } from "../../support/bot/checkAdaptiveCard";
import type { TeamsCardDto } from "../../../contracts/bot";

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

  it("is internal only", async () => {
    const res = await request(app).get("/api/outbox/teams-cards").set("Authorization", devAuth("rachel"));
    expect(res.status).toBe(403);
  });
});
