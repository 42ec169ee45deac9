import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, demoProjectId, devAuth } from "../../support/testApp";
import { demoId } from "../../../server/db/demo/seedDemo";
import type { Agenda, AgendaItem } from "../../../server/domain/buildAgenda";

// Issue 15 §2: each agenda line says something true of this project, at this call, drawn from
// the record it names over the period it names. The demo is seeded at TEST_NOW (Wed 18 Nov 2026).

describe.each(databaseKinds)("agenda lines true to the demo's data on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  const dana = devAuth("dana");
  const agendaOf = async (key: string): Promise<Agenda> =>
    (await request(app).get(`/api/meetings/${demoMeetingId(key)}/agenda`).set("Authorization", dana)).body as Agenda;
  const item = (a: Agenda, key: string): AgendaItem => {
    const found = a.items.find((i) => i.key === key);
    if (!found) throw new Error(`no agenda item ${key}`);
    return found;
  };

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    app = buildTestApp(tdb.database);
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it("the UAT start milestone review reviews UAT start, not SIT complete", async () => {
    const a = await agendaOf("m_milestone");
    expect(item(a, "milestone").lines.map((l) => l.text)).toEqual(["UAT start"]);
    expect(item(a, "milestone").summary).toBe('Reviewing "UAT start"');
    expect(item(a, "deliverable").lines[0]?.text).toBe("UAT environment with customer test accounts");
    expect(item(a, "sign_off").lines[0]?.text).toMatch(/^Sign-off of "UAT start" to capture/);
  });

  it("the internal round names the invited and involved, with work done since the last internal call, next up and blockers", async () => {
    const round = item(await agendaOf("m_int"), "stakeholder_updates");
    const names = round.lines.map((l) => l.text.split(" (")[0]);
    // Invited: Dana, Marcus, Priya, Tom, Owen; nobody else owns finished or blocked work.
    expect(names.sort()).toEqual(["Dana Whitfield", "Marcus Lee", "Owen Grant", "Priya Raman", "Tom Alvarez"]);
    const dana = round.lines.find((l) => l.text.startsWith("Dana Whitfield"));
    // "Export SIT results to Box" was finished yesterday, after the last internal call (3 working days ago).
    expect(dana?.detail).toMatch(/^Done: Export SIT results to Box · Next: /);
    expect(round.summary).toMatch(/^Done since the last internal call, Fri 13 Nov 2026, next up, blockers$/);
    expect(round.lines.every((l) => !/\d+ open tasks?/.test(l.detail ?? ""))).toBe(true);
  });

  it("the vendor checklist reads go-live alignment and the deliverables from the vendor record", async () => {
    const checklist = item(await agendaOf("m_vendor"), "cis_checklist");
    const details = checklist.lines.map((l) => l.detail ?? "");
    expect(details.filter((d) => d === "Not answered yet")).toHaveLength(1);
    expect(details).toContainEqual(expect.stringMatching(/^No: not aligned with our go-live date/));
    expect(details).toContainEqual(expect.stringMatching(/^3 deliverables: /));
  });

  it("the daily status check shows what each team finished today, by name", async () => {
    const before = item(await agendaOf("m_daily"), "team_updates");
    expect(before.lines.find((l) => l.text === "Our team")?.detail).toMatch(/^Done today: nothing recorded · /);
    const done = await request(app)
      .patch(`/api/projects/${demoProjectId()}/tasks/${demoId("task_t10")}`)
      .set("Authorization", dana)
      .send({ version: 1, status: "done" });
    expect(done.status).toBe(200);
    const after = item(await agendaOf("m_daily"), "team_updates");
    expect(after.lines.find((l) => l.text === "Our team")?.detail).toMatch(/^Done today: Fix rounding on budget-billing invoices · /);
  });
});
