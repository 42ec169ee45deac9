import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, demoProjectId, devAuth } from "../../support/testApp";
import { panelDates } from "../../../src/features/panel/dates/panelDates";
import { triageSlotText } from "../../../src/features/panel/dates/triageSlotText";

// Issue 14 §2: the triage slot ("10–11 am Eastern", the same for everyone) reaches the panel, the
// Outlook pane and the series page as the instants of the call's own week, which each viewer's
// screen writes in their zone. Other calls carry none.
describe.each(databaseKinds)("the triage slot in each viewer's zone on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  const dana = devAuth("dana");
  const inZone = (slots: { startsAt: string; endsAt: string }[], timeZone: string) => triageSlotText(slots, panelDates({ locale: "en-GB", timeZone }));

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    app = buildTestApp(tdb.database);
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it("a triage call's detail gives its week's slot: Kolkata reads 20:30–21:30, London 15:00–16:00; a customer call gives none", async () => {
    const triage = await request(app).get(`/api/meetings/${demoMeetingId("m_triage")}`).set("Authorization", dana);
    expect(triage.status).toBe(200);
    expect(triage.body.triageSlot).toHaveLength(2);
    // The slot holds the call itself.
    expect(triage.body.triageSlot.map((s: { startsAt: string }) => s.startsAt)).toContain(new Date(triage.body.startsAt).toISOString());
    // The demo is seeded in November (EST): 10–11 New York is 15:00–16:00Z.
    expect(inZone(triage.body.triageSlot, "Asia/Kolkata")).toBe("Tue and Thu, 20:30–21:30");
    expect(inZone(triage.body.triageSlot, "Europe/London")).toBe("Tue and Thu, 15:00–16:00");

    const customer = await request(app).get(`/api/meetings/${demoMeetingId("m_cust")}`).set("Authorization", dana);
    expect(customer.body.triageSlot).toBeNull();
  });

  it("the triage series draft (series page, Outlook pane) gives the slot of its first week; in a DST week London reads 14:00–15:00", async () => {
    const draft = await request(app).get(`/api/projects/${demoProjectId()}/series/draft?callType=triage&from=2027-03-15`).set("Authorization", dana);
    expect(draft.status).toBe(200);
    expect(draft.body.triageSlot).toEqual([
      { startsAt: "2027-03-16T14:00:00.000Z", endsAt: "2027-03-16T15:00:00.000Z" },
      { startsAt: "2027-03-18T14:00:00.000Z", endsAt: "2027-03-18T15:00:00.000Z" },
    ]);
    expect(inZone(draft.body.triageSlot, "Europe/London")).toBe("Tue and Thu, 14:00–15:00");
    expect(inZone(draft.body.triageSlot, "Asia/Kolkata")).toBe("Tue and Thu, 19:30–20:30");
    const customer = await request(app).get(`/api/projects/${demoProjectId()}/series/draft?callType=customer_status&from=2027-03-15`).set("Authorization", dana);
    expect(customer.body.triageSlot).toBeNull();
  });
});
