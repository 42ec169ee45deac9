import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { and, eq, ne } from "drizzle-orm";
import * as t from "../../../server/db/tables";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, demoProjectId, devAuth } from "../../support/testApp";
import { TEST_NOW } from "../../support/constants";

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => v.address ?? ""));

describe.each(databaseKinds)("send queue on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  const dana = devAuth("dana");
  const project = demoProjectId();
  const base = `/api/projects/${project}/queue`;
  const INTERNAL_TASK = "Fix rounding on budget-billing invoices";
  const INTERNAL_RAID = ["Ask product for multi-account autopay enhancement", "Team capacity dip over the holidays"];

  /** Opens the draft, sends it with edits, and reads the .eml back with mailparser. */
  async function sendAndRead(k: string, edits: Record<string, unknown> = {}): Promise<{ draft: Record<string, unknown> & { id: string }; mail: ParsedMail; status: number }> {
    const draft = await request(app).get(`${base}/${k}/draft`).set("Authorization", dana);
    expect(draft.status).toBe(200);
    const sent = await request(app).post(`${base}/${k}/send`).set("Authorization", dana).send({ id: draft.body.id, ...edits });
    expect(sent.status).toBe(201);
    const eml = await request(app).get(`/api/outbox/${draft.body.id}/file`).set("Authorization", dana);
    expect(eml.status).toBe(200);
    return { draft: draft.body, mail: await simpleParser(eml.text), status: sent.status };
  }

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    app = buildTestApp(tdb.database);
    await tdb.database.db.update(t.tasks).set({ internalOnly: true }).where(eq(t.tasks.name, INTERNAL_TASK));
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it("lists what is owed as late, due today and upcoming, on the project and across my projects", async () => {
    const res = await request(app).get(base).set("Authorization", dana);
    expect(res.status).toBe(200);
    const kinds = (list: { kind: string }[]) => list.map((e) => e.kind);
    // The customer call two days ago has no recap: late. Never-sent cadences are due today.
    expect(kinds(res.body.late)).toContain("recap");
    expect(kinds(res.body.dueToday)).toEqual(expect.arrayContaining(["open_task_update", "weekly_status_report", "vendor_status", "decisions_and_changes"]));
    expect(kinds([...res.body.late, ...res.body.dueToday, ...res.body.upcoming])).toContain("steering_report");
    const mine = await request(app).get("/api/queue").set("Authorization", dana);
    expect(mine.status).toBe(200);
    expect(mine.body.dueToday.map((e: { projectName: string }) => e.projectName)).toContain("Riverbend Utilities e-billing implementation");
  });

  it("sends the open-task update once: customer-visible open tasks with status and ETA, marked sent by the send", async () => {
    const { draft, mail } = await sendAndRead("open_task_update", { intro: "Hi Rachel, as promised.", subject: "Riverbend: where each task stands" });
    expect(draft.audience).toBe("customer");
    expect(draft.omittedInternal).toBe(1);
    expect(mail.subject).toBe("Riverbend: where each task stands");
    expect(addresses(mail.to)).toContain("rachel.stone@riverbendutilities.com");
    expect(addresses(mail.cc)).toContain("marcus.lee@contoso.com");
    expect(addresses(mail.to)).not.toContain("dana.whitfield@contoso.com");
    const open = await tdb.database.db
      .select()
      .from(t.tasks)
      .where(and(eq(t.tasks.projectId, project), ne(t.tasks.status, "done"), eq(t.tasks.internalOnly, false)));
    expect(open.length).toBeGreaterThan(10);
    for (const task of open) expect(mail.text).toContain(task.name);
    expect(mail.text).toContain("Hi Rachel, as promised.");
    expect(mail.text).toMatch(/Load customer UAT test accounts: In progress, ETA \w{3}, Nov \d+/);
    expect(mail.text).not.toContain(INTERNAL_TASK);
    expect(mail.html).not.toContain(INTERNAL_TASK);
    // Sending the same draft again is the same e-mail, not a second one.
    const again = await request(app).post(`${base}/open_task_update/send`).set("Authorization", dana).send({ id: draft.id });
    expect(again.status).toBe(200);
    const outbox = await request(app).get("/api/outbox").set("Authorization", dana);
    expect(outbox.body.items.filter((i: { id: string }) => i.id === draft.id)).toHaveLength(1);
    const logged = await tdb.database.db.select().from(t.followUpLog).where(eq(t.followUpLog.kind, "open_task_update"));
    expect(logged).toHaveLength(1);
    // Marked sent: next one is due in two working days (Friday), so it is no longer due today.
    const queue = await request(app).get(base).set("Authorization", dana);
    const next = [...queue.body.dueToday, ...queue.body.upcoming].find((e: { kind: string }) => e.kind === "open_task_update");
    expect(queue.body.dueToday.map((e: { kind: string }) => e.kind)).not.toContain("open_task_update");
    expect(next.dueAt).toBe("2026-11-20T22:00:00.000Z");
  });

  it("edited down to an all-internal recipient list, the weekly report shows internal-only rows", async () => {
    const to = [{ name: "Marcus Lee", email: "marcus.lee@contoso.com" }];
    const { mail, draft } = await sendAndRead("weekly_status_report", { to, cc: [] });
    expect(draft.audience).toBe("customer"); // the default list (the preview) includes the customer
    expect(mail.text).toContain(INTERNAL_TASK);
    expect(mail.text).toContain(INTERNAL_RAID[1]);
    expect(addresses(mail.to)).toEqual([to[0]?.email]);
  });

  it("the draft dialog's edited recipients decide the audience: internal only shows everything, one outside address makes it customer-safe", async () => {
    const draft = async (to: { name: string; email: string }[]) => {
      const res = await request(app)
        .get(`${base}/weekly_status_report/draft`)
        .query({ to: JSON.stringify(to), cc: JSON.stringify([]) })
        .set("Authorization", dana);
      expect(res.status).toBe(200);
      return res.body as { audience: string; text: string; to: { email: string }[]; candidates: { name: string; email: string }[] };
    };
    const marcus = { name: "Marcus Lee", email: "marcus.lee@contoso.com" };
    const internal = await draft([marcus]);
    expect(internal.audience).toBe("internal");
    expect(internal.text).toContain(INTERNAL_TASK);
    // The recipients field proposes the project's people.
    expect(internal.candidates).toContainEqual(marcus);
    const outside = await draft([marcus, { name: "auditor@example.org", email: "auditor@example.org" }]);
    expect(outside.audience).toBe("customer");
    expect(outside.to.map((r) => r.email)).toEqual([marcus.email, "auditor@example.org"]);
    for (const hidden of [INTERNAL_TASK, ...INTERNAL_RAID]) expect(outside.text).not.toContain(hidden);
    const bad = await request(app).get(`${base}/weekly_status_report/draft`).query({ to: "not json" }).set("Authorization", dana);
    expect(bad.status).toBe(400);
  });

  it("drafts the weekly status report, RAG notice, fortnightly and sprint reports from live data, customer-safe", async () => {
    for (const k of ["rag_change_notice", "biweekly_friday_report", "sprint_report"]) {
      const { draft, mail } = await sendAndRead(k);
      expect(draft.audience).toBe("customer");
      for (const hidden of [INTERNAL_TASK, ...INTERNAL_RAID]) expect(mail.text).not.toContain(hidden);
      if (k === "rag_change_notice") {
        expect(mail.subject).toContain("status is now Amber");
        expect(mail.text).toContain("Meridian CIS patch 22.4 is late and blocks the returned-payment and payment-file tests.");
        expect(mail.text).toContain("Path to green");
        expect(mail.text).toContain("Meridian installs 22.4 in test by day 5");
        expect(mail.text).toContain("42 days to go-live");
      } else {
        expect(mail.text).toContain("What we worked on");
        expect(mail.text).toContain("Issues met");
        expect(mail.text).toContain("Budget-billing invoices round to the wrong cent");
        expect(mail.text).toContain("Plans for the next two weeks");
        expect(mail.text).toContain("Paper suppression rules agreed");
      }
    }
  });

  it("drafts decisions and change requests with their hours for the customer's confirmation, owed a working day after the call", async () => {
    const meeting = demoMeetingId("m_cust_prev");
    const post = await request(app)
      .post(`/api/meetings/${meeting}/items`)
      .set("Authorization", dana)
      .send({ id: "5b0b6b7e-4a7d-4c35-9a1e-1f1f5e0c0a01", kind: "decision", title: "Paper bills stop for e-bill enrolees after two cycles", decidedBy: "Rachel Stone" });
    expect(post.status).toBeLessThan(300);
    const queue = await request(app).get(base).set("Authorization", dana);
    const entry = [...queue.body.late, ...queue.body.dueToday, ...queue.body.upcoming].find((e: { kind: string }) => e.kind === "decisions_and_changes");
    expect(entry.meetingId).toBe(meeting);
    const { mail } = await sendAndRead("decisions_and_changes");
    expect(mail.text).toContain("Paper bills stop for e-bill enrolees after two cycles");
    expect(mail.text).toContain("Spanish-language e-bill template: 40 h");
    expect(mail.text).toContain("Custom CSV layout for the daily balance file: 16 h, approved by Helen Park");
    expect(addresses(mail.to)).toContain("rachel.stone@riverbendutilities.com");
  });

  it("sends vendor status to the vendors only, vendor-safe, and the steering report to the decision makers", async () => {
    const vendor = await sendAndRead("vendor_status");
    expect(vendor.draft.audience).toBe("vendor");
    const to = addresses(vendor.mail.to);
    expect(to).toEqual(expect.arrayContaining(["steve.novak@meridiancis.com", "alicia.grant@meridiancis.com", "derek.shaw@keystonesi.com"]));
    expect(to.every((a) => !a.endsWith("riverbendutilities.com"))).toBe(true);
    expect(vendor.mail.text).toContain("Meridian CIS patch 22.4 installed in test: Blocked");
    for (const hidden of [INTERNAL_TASK, ...INTERNAL_RAID, "Spanish-language", "MRR"]) expect(vendor.mail.text).not.toContain(hidden);
    const steering = await sendAndRead("steering_report");
    const steeringTo = addresses(steering.mail.to);
    expect(steeringTo).toContain("linda.harper@riverbendutilities.com");
    expect(steeringTo.some((a) => a.startsWith("ben.foster"))).toBe(false);
    expect(steering.mail.text).toContain("Top risks and issues");
    expect(steering.mail.text).not.toContain(INTERNAL_RAID[1]);
  });

  it("refuses bad input naming the field", async () => {
    const bad = await request(app).get(`${base}/status_memo/draft`).set("Authorization", dana);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("kind: must be one of");
    const noId = await request(app).post(`${base}/open_task_update/send`).set("Authorization", dana).send({ id: "x" });
    expect(noId.body.error.message).toContain("id: must be a valid id");
    const badTo = await request(app)
      .post(`${base}/open_task_update/send`)
      .set("Authorization", dana)
      .send({ id: "5b0b6b7e-4a7d-4c35-9a1e-1f1f5e0c0a02", to: [{ name: "X", email: "nope" }] });
    expect(badTo.status).toBe(400);
    expect(badTo.body.error.message).toContain("to.0.email: must be an e-mail address");
    expect(TEST_NOW.toISOString()).toBe("2026-11-18T14:00:00.000Z");
    // A customer member owes none of these messages and never sees a draft (the audience rule).
    const rachel = devAuth("rachel");
    expect((await request(app).get(`${base}/open_task_update/draft`).set("Authorization", rachel)).status).toBe(403);
    expect((await request(app).get(base).set("Authorization", rachel)).status).toBe(403);
    expect((await request(app).get("/api/queue").set("Authorization", rachel)).body).toEqual({ late: [], dueToday: [], upcoming: [] });
  });
});
