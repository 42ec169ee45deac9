import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, devAuth } from "../../support/testApp";
import { demoTasks } from "../../../server/db/demo/demoSchedule";
import type { Agenda, AgendaItem } from "../../../contracts/agenda";

describe.each(databaseKinds)("agendas of the demo project's calls on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  const dana = devAuth("dana");
  const get = (path: string) => request(app).get(`/api/meetings${path}`).set("Authorization", dana);
  const agendaOf = async (key: string): Promise<Agenda> => (await get(`/${demoMeetingId(key)}/agenda`)).body as Agenda;
  const item = (a: Agenda, key: string): AgendaItem => {
    const found = a.items.find((i) => i.key === key);
    if (!found) throw new Error(`no agenda item ${key} in ${a.items.map((i) => i.key).join(", ")}`);
    return found;
  };
  const texts = (i: AgendaItem) => i.lines.map((l) => l.text);

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    app = buildTestApp(tdb.database);
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it.each([
    ["m_cust", "customer_status", /Customer domain riverbendutilities\.com/],
    ["m_int", "internal_status", /Only internal attendees/],
    ["m_triage", "triage", /triage slot/],
    ["m_vendor", "vendor", /vendors-only/],
    ["m_steer", "steering_committee", /Customer executive Linda Harper/],
    ["m_tsm", "tsm_pre_go_live", /TSM/],
    ["m_daily", "daily_status_check", /daily/],
    ["m_milestone", "milestone_review", /milestone/],
    ["m_product", "targeted_product", /change requests/],
    ["m_tech", "targeted_technical", /technical/],
  ])("recognises %s as %s, with its reasons", async (key, callType, reason) => {
    const res = await get(`/${demoMeetingId(key)}`);
    expect(res.body.callType).toBe(callType);
    expect(res.body.reasons.join(" ")).toMatch(reason);
    expect(res.body.overridden).toBe(false);
  });

  it("customer status call: live status items, the right next 10 tasks, flagged RAID items, countdown", async () => {
    const a = await agendaOf("m_cust");
    expect(a.callType).toBe("customer_status");
    expect(a.items.reduce((s, i) => s + i.minutes, 0)).toBe(45);
    expect(a.totalMinutes).toBe(45);
    const rag = item(a, "rag");
    expect(texts(rag).join(" ")).toMatch(/Path to green: Meridian installs 22\.4/);
    expect(texts(item(a, "accomplishments"))).toEqual(["SIT complete"]);
    const expectedNext10 = demoTasks
      .filter((t) => t.status !== "done")
      // Schedule order: due date, then start date, then the schedule's row.
      .sort((x, y) => (x.due ?? 9999) - (y.due ?? 9999) || x.start - y.start || x.key.localeCompare(y.key))
      .slice(0, 10)
      .map((t) => t.name);
    expect(texts(item(a, "upcoming_tasks"))).toEqual(expectedNext10);
    const raid = item(a, "raid");
    const flagged = (title: string) => raid.lines.find((l) => l.text.includes(title))?.flags ?? [];
    expect(flagged("Meridian to send the returned-payment file spec")).toContain("past_due");
    expect(flagged("Confirm paper suppression legal wording")).toContain("no_due_date");
    // Internal-only RAID items do not go on the customer's agenda.
    expect(texts(raid).join(" ")).not.toContain("Team capacity dip over the holidays");
    expect(texts(item(a, "days_to_go_live"))).toEqual(["42 days to go-live — Wed 30 Dec 2026"]);
  });

  it("triage call: open production cases, critical first, resolved ones left out", async () => {
    const a = await agendaOf("m_triage");
    expect(a.callType).toBe("triage");
    const cases = item(a, "open_cases");
    expect(texts(cases)).toEqual([
      "CS-20481 — Phase 1 water accounts: autopay file rejected for 214 accounts",
      "CS-20433 — Duplicate e-bill notification e-mails after portal login",
    ]);
    expect(cases.lines[0]?.flags).toContain("critical");
  });

  it("vendor call: the CIS checklist with answers so far and the unanswered questions flagged", async () => {
    const a = await agendaOf("m_vendor");
    const checklist = item(a, "cis_checklist");
    expect(checklist.lines).toHaveLength(7);
    const unanswered = checklist.lines.filter((l) => l.flags.includes("unanswered")).map((l) => l.text);
    // The vendor record answers go-live alignment (not aligned) and the 3 deliverables moving our schedule.
    expect(unanswered).toEqual(["Will they share their schedule or join our meetings?"]);
    const answer = (q: string) => checklist.lines.find((l) => l.text === q);
    expect(answer("What is their schedule; can they go live when we forecast?")).toMatchObject({ detail: expect.stringMatching(/^No: not aligned with our go-live date/), flags: ["high"] });
    expect(answer("Which of their deliverables or milestones move our schedule?")?.detail).toMatch(/^3 deliverables: /);
    expect(checklist.lines[0]?.detail).toContain("Installed (v22.3)");
  });

  it("internal call: a round of updates naming each internal stakeholder, and the internal-only RAID items", async () => {
    const a = await agendaOf("m_int");
    expect(texts(item(a, "stakeholder_updates"))).toEqual(expect.arrayContaining(["Dana Whitfield (PM)", "Marcus Lee (IM)", "Priya Raman (SE)"]));
    expect(texts(item(a, "raid_review")).join(" ")).toContain("Team capacity dip over the holidays");
  });

  it("steering committee: the stakeholder report only, at a high level", async () => {
    const a = await agendaOf("m_steer");
    expect(a.items.map((i) => i.key)).toEqual(["stakeholder_report", "q_and_a", "send_notes"]);
    expect(item(a, "stakeholder_report").summary).toContain("RAG amber");
  });

  it("a cached agenda never outlives the data: a new RAID item, a renamed owner and a changed RAG show at once", async () => {
    const before = await agendaOf("m_cust");
    expect(texts(item(before, "raid")).join(" ")).not.toContain("Cache check item");
    const created = await request(app)
      .post(`/api/meetings/${demoMeetingId("m_cust")}/items`)
      .set("Authorization", dana)
      .send({ id: crypto.randomUUID(), kind: "issue", title: "Cache check item", dueDate: "2026-11-01" });
    expect(created.status).toBe(201);
    const afterItem = await agendaOf("m_cust");
    const line = item(afterItem, "raid").lines.find((l) => l.text.includes("Cache check item"));
    expect(line?.flags).toContain("past_due");
    await tdb.database.rawTransaction((run) => run("update people set name = 'Alicia Grant-Novak' where email = 'alicia.grant@meridiancis.com'"));
    expect(JSON.stringify(await agendaOf("m_cust"))).toContain("Alicia Grant-Novak");
    await tdb.database.rawTransaction((run) => run("update projects set rag = 'red', rag_reason = 'Cache check reason'"));
    expect(texts(item(await agendaOf("m_cust"), "rag")).join(" ")).toContain("Cache check reason");
  });

  it("a user's call-type override is stored on the meeting and wins; clearing it restores recognition", async () => {
    const id = demoMeetingId("m_tech");
    const set = await request(app).put(`/api/meetings/${id}/call-type`).set("Authorization", dana).send({ callType: "internal_status" });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ callType: "internal_status", overridden: true });
    expect((await agendaOf("m_tech")).callType).toBe("internal_status");
    const bad = await request(app).put(`/api/meetings/${id}/call-type`).set("Authorization", dana).send({ callType: "party" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^callType: must be one of internal_status, customer_status/);
    const cleared = await request(app).put(`/api/meetings/${id}/call-type`).set("Authorization", dana).send({ callType: null });
    expect(cleared.body).toMatchObject({ callType: "targeted_technical", overridden: false });
  });

  it("attendees: PM and IM for the customer call, with the IM's backup when he is out of office", async () => {
    const res = await get(`/${demoMeetingId("m_cust")}/attendees`);
    expect(res.status).toBe(200);
    const required = res.body.required.map((p: { name: string }) => p.name);
    expect(required).toEqual(expect.arrayContaining(["Dana Whitfield", "Marcus Lee", "Rachel Stone"]));
    const steering = await get(`/${demoMeetingId("m_steer")}/attendees`);
    const steeringNames = [...steering.body.required, ...steering.body.optional].map((p: { name: string }) => p.name);
    expect(steeringNames).toEqual(expect.arrayContaining(["Helen Park", "Robert Chen", "Angela Brooks", "Linda Harper", "James Okafor", "Rachel Stone"]));
    expect(steeringNames).not.toContain("Ben Foster");
  });

  it("follow-ups: the recap of the last customer call is late; the amber RAG notice is owed", async () => {
    const { demoProjectId } = await import("../../support/testApp");
    const res = await request(app).get(`/api/projects/${demoProjectId()}/follow-ups`).set("Authorization", dana);
    expect(res.status).toBe(200);
    const recap = res.body.followUps.find((f: { kind: string; meetingId?: string }) => f.kind === "recap" && f.meetingId === demoMeetingId("m_cust_prev"));
    expect(recap).toMatchObject({ state: "late" });
    const transition = await request(app).get(`/api/projects/${demoProjectId()}/transition`).set("Authorization", dana);
    expect(transition.status).toBe(200);
    expect(JSON.stringify(transition.body)).toContain("Transition Success");
  });
});
