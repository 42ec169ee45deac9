import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, demoProjectId, devAuth } from "../../support/testApp";
import { seedDemo } from "../../../server/db/demo/seedDemo";
import { TEST_NOW } from "../../support/constants";

const OTHER_TENANT = "0b7e5c1d-2f3a-4e5b-8c9d-0000000000b2";

describe.each(databaseKinds)("meetings API on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    await seedDemo(tdb.database, { now: TEST_NOW, tenantId: OTHER_TENANT, label: "Other tenant " });
    app = buildTestApp(tdb.database);
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it("answers health and readiness", async () => {
    expect((await request(app).get("/healthz")).body).toEqual({ status: "ok" });
    const ready = await request(app).get("/readyz");
    expect(ready.status).toBe(200);
    expect(ready.body.database).toBe(kind);
  });

  it("refuses an unauthenticated call with a clear error body", async () => {
    const res = await request(app).get("/api/meetings");
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: "unauthorized", message: "Sign-in required" } });
  });

  it("lists the PM's upcoming calls, one of every call type, in time order", async () => {
    const res = await request(app).get("/api/meetings").set("Authorization", devAuth("dana"));
    expect(res.status).toBe(200);
    const subjects: string[] = res.body.meetings.map((m: { subject: string }) => m.subject);
    expect(subjects).toContain("Riverbend weekly status");
    expect(subjects).toContain("Riverbend steering committee");
    expect(subjects).not.toContain("Other tenant Riverbend weekly status");
    const starts = res.body.meetings.map((m: { startsAt: string }) => Date.parse(m.startsAt));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(starts.every((s: number) => s >= TEST_NOW.getTime() - 3 * 3_600_000)).toBe(true);
  });

  it("shows a meeting with its project header: RAG and days to go-live", async () => {
    const res = await request(app).get(`/api/meetings/${demoMeetingId("m_cust")}`).set("Authorization", devAuth("dana"));
    expect(res.status).toBe(200);
    expect(res.body.subject).toBe("Riverbend weekly status");
    expect(res.body.project).toMatchObject({ rag: "amber", daysToGoLive: 42, customerName: "Riverbend Utilities" });
    expect(res.body.project.pathToGreen).toMatch(/Meridian installs 22.4/);
  });

  it("answers 400 with field: message for a malformed id", async () => {
    const res = await request(app).get("/api/meetings/not-a-uuid").set("Authorization", devAuth("dana"));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.message).toBe("id: must be a valid id");
  });

  it("does not disclose another tenant's meeting (404)", async () => {
    const res = await request(app)
      .get(`/api/meetings/${demoMeetingId("m_cust", OTHER_TENANT)}`)
      .set("Authorization", devAuth("dana"));
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });

  it("refuses a person of the tenant who is not on the project (403)", async () => {
    // Kevin Wu is a backup PM in the directory but not a member of the project.
    const res = await request(app).get(`/api/projects/${demoProjectId()}`).set("Authorization", devAuth("kevin"));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe("You are not a member of this project");
  });

  it("refuses a dev credential for a person of another tenant", async () => {
    const forged = `Dev ${OTHER_TENANT}.${devAuth("dana").split(".")[1]}`;
    const res = await request(app).get("/api/meetings").set("Authorization", forged);
    expect(res.status).toBe(401);
  });

  it("answers unknown API routes with a 404 error body", async () => {
    const res = await request(app).get("/api/nope").set("Authorization", devAuth("dana"));
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ code: "not_found", message: "Route not found" });
  });

  it("finds an Outlook appointment's meeting by join link, even with extra link parameters, then by subject and start", async () => {
    const exact = await request(app)
      .get("/api/meetings/lookup")
      .query({ joinUrl: "https://teams.microsoft.com/l/meetup-join/19%3ameeting_m_cust%40thread.v2/0" })
      .set("Authorization", devAuth("dana"));
    expect(exact.body).toMatchObject({ matchedBy: "joinUrl", meeting: { subject: "Riverbend weekly status" } });
    const decorated = await request(app)
      .get("/api/meetings/lookup")
      .query({ joinUrl: "https://teams.microsoft.com/l/meetup-join/19%3Ameeting_m_steer%40thread.v2/0?context=%7b%22Tid%22%3a%22x%22%7d" })
      .set("Authorization", devAuth("dana"));
    expect(decorated.body).toMatchObject({ matchedBy: "joinUrl", meeting: { subject: "Riverbend steering committee" } });
    const detail = await request(app).get(`/api/meetings/${demoMeetingId("m_int")}`).set("Authorization", devAuth("dana"));
    const bySubject = await request(app)
      .get("/api/meetings/lookup")
      .query({ subject: "Riverbend internal status", start: detail.body.startsAt })
      .set("Authorization", devAuth("dana"));
    expect(bySubject.body).toMatchObject({ matchedBy: "subjectAndStart", meeting: { id: demoMeetingId("m_int") } });
    const none = await request(app).get("/api/meetings/lookup").query({ subject: "Lunch", start: "2026-11-20T12:00:00Z" }).set("Authorization", devAuth("dana"));
    expect(none.body).toEqual({ meeting: null, matchedBy: null });
    const bad = await request(app).get("/api/meetings/lookup").set("Authorization", devAuth("dana"));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("body: give joinUrl, joinMeetingId, iCalUId, or subject and start");
  });

  it("answers 400 for a body that is not JSON, saving nothing", async () => {
    const res = await request(app)
      .put(`/api/meetings/${demoMeetingId("m_cust")}/call-type`)
      .set("Authorization", devAuth("dana"))
      .set("Content-Type", "application/json")
      .send("{not json");
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe("Request body is not valid JSON");
  });
});
