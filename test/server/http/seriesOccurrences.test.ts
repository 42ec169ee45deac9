import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import request from "supertest";
import type { Express } from "express";
import ICAL from "ical.js";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoProjectId, devAuth } from "../../support/testApp";
import { demoId, seedDemo } from "../../../server/db/demo/seedDemo";

/** The issue's demo: seeded on Sun 29 Nov 2026 (New York morning). */
const SEEDED_AT = new Date("2026-11-29T15:00:00.000Z");

// Issue 15 §3: in the demo seeded on 29 Nov 2026, Marcus Lee (IM) is out of office 5–9 Dec and
// Jordan Blake is his named backup. Out of office applies to the occurrences it overlaps.

interface DraftAttendee {
  email: string;
  name: string;
  type: "required" | "optional";
}
interface DraftOccurrence {
  date: string;
  localStart: string;
  absent: string[];
  backups: string[];
  attendees: DraftAttendee[];
}

describe.each(databaseKinds)("series attendees occurrence by occurrence on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  const dana = devAuth("dana");
  const draft = (query: string) => request(app).get(`/api/projects/${demoProjectId()}/series/draft?${query}`).set("Authorization", dana);
  const required = (attendees: DraftAttendee[]) => attendees.filter((a) => a.type === "required").map((a) => a.name);

  beforeAll(async () => {
    tdb = await openTestDatabase(kind, { seed: false });
    await seedDemo(tdb.database, { now: SEEDED_AT });
    app = buildTestApp(tdb.database, { now: SEEDED_AT });
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it("a weekly customer series from Sat 5 Dec keeps Marcus required; only the Mon 7 Dec occurrence names Jordan", async () => {
    const res = await draft("callType=customer_status&from=2026-12-05&weekday=monday&startTime=10:00&durationMinutes=30");
    expect(res.status).toBe(200);
    expect(required(res.body.attendees)).toContain("Marcus Lee");
    expect(required(res.body.attendees)).not.toContain("Jordan Blake");
    const occurrences = res.body.occurrences as DraftOccurrence[];
    expect(occurrences.map((o) => o.date)).toEqual(["2026-12-07"]);
    expect(occurrences[0]).toMatchObject({ localStart: "2026-12-07T10:00:00", absent: ["Marcus Lee"], backups: ["Jordan Blake"] });
    expect(required(occurrences[0]?.attendees ?? [])).toContain("Jordan Blake");
    expect(res.body.warnings).toContain(
      "Marcus Lee (IM) is out of office for the occurrence of Mon 7 Dec 2026: Jordan Blake (backup) is invited to that occurrence. Marcus Lee stays required for the series.",
    );
  });

  it("a series from Wed 2 Dec warns about Wed 9 Dec and names the backup", async () => {
    const res = await draft("callType=customer_status&from=2026-12-02&weekday=wednesday&startTime=10:00&durationMinutes=30");
    expect(res.status).toBe(200);
    expect(required(res.body.attendees)).toContain("Marcus Lee");
    expect((res.body.occurrences as DraftOccurrence[]).map((o) => [o.date, o.backups])).toEqual([["2026-12-09", ["Jordan Blake"]]]);
    expect(res.body.warnings.join("\n")).toMatch(/Marcus Lee \(IM\) is out of office for the occurrence of Wed 9 Dec 2026: Jordan Blake \(backup\)/);
    // Eight weeks ahead are checked: 2 Dec + 56 days, the last Wednesday before 27 Jan.
    expect(res.body.checkedUntil).toBe("2027-01-20");
  });

  it("writes the 9 Dec occurrence into the .ics as an override (RECURRENCE-ID) with Jordan added", async () => {
    const res = await draft("callType=customer_status&from=2026-12-02&weekday=wednesday&startTime=10:00&durationMinutes=30");
    const strip = (list: DraftAttendee[]) => list.map(({ email, name, type }) => ({ email, name, type }));
    const id = randomUUID();
    const created = await request(app)
      .post(`/api/projects/${demoProjectId()}/series`)
      .set("Authorization", dana)
      .send({
        id, callType: "customer_status", subject: res.body.subject, from: "2026-12-02", occurrences: 4,
        attendees: strip(res.body.attendees),
        occurrenceAttendees: (res.body.occurrences as DraftOccurrence[]).map((o) => ({ localStart: o.localStart, attendees: strip(o.attendees) })),
      });
    expect(created.status).toBe(201);
    const file = await request(app).get(`/api/outbox/${id}/file`).set("Authorization", dana);
    const calendar = new ICAL.Component(ICAL.parse(file.text));
    for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
    const [master, ...exceptions] = calendar.getAllSubcomponents("vevent");
    if (!master) throw new Error("no VEVENT");
    const event = new ICAL.Event(master);
    for (const e of exceptions) event.relateException(e);
    const invited: Record<string, string[]> = {};
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      invited[details.startDate.toString().slice(0, 10)] = details.item.attendees.map(
        (a) => `${a.getParameter("role") === "REQ-PARTICIPANT" ? "required" : "optional"} ${String(a.getParameter("cn"))}`,
      );
    }
    expect(Object.keys(invited)).toEqual(["2026-12-02", "2026-12-09", "2026-12-16", "2026-12-23"]);
    // On 9 Dec Jordan attends as the backup; Marcus keeps the invite (and the notes) as optional.
    expect(invited["2026-12-09"]).toEqual(expect.arrayContaining(["required Jordan Blake", "optional Marcus Lee"]));
    for (const date of ["2026-12-02", "2026-12-16", "2026-12-23"]) {
      expect(invited[date]).toContain("required Marcus Lee");
      expect(invited[date]?.join()).not.toContain("Jordan Blake");
    }
  });

  it("takes a time zone: 10:00 London is written in London's zone; an unknown zone is refused by name", async () => {
    const res = await draft("callType=customer_status&from=2026-12-02&weekday=wednesday&startTime=10:00&durationMinutes=30&timeZone=Europe/London");
    expect(res.status).toBe(200);
    expect(res.body.timeZone).toBe("Europe/London");
    expect(res.body.timing.start).toEqual({ dateTime: "2026-12-02T10:00:00", timeZone: "GMT Standard Time" });
    const bad = await draft("callType=customer_status&from=2026-12-02&weekday=wednesday&startTime=10:00&durationMinutes=30&timeZone=Mars/Olympus");
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toContain('timeZone: must be an IANA time zone such as "America/New_York"');
  });

  it("stores a person's own zone (people page) and the series defaults to the organiser's zone", async () => {
    const person = (key: string) => `/api/projects/${demoProjectId()}/people/${demoId(`person_${key}`)}`;
    const bad = await request(app).patch(person("dana")).set("Authorization", dana).send({ timeZone: "Pacific Standard Time" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toContain('timeZone: must be an IANA time zone such as "America/New_York"');

    const set = await request(app).patch(person("dana")).set("Authorization", dana).send({ timeZone: "Australia/Sydney" });
    expect(set.status).toBe(200);
    expect(set.body.timeZone).toBe("Australia/Sydney");
    const res = await draft("callType=customer_status&from=2026-12-02&weekday=wednesday&startTime=10:00&durationMinutes=30");
    expect(res.body.timeZone).toBe("Australia/Sydney");
    expect(res.body.timing.start).toEqual({ dateTime: "2026-12-02T10:00:00", timeZone: "AUS Eastern Standard Time" });

    const cleared = await request(app).patch(person("dana")).set("Authorization", dana).send({ timeZone: null });
    expect(cleared.body.timeZone).toBeNull();
    expect((await draft("callType=customer_status&from=2026-12-02&weekday=wednesday&startTime=10:00&durationMinutes=30")).body.timeZone).toBe("America/New_York");
  });
});
