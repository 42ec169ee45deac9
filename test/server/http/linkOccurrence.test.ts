import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoProjectId, devAuth } from "../../support/testApp";
import { createDemoWeeklySeries } from "../../support/demoSeries";
import { seedDemo } from "../../../server/db/demo/seedDemo";
import type { MeetingDetail } from "../../../contracts/meetings";

// Every occurrence of a series shares its iCalUId. Linking from Outlook sends that iCalUId with the
// appointment's own start (Office.js item.start): the occurrence linked is the one at that start,
// the look-up's rule (lookupOccurrence.test.ts), not the one nearest today.

const SEEDED_AT = new Date("2026-11-29T15:00:00.000Z");
const TODAY = new Date("2027-03-01T12:00:00.000Z");
const starts = ["2027-03-08T15:00:00.000Z", "2027-03-15T14:00:00.000Z", "2027-03-22T14:00:00.000Z"];

describe.each(databaseKinds)("linking one occurrence of a series from Outlook on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  let iCalUId: string;
  const dana = devAuth("dana");
  const subject = "Placeholder weekly status (link)";
  const link = (body: Record<string, unknown>) =>
    request(app).put("/api/meetings/link").set("Authorization", dana).send({ iCalUId, projectId: demoProjectId(), ...body });

  beforeAll(async () => {
    tdb = await openTestDatabase(kind, { seed: false });
    await seedDemo(tdb.database, { now: SEEDED_AT });
    app = buildTestApp(tdb.database, { now: TODAY });
    iCalUId = await createDemoWeeklySeries(app, dana, subject);
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it("the 22 Mar appointment's iCalUId and start link the 22 Mar call, and only it", async () => {
    const res = await link({ startsAt: starts[2], callType: "daily_status_check" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ subject, startsAt: starts[2], callType: "daily_status_check" });
    const first = await request(app).get("/api/meetings/lookup").query({ iCalUId, start: starts[0] }).set("Authorization", dana);
    expect((first.body as { meeting: MeetingDetail }).meeting).toMatchObject({ startsAt: starts[0], callType: "internal_status" });
  });

  it("an appointment moved by Outlook (an hour later) still links its own occurrence", async () => {
    const moved = new Date(Date.parse(starts[1] ?? "") + 3_600_000).toISOString();
    const res = await link({ startsAt: moved, callType: "milestone_review" });
    expect(res.body).toMatchObject({ startsAt: starts[1], callType: "milestone_review" });
  });

  it("with no start, the occurrence nearest today is linked", async () => {
    const res = await link({ callType: "vendor" });
    expect(res.body).toMatchObject({ startsAt: starts[0], callType: "vendor" });
  });
});
