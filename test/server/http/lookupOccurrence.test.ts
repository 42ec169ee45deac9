import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import request from "supertest";
import type { Express } from "express";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, devAuth } from "../../support/testApp";
import { createDemoWeeklySeries } from "../../support/demoSeries";
import { seedDemo } from "../../../server/db/demo/seedDemo";

// Every occurrence of a series shares its iCalUId. The Outlook pane opened on one occurrence sends
// that iCalUId with the occurrence's own start (Office.js item.start): the occurrence found is the
// one at that start, not the one nearest today. Occurrences from the Eastern fixture (issue 14).

const SEEDED_AT = new Date("2026-11-29T15:00:00.000Z");
const TODAY = new Date("2027-03-01T12:00:00.000Z");
const eastern = JSON.parse(readFileSync(join(import.meta.dirname, "../../fixtures/realworld/time-zones/graph-event-eastern.json"), "utf8")) as {
  instancesPreferUtc: { value: { start: { dateTime: string } }[] };
};
const starts = eastern.instancesPreferUtc.value.map((i) => new Date(`${i.start.dateTime.slice(0, 19)}Z`).toISOString());

describe.each(databaseKinds)("the Outlook lookup of one occurrence of a series on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  let iCalUId: string;
  const dana = devAuth("dana");
  const subject = "Placeholder weekly status (occurrences)";
  const lookup = (query: Record<string, string>) => request(app).get("/api/meetings/lookup").query(query).set("Authorization", dana);

  beforeAll(async () => {
    tdb = await openTestDatabase(kind, { seed: false });
    await seedDemo(tdb.database, { now: SEEDED_AT });
    app = buildTestApp(tdb.database, { now: TODAY });
    iCalUId = await createDemoWeeklySeries(app, dana, subject);
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it.each(starts.map((s, k) => [k + 1, s] as const))("occurrence %i (%s): its iCalUId and start find that occurrence", async (_k, start) => {
    const res = await lookup({ iCalUId, subject, start });
    expect(res.status).toBe(200);
    expect(res.body.matchedBy).toBe("iCalUId");
    expect(res.body.meeting).toMatchObject({ subject, startsAt: start });
  });

  it("an occurrence moved by Outlook (an hour later) is still the nearest one", async () => {
    const moved = new Date(Date.parse(starts[2] ?? "") + 3_600_000).toISOString();
    const res = await lookup({ iCalUId, subject, start: moved });
    expect(res.body).toMatchObject({ matchedBy: "iCalUId", meeting: { startsAt: starts[2] } });
  });

  it("with no start, the occurrence nearest today is meant", async () => {
    const res = await lookup({ iCalUId });
    expect(res.body).toMatchObject({ matchedBy: "iCalUId", meeting: { startsAt: starts[0] } });
  });
});
