import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import pino from "pino";
import request from "supertest";
import { sql } from "drizzle-orm";
import { openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { demoMeetingId, devAuth } from "../../support/testApp";
import { TEST_NOW } from "../../support/constants";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import { createApp } from "../../../server/app";
import { devAuthenticator } from "../../../server/auth/devSignIn";
import { createLocalBus } from "../../../server/live/liveBus";
import type { MailCalendarGateway } from "../../../server/graph/MailCalendarGateway";

// Issue 13 §8: a failed import logged the whole SQL statement with its parameters (a 482 KB line
// of customer task names). A database error is logged by its cause and codes, never row data.
describe("database errors in the log", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase("pglite");
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it("an unhandled failing query logs its SQLSTATE and cause, not its statement, parameters or row", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "info" }, new Writable({ write: (c: Buffer, _e, cb) => (lines.push(c.toString()), cb()) }));
    const secret = `Customer task: migrate Acme's payroll ${randomUUID()}`;
    // A gateway whose work fails in the database the way a bulk write does: a NOT NULL violation
    // on a statement whose parameters are customer content.
    const failing = {
      sendRecap: async () => {
        await tdb.database.db.execute(sql`insert into people (id, tenant_id, name, email, organisation) values (${randomUUID()}, ${"t"}, ${secret}, ${null}, ${"customer"})`);
        throw new Error("unreachable");
      },
    } as unknown as MailCalendarGateway;
    const app = createApp({
      database: tdb.database, logger, clock: () => TEST_NOW, authenticators: [devAuthenticator(tdb.database.db)], isReady: () => true,
      devSignIn: true, bus: createLocalBus(), mail: () => failing, mailMode: "outbox",
    });
    const res = await request(app).post(`/api/meetings/${demoMeetingId("m_cust")}/recap/send`).set("Authorization", devAuth("dana")).send({ id: randomUUID(), sendBeforeStart: true });
    expect(res.status).toBe(500);
    const all = lines.join("");
    expect(all).toContain('"unhandled error"');
    expect(all).toContain('"code":"23502"');
    expect(all).toContain("database query failed");
    expect(all).not.toContain(secret);
    expect(all).not.toContain("insert into people");
    expect(all).not.toContain("Failing row");
    // Both the route's error line (req.log, bound to the tenant on first use) and the completion line name the tenant.
    const parsed = lines.map((l) => JSON.parse(l) as { msg?: string; tenantId?: string; res?: { statusCode?: number } });
    expect(parsed.find((l) => l.msg === "unhandled error")?.tenantId).toBe(DEMO_TENANT_ID);
    expect(parsed.find((l) => l.res?.statusCode === 500)?.tenantId).toBe(DEMO_TENANT_ID);
  });
});
