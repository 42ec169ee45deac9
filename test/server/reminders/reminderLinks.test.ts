import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import request from "supertest";
import { simpleParser } from "mailparser";
import { and, eq } from "drizzle-orm";
import * as t from "../../../server/db/tables";
import type { AppDeps } from "../../../server/appDeps";
import { createLocalBus } from "../../../server/live/liveBus";
import { localOutboxMail } from "../../../server/graph/mailFactory";
import { sendDueDigests } from "../../../server/services/reminders/sendDueDigests";
import { demoId } from "../../../server/db/demo/seedDemo";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoProjectId, devAuth } from "../../support/testApp";

// The digest's signed links (issue 17 §2), followed over HTTP as a reader of the e-mail would:
// links are taken from the digest's .eml read with a real MIME parser (mailparser).

const SECRET = "test-link-secret";
const person = (key: string) => demoId(`person_${key}`, DEMO_TENANT_ID);
const raid = (key: string) => demoId(`raid_${key}`, DEMO_TENANT_ID);
const MONDAY = new Date("2026-11-23T14:00:00Z");

describe.each(databaseKinds)("reminder links on %s", (kind) => {
  let tdb: TestDatabase;
  let now = MONDAY;
  let links: Map<string, string[]>;
  const app = () => buildTestApp(tdb.database, { linkSecret: SECRET, clock: () => now });
  const path = (link: string) => {
    const u = new URL(link);
    return u.pathname + u.search;
  };
  const item = async (key: string) => (await tdb.database.db.select().from(t.raidItems).where(eq(t.raidItems.id, raid(key))))[0];

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    const deps: AppDeps = {
      database: tdb.database, logger: pino({ level: "silent" }), clock: () => now, authenticators: [], isReady: () => true,
      devSignIn: false, bus: createLocalBus(), mail: localOutboxMail(tdb.database.db, () => now), mailMode: "outbox",
    };
    await sendDueDigests(deps, MONDAY, { linkSecret: SECRET, baseUrl: "https://callbook.example" });
    links = new Map();
    for (const key of ["alicia", "ben"]) {
      const [row] = await tdb.database.db.select().from(t.outboxItems).where(and(eq(t.outboxItems.reminderPersonId, person(key)), eq(t.outboxItems.reminderLocalDate, "2026-11-23")));
      const mail = await simpleParser(row?.raw ?? "");
      // The HTML part's links: what a mail client shows as "Mark done", "Move the date", "Stop reminders".
      const hrefs = [...String(mail.html).matchAll(/href="([^"]+)"/g)].map((m) => (m[1] ?? "").replaceAll("&amp;", "&"));
      links.set(key, hrefs);
    }
  });
  afterAll(async () => {
    await tdb?.drop();
  });
  const link = (key: string, action: string) => links.get(key)?.find((h) => h.includes(`/api/reminders/${action}?`)) ?? "";

  it("a done link shows the action and a button; only the button marks it done, through the versioned capture update, live to the panel", async () => {
    const doneLink = link("alicia", "done");
    expect(new URL(doneLink).searchParams.get("x")).toBe(raid("r04"));
    const before = await item("r04");
    const page = await request(app()).get(path(doneLink));
    expect(page.status).toBe(200);
    expect(page.type).toBe("text/html");
    expect(page.text).toContain("Mark this action done?");
    expect(page.text).toContain("Meridian to send the returned-payment file spec");
    expect((await item("r04"))?.status).toBe("open");

    const done = await request(app()).post(path(doneLink)).type("form").send({});
    expect(done.status).toBe(200);
    expect(done.text).toContain("Marked done");
    const after = await item("r04");
    expect(after?.status).toBe("closed");
    expect(after?.version).toBe((before?.version ?? 0) + 1);
    // The live event the side panel's stream replays for the call the action came from.
    const events = await tdb.database.db.select().from(t.meetingEvents).where(eq(t.meetingEvents.entityId, raid("r04")));
    expect(events.map((e) => [e.meetingId, e.type])).toEqual([[demoId("meeting_m_cust_prev", DEMO_TENANT_ID), "item"]]);
    // The PM's RAID log shows it closed.
    const log = await request(app()).get(`/api/projects/${demoProjectId()}/raid`).query({ status: "closed" }).set("Authorization", devAuth("dana"));
    expect(log.body.items.map((i: { title: string }) => i.title)).toContain("Meridian to send the returned-payment file spec");

    const again = await request(app()).get(path(doneLink));
    expect(again.text).toContain("This action is already done");
  });

  it("a move link sets the new due date from its form; a missing date is asked again", async () => {
    const moveLink = link("ben", "move");
    const page = await request(app()).get(path(moveLink));
    expect(page.text).toContain("Move the date of this action");
    expect(page.text).toContain('name="dueDate" type="date" required value="2026-11-20"');
    const bad = await request(app()).post(path(moveLink)).type("form").send({ dueDate: "next week" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Choose a date");
    const moved = await request(app()).post(path(moveLink)).type("form").send({ dueDate: "2026-12-04" });
    expect(moved.status).toBe(200);
    expect(moved.text).toContain("The new due date is 2026-12-04");
    const after = await item("r06");
    expect(after?.dueDate).toBe("2026-12-04");
    expect(after?.status).toBe("open");
  });

  it("a mute link stops the person's reminders for the project", async () => {
    const muteLink = link("ben", "mute");
    expect((await request(app()).get(path(muteLink))).text).toContain("Stop reminders for Riverbend Utilities e-billing implementation?");
    const muted = await request(app()).post(path(muteLink)).type("form").send({});
    expect(muted.text).toContain("Reminders stopped");
    const rows = await tdb.database.db.select().from(t.reminderMutes).where(eq(t.reminderMutes.personId, person("ben")));
    expect(rows.map((r) => r.projectId)).toEqual([demoProjectId()]);
  });

  it("an altered, re-purposed or expired link gives a clear page and changes nothing", async () => {
    const moveLink = new URL(link("ben", "move"));
    const otherItem = new URL(moveLink);
    otherItem.searchParams.set("x", raid("r03"));
    const longer = new URL(moveLink);
    longer.searchParams.set("e", String(Number(moveLink.searchParams.get("e")) + 86_400 * 365));
    const repurposed = new URL(moveLink);
    repurposed.pathname = "/api/reminders/done";
    for (const u of [otherItem, longer, repurposed]) {
      const r = await request(app()).post(u.pathname + u.search).type("form").send({ dueDate: "2027-01-01" });
      expect(r.status).toBe(403);
      expect(r.text).toContain("This link is not valid");
    }
    expect((await item("r03"))?.status).toBe("open");
    expect((await item("r06"))?.status).toBe("open");

    now = new Date(MONDAY.getTime() + 15 * 86_400_000);
    const expired = await request(app()).post(moveLink.pathname + moveLink.search).type("form").send({ dueDate: "2027-01-01" });
    expect(expired.status).toBe(410);
    expect(expired.text).toContain("This link has expired");
    expect((await item("r06"))?.dueDate).toBe("2026-12-04");
    now = MONDAY;

    const off = await request(buildTestApp(tdb.database, { clock: () => now })).get(moveLink.pathname + moveLink.search);
    expect(off.status).toBe(404);
  });
});
