import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { isNotNull } from "drizzle-orm";
import * as t from "../../../server/db/tables";
import type { AppDeps } from "../../../server/appDeps";
import { devAuthenticator } from "../../../server/auth/devSignIn";
import { createLocalBus } from "../../../server/live/liveBus";
import { localOutboxMail } from "../../../server/graph/mailFactory";
import { startInProcessJobs } from "../../../server/services/jobs/startInProcessJobs";
import type { RunningJobs } from "../../../server/services/jobs/startJobs";
import { openTestDatabase, type TestDatabase } from "../../support/testDatabase";

// The embedded database's jobs (an in-process timer, every 15 minutes): a server (re)started with
// digests already owed sends them right away, not at the first tick up to 15 minutes later.

/** Polls until `check` is true (the runner is asynchronous); 60 s for a slow shared machine. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 240; i += 1) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("timed out waiting for the job");
}

describe("in-process jobs on PGlite", () => {
  let tdb: TestDatabase;
  let jobs: RunningJobs | null = null;
  // A Monday, 09:00 in New York: Alicia Grant's action is past due, so her digest is owed.
  const now = new Date("2026-11-23T14:00:00Z");

  beforeAll(async () => {
    tdb = await openTestDatabase("pglite");
  });
  afterAll(async () => {
    await jobs?.stop();
    await tdb?.drop();
  });

  it("a digest owed before the start is sent right after the start, with no tick and no queued run", { timeout: 90_000 }, async () => {
    const deps: AppDeps = {
      database: tdb.database,
      logger: pino({ level: "silent" }),
      clock: () => now,
      authenticators: [devAuthenticator(tdb.database.db)],
      isReady: () => true,
      devSignIn: true,
      bus: createLocalBus(),
      mail: localOutboxMail(tdb.database.db, () => now),
      mailMode: "outbox",
    };
    const digests = () => tdb.database.db.select().from(t.outboxItems).where(isNotNull(t.outboxItems.reminderPersonId));
    expect(await digests()).toEqual([]);
    jobs = startInProcessJobs(deps, { linkSecret: "s".repeat(32), baseUrl: "https://callbook.example" });
    await until(async () => (await digests()).some((d) => d.status === "sent"));
    const sent = await digests();
    expect(sent.map((d) => d.reminderLocalDate)).toEqual(expect.arrayContaining(["2026-11-23"]));
    expect(JSON.stringify(sent)).toContain("Alicia Grant");
  });
});
