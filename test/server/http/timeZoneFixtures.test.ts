import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import request from "supertest";
import type { Express } from "express";
import ICAL from "ical.js";
import { and, eq } from "drizzle-orm";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoProjectId, devAuth } from "../../support/testApp";
import type { FakeEntraServer } from "../../support/graph/fakeEntraServer";
import type { FakeGraphServer } from "../../support/graph/fakeGraphServer";
import { graphModeApp, oboGraphGateway, startGraphWorld } from "../../support/graph/graphWorld";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import { demoId, seedDemo } from "../../../server/db/demo/seedDemo";
import * as t from "../../../server/db/tables";

// Issue 14 §2 acceptance: one real-world payload per listed time zone, in
// test/fixtures/realworld/time-zones/ (see makeTimeZoneFixtures.ts there): a weekly 10:00 series
// across each zone's clock change, as Graph returns it (Windows zone names, occurrences in UTC)
// and as Outlook writes it (.ics with a Windows-named VTIMEZONE); plus a custom zone that Graph
// answers in UTC when asked. Every expected instant is worked out by hand in the fixtures.

const SEEDED_AT = new Date("2026-11-29T15:00:00.000Z");
/** A week before the fixtures' series: their calls fall inside the 8 weeks a new series stores. */
const BEFORE_SERIES = new Date("2027-03-01T12:00:00.000Z");
const folder = join(import.meta.dirname, "../../fixtures/realworld/time-zones");
const slugs = ["pacific", "india", "aus-eastern", "gmt", "eastern", "chatham", "lord-howe"] as const;

interface GraphDateTime {
  dateTime: string;
  timeZone: string;
}
interface ZoneFixture {
  note: string;
  windowsZone: string;
  ianaZone: string;
  event: { subject: string; start: GraphDateTime; end: GraphDateTime; recurrence: { range: { startDate: string; recurrenceTimeZone: string; numberOfOccurrences: number } } };
  instancesPreferUtc: { value: { originalStart: string; start: GraphDateTime; end: GraphDateTime }[] };
}

const fixture = (slug: string): ZoneFixture => JSON.parse(readFileSync(join(folder, `graph-event-${slug}.json`), "utf8")) as ZoneFixture;
/** Graph's UTC "2027-03-08T18:00:00.0000000" as an ISO instant. */
const utcOf = (value: GraphDateTime) => {
  expect(value.timeZone).toBe("UTC");
  return new Date(`${value.dateTime.slice(0, 19)}Z`).toISOString();
};
/** Wall clock "HH:MM" in an IANA zone, by the runtime's Intl (not Callbook's conversion). */
const localTime = (iso: string, zone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso));

/** The occurrences of the first VEVENT of an .ics, read by ical.js with the file's own VTIMEZONEs: UTC instants and local times. */
function readIcs(text: string): { instants: string[]; locals: string[]; tzid: string | null } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  const event = new ICAL.Event(vevent);
  const instants: string[] = [];
  const locals: string[] = [];
  const iterator = event.iterator();
  for (let next = iterator.next(); next && instants.length < 10; next = iterator.next()) {
    instants.push(next.toJSDate().toISOString());
    locals.push(next.toString().slice(0, 16));
  }
  return { instants, locals, tzid: event.startDate.zone?.tzid ?? null };
}

describe("Outlook .ics files in every listed zone (Windows-named VTIMEZONE) read with ical.js", () => {
  it.each(slugs)("%s: three Mondays at 10:00 local, at the hand-worked UTC instants across the clock change", (slug) => {
    const f = fixture(slug);
    const outlook = readIcs(readFileSync(join(folder, `outlook-${slug}.ics`), "utf8"));
    expect(outlook.tzid).toBe(f.windowsZone);
    expect(outlook.instants).toEqual(f.instancesPreferUtc.value.map((i) => utcOf(i.start)));
    expect(outlook.locals.map((l) => l.slice(11))).toEqual(["10:00", "10:00", "10:00"]);
  });
});

