import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import request from "supertest";
import type { Express } from "express";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, demoProjectId, devAuth } from "../../support/testApp";
import { seedDemo } from "../../../server/db/demo/seedDemo";
import { TEST_NOW } from "../../support/constants";

// Issue 13 §8: ids are unique across tenants. Reusing another tenant's id answered 409 on one route
// and 201 while storing nothing on another (series create). Any taken id, whoever holds it, now
// gets the same 409, and no route answers 2xx for a write that did not happen.
const OTHER_TENANT = "0b7e5c1d-2f3a-4e5b-8c9d-0000000000b2";
const TAKEN = { code: "id_taken", message: "This id cannot be used; generate a new one" };

describe.each(databaseKinds)("taken ids on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  const dana = devAuth("dana");
  const other = devAuth("dana", OTHER_TENANT);
  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    await seedDemo(tdb.database, { now: TEST_NOW, tenantId: OTHER_TENANT, label: "Other tenant " });
    app = buildTestApp(tdb.database);
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  const series = (id: string) => ({ id, callType: "triage", subject: "Triage", from: "2026-11-23", attendees: [{ email: "marcus.bell@contoso.com", name: "Marcus Bell", type: "required" }] });
  const writes: Record<string, (auth: string, id: string, tenant?: string) => request.Test> = {
    item: (auth, id, tenant) => request(app).post(`/api/meetings/${demoMeetingId("m_cust", tenant)}/items`).set("Authorization", auth).send({ id, kind: "action", title: "Taken-id check" }),
    note: (auth, id, tenant) => request(app).post(`/api/meetings/${demoMeetingId("m_cust", tenant)}/notes`).set("Authorization", auth).send({ id, agendaItemKey: "raid", body: "Taken-id check" }),
    recap: (auth, id, tenant) => request(app).post(`/api/meetings/${demoMeetingId("m_cust", tenant)}/recap/send`).set("Authorization", auth).send({ id, sendBeforeStart: true }),
    series: (auth, id, tenant) => request(app).post(`/api/projects/${demoProjectId(tenant)}/series`).set("Authorization", auth).send(series(id)),
  };
  // Items, notes and the outbox (recaps and series share it) are three id spaces.
  const crossTenant: [string, string][] = [["item", "item"], ["note", "note"], ["recap", "recap"], ["series", "series"], ["recap", "series"], ["series", "recap"]];

  it.each(crossTenant)("an id taken by another tenant's %s: creating a %s with it answers 409 and stores nothing", async (first, second) => {
    const id = randomUUID();
    const made = await writes[first]!(other, id, OTHER_TENANT);
    expect(made.status).toBe(201);
    const res = await writes[second]!(dana, id);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject(TAKEN);
    expect((await request(app).get(`/api/outbox/${id}`).set("Authorization", dana)).status).toBe(404);
  });

  it.each([["recap", "series"], ["series", "recap"]])("an id taken by my own %s: creating a %s with it answers the same 409", async (first, second) => {
    const id = randomUUID();
    expect((await writes[first]!(dana, id)).status).toBe(201);
    const res = await writes[second]!(dana, id);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject(TAKEN);
  });

  it.each(["items", "notes"])("an id of my own %s on another meeting answers the same 409", async (path) => {
    const id = randomUUID();
    const body = path === "items" ? { id, kind: "action", title: "Taken-id check" } : { id, agendaItemKey: "raid", body: "Taken-id check" };
    expect((await request(app).post(`/api/meetings/${demoMeetingId("m_cust")}/${path}`).set("Authorization", dana).send(body)).status).toBe(201);
    const res = await request(app).post(`/api/meetings/${demoMeetingId("m_cust_prev")}/${path}`).set("Authorization", dana).send(body);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject(TAKEN);
  });
});
