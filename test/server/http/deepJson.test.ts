import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import { openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, demoProjectId, devAuth } from "../../support/testApp";

// Issue 13 §8: a 5,000-deep JSON body answered 500 (stack overflow in the request validator).
describe("deeply nested JSON bodies", () => {
  let tdb: TestDatabase;
  let app: Express;
  beforeAll(async () => {
    tdb = await openTestDatabase("pglite");
    app = buildTestApp(tdb.database);
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  const deepObject = `${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`;
  const deepArray = `${"[".repeat(5000)}${"]".repeat(5000)}`;
  const deepField = `{"id":"00000000-0000-4000-8000-000000000001","kind":"action","title":${"[".repeat(5000)}"x"${"]".repeat(5000)}}`;

  it.each([
    ["objects", `/api/meetings/${demoMeetingId("m_cust")}/items`, deepObject, "a.a.a: is nested more than 32 levels deep"],
    ["arrays", `/api/meetings/${demoMeetingId("m_cust")}/notes`, deepArray, "0.0.0: is nested more than 32 levels deep"],
    ["in a field", `/api/meetings/${demoMeetingId("m_cust")}/items`, deepField, "title.0.0: is nested more than 32 levels deep"],
    ["on a workspace route", `/api/projects/${demoProjectId()}/raid`, deepObject, "a.a.a: is nested more than 32 levels deep"],
  ])("5,000 levels of %s answer 400 naming the field", async (_label, path, body, message) => {
    const res = await request(app).post(path).set("Authorization", devAuth("dana")).set("Content-Type", "application/json").send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(message);
  });
});
