import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { simpleParser } from "mailparser";
import { and, eq, isNotNull } from "drizzle-orm";
import * as t from "../../../server/db/tables";
import type { AppDeps } from "../../../server/appDeps";
import { createLocalBus } from "../../../server/live/liveBus";
import { localOutboxMail } from "../../../server/graph/mailFactory";
import { sendDueDigests } from "../../../server/services/reminders/sendDueDigests";
import { demoId } from "../../../server/db/demo/seedDemo";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import request from "supertest";
import { buildTestApp, demoProjectId, devAuth } from "../../support/testApp";

const SECRET = "test-link-secret";
const options = { linkSecret: SECRET, baseUrl: "https://callbook.example" };
const person = (key: string) => demoId(`person_${key}`, DEMO_TENANT_ID);

describe.each(databaseKinds)("reminder digests over a simulated week on %s", (kind) => {
  let tdb: TestDatabase;
  let deps: AppDeps;
  let now = new Date("2026-11-23T14:00:00Z");
  const HIDDEN = "Internal only: check Meridian's invoice before we pay";

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    const clock = () => now;
    deps = {
      database: tdb.database,
      logger: pino({ level: "silent" }),
      clock,
      authenticators: [],
      isReady: () => true,
      devSignIn: false,
      bus: createLocalBus(),
      mail: localOutboxMail(tdb.database.db, clock),
      mailMode: "outbox",
    };
    // An internal-only action owned by a vendor's person: never in their digest.
    await tdb.database.db.insert(t.raidItems).values({
      id: "6c1f0f3e-0f65-4d1e-9a43-6f0e3a1b2c01", tenantId: DEMO_TENANT_ID, projectId: demoProjectId(), kind: "action",
      title: HIDDEN, ownerId: person("alicia"), dueDate: "2026-11-24", status: "open", internalOnly: true,
    });
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  async function digests() {
    return tdb.database.db.select().from(t.outboxItems).where(isNotNull(t.outboxItems.reminderPersonId));
  }

  it("sends the right digests: one per person per day, none at the weekend or on Thanksgiving, muted people skipped", async () => {
    const names = new Map((await tdb.database.db.select().from(t.people)).map((p) => [p.id, p.name]));
    const perDay: Record<string, string[]> = {};
    for (const day of ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"]) {
      now = new Date(`${day}T14:00:00Z`); // 09:00 in New York
      await sendDueDigests(deps, now, options);
      now = new Date(`${day}T20:00:00Z`); // the job runs again the same afternoon: nothing new
      const again = await sendDueDigests(deps, now, options);
      expect(again.sent).toBe(0);
      const rows = (await digests()).filter((r) => r.reminderLocalDate === day);
      perDay[day] = rows.map((r) => names.get(r.reminderPersonId ?? "") ?? "?").sort();
      if (day === "2026-11-24") {
        // Ben follows the mute link of Tuesday's digest.
        const ben = rows.find((r) => r.reminderPersonId === person("ben"));
        const link = /Stop reminders for [^:]+: (\S+)/.exec(ben?.text ?? "")?.[1] ?? "";
        const url = new URL(link);
        const muted = await request(buildTestApp(tdb.database, { linkSecret: SECRET, clock: () => now })).post(url.pathname + url.search).type("form").send({});
        expect(muted.text).toContain("Reminders stopped");
      }
    }
    expect(perDay).toEqual({
      "2026-11-23": ["Alicia Grant", "Ben Foster"],
      "2026-11-24": ["Alicia Grant", "Ben Foster", "Sallie Ortiz"],
      "2026-11-25": ["Alicia Grant", "Sallie Ortiz"],
      "2026-11-26": [],
      "2026-11-27": ["Alicia Grant", "Sallie Ortiz"],
      "2026-11-28": [],
      "2026-11-29": [],
    });
  });

  it("the digest, read as e-mail, lists title, project, due date and the call, with signed links; externals get no internal items", async () => {
    const [row] = (await digests()).filter((r) => r.reminderPersonId === person("alicia") && r.reminderLocalDate === "2026-11-23");
    const mail = await simpleParser(row?.raw ?? "");
    expect(mail.subject).toBe("Your actions: 1 open, 1 past due (Mon 23 Nov 2026)");
    expect(mail.text).toContain("Meridian to send the returned-payment file spec | Riverbend Utilities e-billing implementation | due 2026-11-13 (past due)");
    expect(mail.text).toContain('from "Riverbend weekly status"');
    expect(mail.text).toMatch(/Mark done: https:\/\/callbook\.example\/api\/reminders\/done\?t=/);
    expect(mail.text).not.toContain(HIDDEN);
    const forged = new URL(/Stop reminders for [^:]+: (\S+)/.exec(mail.text ?? "")?.[1] ?? "");
    forged.searchParams.set("p", person("sallie"));
    const refused = await request(buildTestApp(tdb.database, { linkSecret: SECRET, clock: () => now })).post(forged.pathname + forged.search).type("form").send({});
    expect(refused.status).toBe(403);
    expect(refused.text).toContain("This link is not valid");
    const app = buildTestApp(tdb.database);
    const seen = await request(app).get(`/api/projects/${demoProjectId()}/reminders`).set("Authorization", devAuth("dana"));
    expect(seen.status).toBe(200);
    expect(seen.body.items).toHaveLength(9);
    expect(seen.body.items.filter((i: { name: string }) => i.name === "Ben Foster").map((i: { localDate: string }) => i.localDate)).toEqual(["2026-11-24", "2026-11-23"]);
    const mutes = await tdb.database.db.select().from(t.reminderMutes).where(and(eq(t.reminderMutes.personId, person("sallie"))));
    expect(mutes).toHaveLength(0);
  });
});
