import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import request from "supertest";
import type { Express } from "express";
import { SignJWT } from "jose";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, devAuth } from "../../support/testApp";
import { issueStageTicket, stageTicketExpiry, verifyStageTicket } from "../../../server/services/stage/stageTicket";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import { TEST_NOW } from "../../support/constants";

// The stage ticket: read-only, customer-safe, one meeting, short-lived; the only credential
// accepted outside a header, and only on the stage endpoints.

const INTERNAL_NOTE = "Internal only: Meridian is understaffed, escalate via Helen";
const PUBLIC_NOTE = "Path to green agreed with Rachel";
const INTERNAL_RAID = "Ask product for multi-account autopay enhancement";

describe.each(databaseKinds)("stage ticket on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  let ticket = "";
  const dana = devAuth("dana");
  const cust = demoMeetingId("m_cust");
  const steer = demoMeetingId("m_steer");

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    app = buildTestApp(tdb.database);
    const post = (path: string, body: object) => request(app).post(`/api/meetings/${cust}${path}`).set("Authorization", dana).send(body);
    await post("/notes", { id: randomUUID(), agendaItemKey: "rag", body: PUBLIC_NOTE });
    await post("/notes", { id: randomUUID(), agendaItemKey: "rag", body: INTERNAL_NOTE, internalOnly: true });
    const issued = await request(app).post(`/api/meetings/${cust}/stage-ticket`).set("Authorization", dana).send({});
    expect(issued.status).toBe(201);
    ticket = issued.body.ticket;
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it("is issued by an internal member, for the meeting, until 15 minutes after it ends", async () => {
    const res = await request(app).post(`/api/meetings/${cust}/stage-ticket`).set("Authorization", dana).send({});
    expect(res.status).toBe(201);
    const meeting = await request(app).get(`/api/meetings/${cust}`).set("Authorization", dana);
    expect(res.body).toMatchObject({ meetingId: cust, agendaPath: `/api/stage/${cust}/agenda`, capturePath: `/api/stage/${cust}/capture` });
    expect(res.body.expiresAt).toBe(stageTicketExpiry(TEST_NOW, new Date(meeting.body.endsAt)).toISOString());
  });

  it.each([
    ["the customer (Rachel)", devAuth("rachel"), 403],
    ["a vendor", devAuth("steve"), 403],
    ["a non-member", devAuth("kevin"), 403],
  ])("is refused to %s", async (_who, auth, status) => {
    const res = await request(app).post(`/api/meetings/${cust}/stage-ticket`).set("Authorization", auth).send({});
    expect(res.status).toBe(status);
  });

  // One rule for every POST that takes no input (contracts/common.ts emptyBody): no body, or {}.
  it("takes no body, or an empty JSON object, like the other no-input POSTs", async () => {
    const bare = await request(app).post(`/api/meetings/${cust}/stage-ticket`).set("Authorization", dana);
    expect(bare.status).toBe(201);
    expect(bare.body.meetingId).toBe(cust);
    const empty = await request(app).post(`/api/meetings/${cust}/stage-ticket`).set("Authorization", dana).set("Content-Type", "application/json").send("{}");
    expect(empty.status).toBe(201);
    expect(empty.body.meetingId).toBe(cust);
  });

  it.each([
    ["a key", { json: '{"x":1}', type: "application/json" }],
    ["the meeting id", { json: JSON.stringify({ meetingId: demoMeetingId("m_cust") }), type: "application/json" }],
    ["a text body", { json: "x=1", type: "text/plain" }],
  ])("refuses a body with %s, naming the body", async (_what, body) => {
    const res = await request(app).post(`/api/meetings/${cust}/stage-ticket`).set("Authorization", dana).set("Content-Type", body.type).send(body.json);
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual(["body: must be empty or an empty JSON object"]);
  });

  it("is refused for an internal meeting, and without sign-in", async () => {
    expect((await request(app).post(`/api/meetings/${demoMeetingId("m_int")}/stage-ticket`).set("Authorization", dana).send({})).status).toBe(403);
    expect((await request(app).post(`/api/meetings/${cust}/stage-ticket`).send({})).status).toBe(401);
  });

  it("lets an anonymous guest read the customer-safe agenda and capture of that meeting, uncached", async () => {
    const agenda = await request(app).get(`/api/stage/${cust}/agenda?ticket=${ticket}`);
    expect(agenda.status).toBe(200);
    expect(agenda.body.callType).toBe("customer_status");
    expect(agenda.body.totalMinutes).toBe(45);
    expect(agenda.text).toContain("Path to green: Meridian installs 22.4");
    expect(agenda.text).not.toContain(INTERNAL_RAID);
    expect(agenda.headers["cache-control"]).toBe("no-store");
    expect(agenda.headers["referrer-policy"]).toBe("no-referrer");
    const capture = await request(app).get(`/api/stage/${cust}/capture`).set("Authorization", `Stage ${ticket}`);
    expect(capture.status).toBe(200);
    expect(capture.text).toContain(PUBLIC_NOTE);
    expect(capture.text).not.toContain(INTERNAL_NOTE);
    expect(capture.body.people).toBeUndefined();
  });

  it("holds for that meeting only", async () => {
    expect((await request(app).get(`/api/stage/${steer}/agenda?ticket=${ticket}`)).status).toBe(403);
    expect((await request(app).get(`/api/stage/${steer}/capture?ticket=${ticket}`)).status).toBe(403);
  });

  it.each([
    ["GET capture with ?ticket=", (t: string) => request(app).get(`/api/meetings/${cust}/capture?ticket=${t}`)],
    ["GET capture with ?auth=", (t: string) => request(app).get(`/api/meetings/${cust}/capture?auth=${t}`)],
    ["GET agenda with Authorization: Stage", (t: string) => request(app).get(`/api/meetings/${cust}/agenda`).set("Authorization", `Stage ${t}`)],
    ["GET agenda with Authorization: Bearer", (t: string) => request(app).get(`/api/meetings/${cust}/agenda`).set("Authorization", `Bearer ${t}`)],
    ["GET recap", (t: string) => request(app).get(`/api/meetings/${cust}/recap?ticket=${t}`)],
    ["GET events (SSE)", (t: string) => request(app).get(`/api/meetings/${cust}/events?ticket=${t}`)],
    ["POST a note", (t: string) => request(app).post(`/api/meetings/${cust}/notes?ticket=${t}`).send({ id: randomUUID(), agendaItemKey: "rag", body: "x" })],
    ["POST another stage ticket", (t: string) => request(app).post(`/api/meetings/${cust}/stage-ticket?ticket=${t}`)],
  ])("is refused everywhere else: %s answers 401", async (_what, call) => {
    expect((await call(ticket)).status).toBe(401);
  });

  it("is read-only: a write to the stage finds no route that takes the ticket (401)", async () => {
    const res = await request(app).post(`/api/stage/${cust}/capture?ticket=${ticket}`).send({});
    expect(res.status).toBe(401);
  });

  it.each([
    ["no ticket", ""],
    ["a malformed ticket", "not-a-jwt"],
    ["a ticket signed with another key", "forged"],
    ["an unsigned ticket (alg none)", "none"],
  ])("refuses %s with 401", async (_what, which) => {
    let t = which;
    if (which === "forged") t = await issueStageTicket(new TextEncoder().encode("x".repeat(32)), { tenantId: DEMO_TENANT_ID, meetingId: cust }, TEST_NOW, new Date(TEST_NOW.getTime() + 3_600_000));
    if (which === "none") {
      const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
      t = `${enc({ alg: "none", typ: "JWT" })}.${enc({ tid: DEMO_TENANT_ID, mid: cust, scope: "stage:read", iss: "callbook", aud: "callbook-stage" })}.`;
    }
    const res = await request(app).get(`/api/stage/${cust}/capture${t ? `?ticket=${t}` : ""}`);
    expect(res.status).toBe(401);
  });
});

