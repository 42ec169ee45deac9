import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import request from "supertest";
import { isNotNull } from "drizzle-orm";
import * as t from "../../../server/db/tables";
import type { AppDeps } from "../../../server/appDeps";
import { createApp } from "../../../server/app";
import { devAuthenticator } from "../../../server/auth/devSignIn";
import { createLocalBus } from "../../../server/live/liveBus";
import { localOutboxMail } from "../../../server/graph/mailFactory";
import { GraphRequestFailed } from "../../../server/graph/MailCalendarGateway";
import { startJobs, type RunningJobs } from "../../../server/services/jobs/startJobs";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { devAuth } from "../../support/testApp";

/** Polls until `check` is true (the job runner is asynchronous); 60 s for a slow shared machine. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 240; i += 1) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("timed out waiting for the job");
}

describe.each(databaseKinds)("durable jobs (pg-boss 10) on %s", (kind) => {
  let tdb: TestDatabase;
  let jobs: RunningJobs | null = null;
  let failing = false;
  const now = new Date("2026-11-23T14:00:00Z"); // a Monday, 09:00 in New York

  const depsOf = (database: TestDatabase["database"]): AppDeps => {
    const outbox = localOutboxMail(database.db, () => now);
    return {
      database,
      logger: pino({ level: process.env.JOB_DEBUG ? "debug" : "silent" }),
      clock: () => now,
      authenticators: [devAuthenticator(database.db)],
      isReady: () => true,
      devSignIn: true,
      bus: createLocalBus(),
      mail: (ctx, scope) => {
        const gateway = outbox(ctx, scope);
        return {
          ...gateway,
          sendRecap: (identity, input) => (failing ? Promise.reject(new GraphRequestFailed("sendMail", 503, "ServiceUnavailable", null)) : gateway.sendRecap(identity, input)),
        };
      },
      mailMode: "outbox",
    };
  };

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await jobs?.stop();
    await tdb?.drop();
  });

  it("installs, schedules the digest cron, runs a queued digest job, and shows a failed one in the admin view", { timeout: 150_000 }, async () => {
    const deps = depsOf(tdb.database);
    const app = createApp(deps);
    jobs = await startJobs(deps, { linkSecret: "s".repeat(32), baseUrl: "https://callbook.example", pollingIntervalSeconds: 0.5, retryLimit: 0 });
    const schedules = await tdb.database.executeSql?.("select name, cron from pgboss.schedule order by name");
    expect(schedules?.rows).toEqual([
      { name: "planner-sync", cron: "*/15 * * * *" },
      { name: "reminder-digests", cron: "*/15 * * * *" },
    ]);

    await jobs.enqueue("reminder-digests");
    const digests = () => tdb.database.db.select().from(t.outboxItems).where(isNotNull(t.outboxItems.reminderPersonId));
    await until(async () => (await digests()).some((d) => d.status === "sent"));
    expect((await digests()).map((d) => d.reminderLocalDate)).toEqual(expect.arrayContaining(["2026-11-23"]));

    // Mail is down: the job fails and the admin view shows it (the digests of today stay claimed, not doubled).
    await tdb.database.db.delete(t.outboxItems);
    failing = true;
    const failedId = await jobs.enqueue("reminder-digests");
    const admin = () => request(app).get("/api/admin/jobs").set("Authorization", devAuth("dana"));
    await until(async () => (await admin()).body.failed?.some((j: { id: string }) => j.id === failedId) ?? false);
    const view = await admin();
    expect(view.body.running).toBe(true);
    const failed = view.body.failed.find((j: { id: string }) => j.id === failedId);
    expect(failed).toMatchObject({ name: "reminder-digests", state: "failed" });
    expect(failed.error).toContain("Microsoft Graph sendMail failed: 503");
    const customer = await request(app).get("/api/admin/jobs").set("Authorization", devAuth("rachel"));
    expect(customer.status).toBe(403);
  });
});
