import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import request from "supertest";
import type { Express } from "express";
import { and, eq } from "drizzle-orm";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, demoProjectId, devAuth } from "../../support/testApp";
import { seedDemo } from "../../../server/db/demo/seedDemo";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import * as t from "../../../server/db/schema";

// Issue 15 §1: a recognised but not overridden meeting counts as a call of its type for
// carry-over, the recap's next call and recap owed. The demo is seeded on Sunday 29 Nov 2026:
// its upcoming customer call ("m_cust") is Wednesday 2 Dec, 2:00 pm New York, recognised only.

const SEEDED = new Date("2026-11-29T15:00:00Z");

describe.each(databaseKinds)("one resolved call type on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  let later: Express;
  const dana = devAuth("dana");
  const customerCall = demoMeetingId("m_cust");

  beforeAll(async () => {
    tdb = await openTestDatabase(kind, { seed: false });
    await seedDemo(tdb.database, { now: SEEDED });
    app = buildTestApp(tdb.database, { now: SEEDED });
    // Thursday 3 Dec, 10 am New York: the morning after the customer call.
    later = buildTestApp(tdb.database, { now: new Date("2026-12-03T15:00:00Z") });
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  const linkWeeklyStatus = async (chatId: string, startsAt: string, callType: string | null) => {
    const res = await request(app)
      .put("/api/meetings/link")
      .set("Authorization", dana)
      .send({ chatId, projectId: demoProjectId(), callType, subject: "Riverbend weekly status", startsAt, endsAt: new Date(Date.parse(startsAt) + 45 * 60_000).toISOString() });
    expect(res.status).toBe(200);
    return res.body as { id: string; callType: string; overridden: boolean };
  };

  it("the demo's upcoming customer call is recognised, not stored or overridden", async () => {
    const res = await request(app).get(`/api/meetings/${customerCall}`).set("Authorization", dana);
    expect(res.body).toMatchObject({ callType: "customer_status", overridden: false, startsAt: "2026-12-02T19:00:00.000Z" });
  });

  it("an action captured in it is carried to a newly linked meeting of the series (the issue's reproduction)", async () => {
    const action = { id: randomUUID(), kind: "action", title: "Send the returned-payment file spec to Keystone" };
    expect((await request(app).post(`/api/meetings/${customerCall}/items`).set("Authorization", dana).send(action)).status).toBe(201);
    const linked = await linkWeeklyStatus("19:meeting_riverbend_9dec@thread.v2", "2026-12-09T19:00:00.000Z", null);
    expect(linked).toMatchObject({ callType: "customer_status", overridden: false });
    const capture = await request(app).get(`/api/meetings/${linked.id}/capture`).set("Authorization", dana);
    expect(capture.status).toBe(200);
    expect(capture.body.carriedOver.map((i: { title: string }) => i.title)).toContain(action.title);
  });

  it("stores the recognised type with the linked meeting, so it keeps its type", async () => {
    const [row] = await tdb.database.db
      .select({ callType: t.meetings.callType, override: t.meetings.callTypeOverride })
      .from(t.meetings)
      .where(and(eq(t.meetings.tenantId, DEMO_TENANT_ID), eq(t.meetings.chatId, "19:meeting_riverbend_9dec@thread.v2")));
    expect(row).toEqual({ callType: "customer_status", override: null });
  });

  it("the previous call's recap names the next call of its type: 2 Dec, not 9 Dec", async () => {
    const res = await request(app).get(`/api/meetings/${demoMeetingId("m_cust_prev")}/recap`).set("Authorization", dana);
    expect(res.status).toBe(200);
    const text = res.body.text as string;
    const nextCall = text.slice(text.lastIndexOf("NEXT CALL"));
    expect(nextCall).toContain("Wed 2 Dec 2026");
    expect(nextCall).not.toContain("9 Dec");
  });

  it("a recap is owed after the recognised-only call, and the meeting list says so", async () => {
    const follow = await request(later).get(`/api/projects/${demoProjectId()}/follow-ups`).set("Authorization", dana);
    expect(follow.status).toBe(200);
    const recaps = (follow.body.followUps as { kind: string; meetingId?: string; state: string }[]).filter((f) => f.kind === "recap");
    expect(recaps).toContainEqual(expect.objectContaining({ meetingId: customerCall, state: "due" }));
  });

  it("an override still wins, and a stored type is kept when the meeting is re-linked", async () => {
    const linked = await linkWeeklyStatus("19:meeting_riverbend_16dec@thread.v2", "2026-12-16T19:00:00.000Z", "internal_status");
    expect(linked).toMatchObject({ callType: "internal_status", overridden: true });
    const relinked = await linkWeeklyStatus("19:meeting_riverbend_16dec@thread.v2", "2026-12-16T19:00:00.000Z", null);
    expect(relinked).toMatchObject({ callType: "customer_status", overridden: false });
  });
});

describe.each(databaseKinds)("the call type picker's data on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  const dana = devAuth("dana");

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    app = buildTestApp(tdb.database);
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it("after an override, what was recognised and why is still there, and the override is marked", async () => {
    const id = demoMeetingId("m_cust");
    const put = await request(app).put(`/api/meetings/${id}/call-type`).set("Authorization", dana).send({ callType: "triage" });
    expect(put.status).toBe(200);
    const res = await request(app).get(`/api/meetings/${id}`).set("Authorization", dana);
    expect(res.body).toMatchObject({ callType: "triage", overridden: true, reasons: ["Set by a user"] });
    expect(res.body.recognised).toMatchObject({ callType: "customer_status", callTypeLabel: "Customer status call" });
    expect(res.body.recognised.reasons.join(" ")).toMatch(/Customer domain riverbendutilities\.com/);
  });
});
