import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import request from "supertest";
import type { Express } from "express";
import { openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, devAuth } from "../../support/testApp";
import { loadConfig } from "../../../server/config";

// Issue 13 §7: the dev credential is predictable, so everything around it must hold: a loopback
// Host (DNS rebinding sends the attacker's name), the app's own Origin (a cross-site text/plain
// POST changed state), the header only (never ?auth=), and off on a shared database by default.
describe("dev sign-in guards", () => {
  let tdb: TestDatabase;
  let app: Express;
  const meeting = demoMeetingId("m_cust");
  beforeAll(async () => {
    tdb = await openTestDatabase("pglite");
    app = buildTestApp(tdb.database);
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it.each(["rebound.attacker.example", "rebound.attacker.example:53000", "192.168.1.20:53000"])("a request with Host %s lists no credentials and is not signed in", async (host) => {
    const people = await request(app).get("/api/session/dev-people").set("Host", host);
    expect(people.status).toBe(403);
    expect(people.body.error.message).toBe("Dev sign-in is only accepted at localhost or 127.0.0.1");
    expect(people.body.people).toBeUndefined();
    const me = await request(app).get("/api/me").set("Host", host).set("Authorization", devAuth("dana"));
    expect(me.status).toBe(403);
  });

  it.each(["localhost:53000", "127.0.0.1:53000", "[::1]:5173"])("Host %s (this machine) is accepted", async (host) => {
    expect((await request(app).get("/api/me").set("Host", host).set("Authorization", devAuth("dana"))).status).toBe(200);
  });

  it.each([
    ["a cross-site page", { Origin: "https://attacker.example" }],
    ["another local port", { Origin: "http://127.0.0.1:8080" }],
    ["a cross-site fetch metadata", { "Sec-Fetch-Site": "cross-site" }],
  ])("a text/plain POST from %s changes nothing", async (_label, headers) => {
    const id = randomUUID();
    const res = await request(app)
      .post(`/api/meetings/${meeting}/items`)
      .set("Host", "127.0.0.1:53000")
      .set(headers)
      .set("Authorization", devAuth("dana"))
      .set("Content-Type", "text/plain")
      .send(JSON.stringify({ id, kind: "action", title: "Planted by another site" }));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe("Dev sign-in is only accepted from Callbook's own pages");
    const capture = await request(app).get(`/api/meetings/${meeting}/capture`).set("Authorization", devAuth("dana"));
    expect(JSON.stringify(capture.body)).not.toContain("Planted by another site");
  });

  it("the app's own origin is accepted", async () => {
    const res = await request(app).get("/api/me").set("Host", "127.0.0.1:53000").set("Origin", "http://127.0.0.1:53000").set("Sec-Fetch-Site", "same-origin").set("Authorization", devAuth("dana"));
    expect(res.status).toBe(200);
  });

  it.each(["/api/me", `/api/meetings/${meeting}/events`])("the credential in the URL (%s?auth=) is not accepted", async (path) => {
    const res = await request(app).get(`${path}?auth=${encodeURIComponent(devAuth("dana"))}`);
    expect(res.status).toBe(401);
  });

  it("is off on a PostgreSQL DATABASE_URL unless asked for, and on for the embedded default", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://callbook@db.internal:5432/callbook" }).DEV_SIGN_IN).toBe(false);
    expect(loadConfig({ DATABASE_URL: "postgres://callbook@127.0.0.1:5432/callbook", DEV_SIGN_IN: "true" }).DEV_SIGN_IN).toBe(true);
    expect(loadConfig({}).DEV_SIGN_IN).toBe(true);
  });

  it("a production start on a shared database needs the stage-ticket key every instance shares", () => {
    const shared = { NODE_ENV: "production", DATABASE_URL: "postgres://callbook@db.internal:5432/callbook" };
    expect(() => loadConfig(shared)).toThrow("STAGE_TICKET_SECRET is required in production with DATABASE_URL (every instance must sign stage tickets with the same key)");
    expect(() => loadConfig({ ...shared, STAGE_TICKET_SECRET: "k".repeat(32) })).not.toThrow();
  });
});
