import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import pino from "pino";
import pg from "pg";
import request from "supertest";
import { openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { demoMeetingId, devAuth } from "../../support/testApp";
import { TEST_NOW } from "../../support/constants";
import { createApp } from "../../../server/app";
import { devAuthenticator } from "../../../server/auth/devSignIn";
import { createLocalBus } from "../../../server/live/liveBus";
import type { MailCalendarGateway } from "../../../server/graph/MailCalendarGateway";

// Issue 13 §8: with PostgreSQL down writes answered 500; with the disk full they answered 500 and
// /readyz still said ready. Both are 503 with Retry-After, and readiness reflects them.
describe("storage faults during a write", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase("pglite");
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  /** An app whose recap write meets `fail()` in storage. */
  const appFailingWith = (fail: () => Promise<never>) =>
    createApp({
      database: tdb.database, logger: pino({ level: "silent" }), clock: () => TEST_NOW, authenticators: [devAuthenticator(tdb.database.db)], isReady: () => true,
      devSignIn: true, bus: createLocalBus(), mail: () => ({ sendRecap: fail }) as unknown as MailCalendarGateway, mailMode: "outbox",
    });

  it.each([
    [
      "PostgreSQL refusing connections (a real pg pool on a closed port)",
      async (): Promise<never> => {
        const pool = new pg.Pool({ connectionString: "postgres://callbook@127.0.0.1:1/callbook", connectionTimeoutMillis: 2000 });
        try {
          await pool.query("select 1");
        } finally {
          await pool.end().catch(() => undefined);
        }
        throw new Error("unreachable");
      },
      "database_unreachable",
      "The database cannot be reached; nothing was saved. Try again in a few seconds.",
    ],
    [
      "PostgreSQL shutting down (57P01)",
      async (): Promise<never> => {
        throw Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
      },
      "database_unreachable",
      "The database cannot be reached; nothing was saved. Try again in a few seconds.",
    ],
    [
      "a full disk (53100)",
      async (): Promise<never> => {
        throw new Error("Failed query: insert …", { cause: Object.assign(new Error("could not extend file: No space left on device"), { code: "53100" }) });
      },
      "disk_full",
      "The server's disk is full; nothing was saved. Try again in a few minutes.",
    ],
  ])("%s: 503 with Retry-After, and /readyz says why", async (_label, fail, code, message) => {
    const app = appFailingWith(fail);
    expect((await request(app).get("/readyz")).status).toBe(200);
    const res = await request(app).post(`/api/meetings/${demoMeetingId("m_cust")}/recap/send`).set("Authorization", devAuth("dana")).send({ id: randomUUID(), sendBeforeStart: true });
    expect(res.status).toBe(503);
    expect(res.headers["retry-after"]).toBe("5");
    expect(res.body.error).toEqual({ code, message });
    const ready = await request(app).get("/readyz");
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe(code);
    expect(ready.headers["retry-after"]).toBe("5");
  });
});
