import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import pino from "pino";
import request from "supertest";
import { openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { demoMeetingId, devAuth } from "../../support/testApp";
import { createApp } from "../../../server/app";
import { devAuthenticator } from "../../../server/auth/devSignIn";
import { createLocalBus } from "../../../server/live/liveBus";
import { localOutboxMail } from "../../../server/graph/mailFactory";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import { TEST_NOW } from "../../support/constants";

describe("structured request logs", () => {
  let tdb: TestDatabase;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    tdb = await openTestDatabase("pglite");
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it("carry the request id and tenant id, and never the credential or what was said in the meeting", async () => {
    const logger = pino({ level: "info" }, new Writable({ write: (c: Buffer, _e, cb) => (lines.push(JSON.parse(c.toString()) as Record<string, unknown>), cb()) }));
    const app = createApp({
      database: tdb.database, logger, clock: () => TEST_NOW, authenticators: [devAuthenticator(tdb.database.db)], isReady: () => true,
      devSignIn: true, bus: createLocalBus(), mail: localOutboxMail(tdb.database.db, () => TEST_NOW), mailMode: "outbox",
    });
    const secretTitle = "Customer may churn if UAT slips again";
    const res = await request(app)
      .post(`/api/meetings/${demoMeetingId("m_cust")}/items?auth=${encodeURIComponent(devAuth("dana"))}`)
      .set("Authorization", devAuth("dana"))
      .set("x-request-id", "req-12345")
      .send({ id: randomUUID(), kind: "risk", title: secretTitle });
    expect(res.status).toBe(201);
    expect(res.headers["x-request-id"]).toBe("req-12345");
    const done = lines.find((l) => (l.req as { id?: string } | undefined)?.id === "req-12345");
    expect(done).toMatchObject({ tenantId: DEMO_TENANT_ID, req: { method: "POST", path: `/api/meetings/${demoMeetingId("m_cust")}/items` }, res: { statusCode: 201 } });
    // A repeated agenda (answered from memory, synchronously) logs its completion with the tenant too.
    for (const id of ["req-agenda-1", "req-agenda-2"]) {
      const agenda = await request(app).get(`/api/meetings/${demoMeetingId("m_cust")}/agenda`).set("Authorization", devAuth("dana")).set("x-request-id", id);
      expect(agenda.status).toBe(200);
      expect(lines.find((l) => (l.req as { id?: string } | undefined)?.id === id)).toMatchObject({ tenantId: DEMO_TENANT_ID, res: { statusCode: 200 } });
    }
    const all = JSON.stringify(lines);
    expect(all).not.toContain(secretTitle);
    expect(all).not.toContain(devAuth("dana").split(".")[1]);
  });
});
