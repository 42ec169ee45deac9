import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import { and, eq } from "drizzle-orm";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, demoProjectId, devAuth } from "../../support/testApp";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import { demoId, seedDemo } from "../../../server/db/demo/seedDemo";
import * as t from "../../../server/db/tables";

/** The demo: seeded on Sun 29 Nov 2026; Marcus Lee (IM) is out 5–9 Dec, Jordan Blake is his backup. */
const SEEDED_AT = new Date("2026-11-29T15:00:00.000Z");

// The attendee list's "out of office on …" is the call's date as the viewer reads it (their own
// zone), not the UTC date of its start: a call at 23:30 New York on Wed 9 Dec starts on 10 Dec
// in UTC, the day Marcus is back.
describe.each(databaseKinds)("attendee warnings name the call's date in the viewer's zone on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  const dana = devAuth("dana");
  const person = (key: string) => and(eq(t.people.tenantId, DEMO_TENANT_ID), eq(t.people.id, demoId(`person_${key}`)));

  beforeAll(async () => {
    tdb = await openTestDatabase(kind, { seed: false });
    await seedDemo(tdb.database, { now: SEEDED_AT });
    app = buildTestApp(tdb.database, { now: SEEDED_AT });
    const { db } = tdb.database;
    // The customer call moved to Wed 9 Dec, 23:30–00:00 New York (04:30Z on Thu 10 Dec).
    await db
      .update(t.meetings)
      .set({ startsAt: "2026-12-10T04:30:00.000Z", endsAt: "2026-12-10T05:00:00.000Z" })
      .where(and(eq(t.meetings.tenantId, DEMO_TENANT_ID), eq(t.meetings.id, demoMeetingId("m_cust"))));
    // Jordan, Marcus's backup, is out that week too: Marcus's absence becomes a warning.
    await db.update(t.people).set({ oooFrom: "2026-12-07", oooUntil: "2026-12-11" }).where(person("jordan"));
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  const attendees = async () => {
    const res = await request(app).get(`/api/meetings/${demoMeetingId("m_cust")}/attendees`).set("Authorization", dana);
    expect(res.status).toBe(200);
    return res.body as { warnings: string[]; optional: { name: string; reason: string }[] };
  };

  it("a PM in New York reads Wed 9 Dec, not the UTC date", async () => {
    await tdb.database.db.update(t.people).set({ timeZone: "America/New_York", timeZoneSource: "entered" }).where(person("dana"));
    const body = await attendees();
    expect(body.warnings).toContain("Marcus Lee (IM) is out of office on Wed 9 Dec 2026 and so is the backup, Jordan Blake");
    expect(body.optional.find((p) => p.name === "Marcus Lee")?.reason).toMatch(/out of office on Wed 9 Dec 2026$/);
    expect(JSON.stringify(body)).not.toContain("2026-12-10");
  });

  it("a PM in Kolkata, where the call is on Thu 10 Dec at 10:00, reads Thu 10 Dec", async () => {
    await tdb.database.db.update(t.people).set({ timeZone: "Asia/Kolkata", timeZoneSource: "entered" }).where(person("dana"));
    const body = await attendees();
    expect(body.warnings).toContain("Marcus Lee (IM) is out of office on Thu 10 Dec 2026 and so is the backup, Jordan Blake");
  });

  it("the series draft keeps each occurrence's own local date, written the same way", async () => {
    const res = await request(app)
      .get(`/api/projects/${demoProjectId()}/series/draft`)
      .query({ callType: "customer_status", from: "2026-12-02", weekday: "wednesday", startTime: "23:30", durationMinutes: 30, timeZone: "America/New_York" })
      .set("Authorization", dana);
    expect(res.status).toBe(200);
    expect((res.body.warnings as string[]).join("\n")).toMatch(/Marcus Lee \(IM\) is out of office for the occurrence of Wed 9 Dec 2026/);
    expect(JSON.stringify(res.body.warnings)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