describe("stage ticket signing", () => {
  const secret = new TextEncoder().encode("s".repeat(40));
  const claims = { tenantId: DEMO_TENANT_ID, meetingId: "3f1f1c9e-0000-4000-8000-000000000001" };

  it("expires: valid before expiry, 401 'expired' after", async () => {
    const expiresAt = new Date(TEST_NOW.getTime() + 20 * 60_000);
    const t = await issueStageTicket(secret, claims, TEST_NOW, expiresAt);
    await expect(verifyStageTicket(secret, t, claims.meetingId, new Date(TEST_NOW.getTime() + 19 * 60_000))).resolves.toEqual({ ...claims, expiresAt });
    await expect(verifyStageTicket(secret, t, claims.meetingId, new Date(TEST_NOW.getTime() + 21 * 60_000))).rejects.toMatchObject({ status: 401, message: "The stage ticket has expired" });
  });

  it("refuses a token of the right key but another purpose (no stage scope)", async () => {
    const other = await new SignJWT({ tid: claims.tenantId, mid: claims.meetingId })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("callbook")
      .setAudience("callbook-stage")
      .setExpirationTime(Math.floor(TEST_NOW.getTime() / 1000) + 600)
      .sign(secret);
    await expect(verifyStageTicket(secret, other, claims.meetingId, TEST_NOW)).rejects.toMatchObject({ status: 401 });
  });

  it("lives 15 minutes past the meeting's end, at least 15 minutes and at most 4 hours", () => {
    const now = new Date("2026-11-24T15:00:00Z");
    expect(stageTicketExpiry(now, new Date("2026-11-24T15:45:00Z")).toISOString()).toBe("2026-11-24T16:00:00.000Z");
    expect(stageTicketExpiry(now, new Date("2026-11-24T14:00:00Z")).toISOString()).toBe("2026-11-24T15:15:00.000Z");
    expect(stageTicketExpiry(now, new Date("2026-11-25T15:00:00Z")).toISOString()).toBe("2026-11-24T19:00:00.000Z");
  });
});