describe.each(databaseKinds)("the same series made by Callbook in each zone, on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  const dana = devAuth("dana");

  beforeAll(async () => {
    tdb = await openTestDatabase(kind, { seed: false });
    await seedDemo(tdb.database, { now: SEEDED_AT });
    app = buildTestApp(tdb.database, { now: BEFORE_SERIES });
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it.each(slugs)("%s: Callbook's .ics gives the instants of Outlook's own file, and its calls are stored at them", async (slug) => {
    const f = fixture(slug);
    const id = randomUUID();
    const subject = `${f.event.subject} (${slug})`;
    const created = await request(app)
      .post(`/api/projects/${demoProjectId()}/series`)
      .set("Authorization", dana)
      .send({
        id, callType: "internal_status", subject, from: f.event.recurrence.range.startDate, weekday: "monday", startTime: "10:00",
        durationMinutes: 30, occurrences: 3, timeZone: f.ianaZone,
        attendees: [{ email: "dana.whitfield@contoso.com", name: "Dana Whitfield", type: "required" }],
      });
    expect(created.status).toBe(201);
    // Graph would get the Windows name Outlook itself uses for the zone.
    expect(created.body.timing.start).toEqual({ dateTime: `${f.event.recurrence.range.startDate}T10:00:00`, timeZone: f.windowsZone });

    const file = await request(app).get(`/api/outbox/${id}/file`).set("Authorization", dana);
    expect(file.status).toBe(200);
    const ours = readIcs(file.text);
    const outlook = readIcs(readFileSync(join(folder, `outlook-${slug}.ics`), "utf8"));
    expect(ours.instants).toEqual(outlook.instants);
    expect(ours.locals).toEqual(outlook.locals);

    const list = await request(app).get("/api/meetings").query({ from: "2027-03-01T00:00:00.000Z", limit: 200 }).set("Authorization", dana);
    const calls = (list.body.meetings as { subject: string; startsAt: string; endsAt: string }[]).filter((m) => m.subject === subject);
    expect(calls.map((c) => c.startsAt)).toEqual(f.instancesPreferUtc.value.map((i) => utcOf(i.start)));
    expect(calls.map((c) => c.endsAt)).toEqual(f.instancesPreferUtc.value.map((i) => utcOf(i.end)));
    expect(calls.map((c) => localTime(c.startsAt, f.ianaZone))).toEqual(["10:00", "10:00", "10:00"]);
  });
});

describe.each(databaseKinds)("Graph payloads in Windows and custom zones, through Microsoft Graph mode on %s", (kind) => {
  let tdb: TestDatabase;
  let entra: FakeEntraServer;
  let graph: FakeGraphServer;
  let app: Express;
  let now = SEEDED_AT;
  const dana = async () =>
    `Bearer ${await entra.mintTeamsToken({ tenantId: DEMO_TENANT_ID, email: "Dana.Whitfield@contoso.com", name: "Dana Whitfield", oid: "0a0a0a0a-0000-4000-8000-00000000da7a" })}`;

  beforeAll(async () => {
    ({ tdb, entra, graph } = await startGraphWorld({ database: kind, seed: false, tenantId: DEMO_TENANT_ID }));
    await seedDemo(tdb.database, { now: SEEDED_AT });
    const gateway = oboGraphGateway(entra, graph, { retryDelaySeconds: 0, maxRetries: 1, replayDelayMs: 5, settleMs: 10 });
    app = graphModeApp({ database: tdb.database, entra, mail: () => gateway, clock: () => now });
  });
  afterAll(async () => {
    await Promise.all([tdb?.drop(), entra?.close(), graph?.close()]);
  });

  it.each(slugs)("%s: an organiser whose mailbox is in this Windows zone gets Graph's own event back, and calls at its occurrences", async (slug) => {
    const f = fixture(slug);
    now = BEFORE_SERIES;
    // A PM Callbook has not met yet: their zone comes from their mailbox settings.
    await tdb.database.db
      .update(t.people)
      .set({ timeZone: null, timeZoneSource: null })
      .where(and(eq(t.people.tenantId, DEMO_TENANT_ID), eq(t.people.id, demoId("person_dana"))));
    graph.mailbox.signedInTimeZone = f.windowsZone;
    const subject = `${f.event.subject} (${slug}, Graph)`;
    const asked = graph.requestsTo("createEvent").length;
    const token = await dana();
    const created = await request(app)
      .post(`/api/projects/${demoProjectId()}/series`)
      .set("Authorization", token)
      .send({
        id: randomUUID(), callType: "internal_status", subject, from: f.event.recurrence.range.startDate, weekday: "monday", startTime: "10:00",
        durationMinutes: 30, occurrences: 3, attendees: [{ email: "dana.whitfield@contoso.com", name: "Dana Whitfield", type: "required" }],
      });
    expect(created.status).toBe(201);
    const sent = graph.requestsTo("createEvent").slice(asked)[0]?.body as { start: GraphDateTime; end: GraphDateTime; recurrence: { range: { recurrenceTimeZone: string; numberOfOccurrences: number } } };
    // What Callbook asked Graph for is the event Graph returns for this series (fractional seconds aside).
    const bare = (v: GraphDateTime) => ({ dateTime: v.dateTime.slice(0, 19), timeZone: v.timeZone });
    expect(bare(sent.start)).toEqual(bare(f.event.start));
    expect(bare(sent.end)).toEqual(bare(f.event.end));
    expect(sent.recurrence.range).toMatchObject({ recurrenceTimeZone: f.event.recurrence.range.recurrenceTimeZone, numberOfOccurrences: 3 });

    const list = await request(app).get("/api/meetings").query({ from: "2027-03-01T00:00:00.000Z", limit: 200 }).set("Authorization", token);
    const calls = (list.body.meetings as { subject: string; startsAt: string }[]).filter((m) => m.subject === subject);
    expect(calls.map((c) => c.startsAt)).toEqual(f.instancesPreferUtc.value.map((i) => utcOf(i.start)));
    expect(calls.map((c) => localTime(c.startsAt, f.ianaZone))).toEqual(["10:00", "10:00", "10:00"]);
  });

  it("a colleague in a custom zone (tzone://Microsoft/Custom) out all of 13 Jan: asked in UTC, the 13 Jan occurrence names the backup", async () => {
    const custom = JSON.parse(readFileSync(join(folder, "graph-event-custom-zone.json"), "utf8")) as {
      getScheduleInOwnZone: { value: unknown[] };
      getSchedulePreferUtc: { value: unknown[] };
    };
    graph.mailbox.recordedSchedules.set("marcus.lee@contoso.com", { preferUtc: custom.getSchedulePreferUtc.value[0], ownZone: custom.getScheduleInOwnZone.value[0] });
    now = SEEDED_AT;
    const asked = graph.requestsTo("getSchedule").length;
    const res = await request(app)
      .get(`/api/projects/${demoProjectId()}/series/draft`)
      .query({ callType: "customer_status", from: "2027-01-06", weekday: "wednesday", startTime: "10:00", durationMinutes: 30, timeZone: "America/New_York" })
      .set("Authorization", await dana());
    expect(res.status).toBe(200);
    const calls = graph.requestsTo("getSchedule").slice(asked);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call.headers.prefer).toMatch(/outlook\.timezone="UTC"/);
    const occurrences = res.body.occurrences as { date: string; absent: string[]; backups: string[] }[];
    expect(occurrences.map((o) => [o.date, o.absent, o.backups])).toEqual([["2027-01-13", ["Marcus Lee"], ["Jordan Blake"]]]);
    expect((res.body.warnings as string[]).join("\n")).toMatch(/Marcus Lee \(IM\) is out of office for the occurrence of Wed 13 Jan 2027/);
  });
});
