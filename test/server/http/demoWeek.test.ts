import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import request from "supertest";
import type { Express } from "express";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, demoProjectId, devAuth } from "../../support/testApp";
import { seedDemo } from "../../../server/db/demo/seedDemo";
import type { Agenda } from "../../../server/domain/buildAgenda";

// Issue 15 §5, acceptance: a whole demo week on a set clock, through the HTTP API, as Dana (PM)
// lives it. The demo is seeded on Monday 30 Nov 2026, 8 am New York; the clock then moves
// through the week: Tuesday triage, Wednesday internal, Thursday's customer call, its recap
// owed then sent, the open-task update owed two working days later, Friday's fortnightly report.

type FollowUp = { kind: string; state: string; meetingId?: string; title: string; dueAt: string };

describe.each(databaseKinds)("a demo week on the set clock, on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  const clock = { now: new Date("2026-11-30T13:00:00Z") };
  const at = (instant: string) => {
    clock.now = new Date(instant);
  };
  const dana = devAuth("dana");
  const get = (path: string) => request(app).get(`/api/${path}`).set("Authorization", dana);
  const followUps = async () => {
    const res = await get(`projects/${demoProjectId()}/follow-ups`);
    expect(res.status).toBe(200);
    return res.body.followUps as FollowUp[];
  };
  const agendaOf = async (meetingId: string) => (await get(`meetings/${meetingId}/agenda`)).body as Agenda;
  let wednesdayInternal = "";

  beforeAll(async () => {
    tdb = await openTestDatabase(kind, { seed: false });
    await seedDemo(tdb.database, { now: clock.now });
    app = buildTestApp(tdb.database, clock);
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it("Tuesday 9:30 am: the next call is the 10 am triage, with the critical production case first", async () => {
    at("2026-12-01T14:30:00Z");
    const meetings = (await get("meetings")).body.meetings as { id: string; subject: string; startsAt: string; callType: string }[];
    expect(meetings[0]).toMatchObject({ subject: "Riverbend production triage", startsAt: "2026-12-01T15:00:00.000Z", callType: "triage" });
    const cases = (await agendaOf(meetings[0]?.id ?? "")).items.find((i) => i.key === "open_cases");
    expect(cases?.lines[0]?.flags).toContain("critical");
  });

  it("Wednesday: the internal call linked from Teams is an internal call, and its round reports since Tuesday's", async () => {
    at("2026-12-02T15:00:00Z");
    const linked = await request(app)
      .put("/api/meetings/link")
      .set("Authorization", dana)
      .send({ chatId: "19:meeting_wed_internal@thread.v2", projectId: demoProjectId(), callType: null, subject: "Riverbend internal status", startsAt: "2026-12-02T16:30:00.000Z", endsAt: "2026-12-02T17:00:00.000Z" });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ callType: "internal_status", overridden: false });
    wednesdayInternal = linked.body.id as string;
    const round = (await agendaOf(wednesdayInternal)).items.find((i) => i.key === "stakeholder_updates");
    expect(round?.summary).toBe("Done since the last internal call, Tue 1 Dec 2026, next up, blockers");
    expect(round?.lines.map((l) => l.text)).toContainEqual(expect.stringMatching(/^Dana Whitfield \(PM\)/));
  });

  it("Thursday 2 pm: the customer call; an action captured in it is on the call", async () => {
    at("2026-12-03T19:10:00Z");
    const call = demoMeetingId("m_cust");
    expect((await get(`meetings/${call}`)).body).toMatchObject({ callType: "customer_status", startsAt: "2026-12-03T19:00:00.000Z" });
    const action = { id: randomUUID(), kind: "action", title: "Meridian to confirm the 22.4 patch date" };
    expect((await request(app).post(`/api/meetings/${call}/items`).set("Authorization", dana).send(action)).status).toBe(201);
    expect(((await get(`meetings/${call}/capture`)).body.items as { title: string }[]).map((i) => i.title)).toContain(action.title);
    // During the call no recap is owed yet.
    expect((await followUps()).filter((f) => f.kind === "recap" && f.meetingId === call)).toEqual([]);
  });

  it("Thursday 3 pm: after the customer call the recap is owed; once sent, it is not", async () => {
    at("2026-12-03T20:00:00Z");
    const call = demoMeetingId("m_cust");
    expect(await followUps()).toContainEqual(expect.objectContaining({ kind: "recap", meetingId: call, state: "due" }));
    const recap = await get(`meetings/${call}/recap`);
    expect(recap.body.text).toContain("Meridian to confirm the 22.4 patch date");
    const sent = await request(app).post(`/api/meetings/${call}/recap/send`).set("Authorization", dana).send({ sendBeforeStart: true, id: randomUUID() });
    expect(sent.status).toBeLessThan(300);
    expect((await followUps()).filter((f) => f.kind === "recap" && f.meetingId === call)).toEqual([]);
  });

  it("the open-task update sent Thursday is owed again two working days later (Monday), not Friday", async () => {
    at("2026-12-03T21:00:00Z");
    const sent = await request(app).post(`/api/projects/${demoProjectId()}/follow-ups/open_task_update/sent`).set("Authorization", dana).send({});
    expect(sent.status).toBe(201);
    at("2026-12-04T15:00:00Z");
    expect((await followUps()).find((f) => f.kind === "open_task_update")).toMatchObject({ state: "upcoming", dueAt: "2026-12-07T22:00:00.000Z" });
    at("2026-12-07T14:00:00Z");
    expect((await followUps()).find((f) => f.kind === "open_task_update")).toMatchObject({ state: "due" });
  });

  it("Friday: the fortnightly report for Fri 4 Dec is owed that day, and after it is sent the next is 18 Dec", async () => {
    at("2026-12-04T15:00:00Z");
    const report = (await followUps()).find((f) => f.kind === "biweekly_friday_report");
    expect(report).toMatchObject({ state: "due" });
    expect(report?.title).toContain("for Fri 4 Dec 2026");
    const sent = await request(app).post(`/api/projects/${demoProjectId()}/follow-ups/biweekly_friday_report/sent`).set("Authorization", dana).send({});
    expect(sent.status).toBe(201);
    const next = (await followUps()).find((f) => f.kind === "biweekly_friday_report");
    expect(next).toMatchObject({ state: "upcoming" });
    expect(next?.title).toContain("Fri 18 Dec 2026");
  });
});
