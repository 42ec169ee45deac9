import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import request from "supertest";
import type { Express } from "express";
import { simpleParser, type AddressObject } from "mailparser";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, devAuth } from "../../support/testApp";
import { demoId } from "../../../server/db/demo/seedDemo";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";

// Issue 16, "The recap": what a customer reads first, no "not recorded" lines, invited (not
// attended), a warning before the start, recipients the PM chooses under the audience rule,
// and the next call named. The sent .eml is read back with a real MIME parser.

const AFTER_THE_CALL = new Date("2026-12-01T15:00:00.000Z");

const addresses = (a: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => (v.address ?? "").toLowerCase()));

describe.each(databaseKinds)("the recap a customer reads, on %s", (kind) => {
  let tdb: TestDatabase;
  let before: Express;
  let after: Express;
  const dana = devAuth("dana");
  const meeting = demoMeetingId("m_cust");
  const INTERNAL_NOTE = "Internal only: Meridian capacity is thin";

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    before = buildTestApp(tdb.database);
    after = buildTestApp(tdb.database, { now: AFTER_THE_CALL });
    const post = (path: string, body: object) => request(before).post(`/api/meetings/${meeting}${path}`).set("Authorization", dana).send(body);
    await post("/notes", { id: randomUUID(), agendaItemKey: "rag", body: INTERNAL_NOTE, internalOnly: true });
    await post("/items", { id: randomUUID(), kind: "decision", title: "UAT starts Friday with two testers", decidedBy: "Rachel Stone" });
    await post("/items", { id: randomUUID(), kind: "issue", title: "Rounding off by a cent on tiered rates" });
    await post("/items", {
      id: randomUUID(), kind: "action", title: "Send the UAT tester rota", ownerId: demoId("person_rachel", DEMO_TENANT_ID), dueDate: "2026-11-27",
    });
    await post("/items", { id: randomUUID(), kind: "action", title: "Share the cut-over plan draft", ownerId: demoId("person_dana", DEMO_TENANT_ID), dueDate: "2026-11-30" });
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it("leads with decisions, actions and what the customer owes; the status report follows", async () => {
    const res = await request(after).get(`/api/meetings/${meeting}/recap`).set("Authorization", dana);
    expect(res.status).toBe(200);
    const text: string = res.body.text;
    const at = (s: string) => text.indexOf(s);
    expect(at("DECISIONS")).toBeGreaterThan(0);
    expect(at("DECISIONS")).toBeLessThan(at("ACTION ITEMS"));
    expect(at("ACTION ITEMS")).toBeLessThan(at("WHAT RIVERBEND UTILITIES OWES"));
    expect(at("WHAT RIVERBEND UTILITIES OWES")).toBeLessThan(at("STATUS REPORT"));
    // The customer's action is listed once, under what they owe, with owner and date.
    const owes = text.slice(at("WHAT RIVERBEND UTILITIES OWES"), at("RISKS AND ISSUES"));
    expect(owes).toContain("Send the UAT tester rota");
    expect(owes).toContain("Owner: Rachel Stone · Due Fri 27 Nov 2026");
    expect(text.split("Send the UAT tester rota")).toHaveLength(2);
    expect(text.slice(at("ACTION ITEMS"), at("WHAT RIVERBEND UTILITIES OWES"))).toContain("Owner: Dana Whitfield · Due Mon 30 Nov 2026");
  });

  it("leaves empty fields out and does not repeat the items as RAID log changes", async () => {
    const res = await request(after).get(`/api/meetings/${meeting}/recap`).set("Authorization", dana);
    for (const part of [res.body.text, res.body.html]) {
      expect(part).not.toMatch(/not recorded/i);
      expect(part).not.toMatch(/not assigned/i);
      expect(part).not.toMatch(/RAID log changes/i);
      expect(part).not.toMatch(/New \(\d+\)/);
    }
    expect(res.body.text).toContain("Rounding off by a cent on tiered rates");
    expect(res.body.text).toContain("Decided by Rachel Stone");
  });

  it("labels the attendees as invited", async () => {
    const res = await request(after).get(`/api/meetings/${meeting}/recap`).set("Authorization", dana);
    expect(res.body.text).toMatch(/^Invited: .*Rachel Stone/m);
    expect(res.body.text).not.toMatch(/^Attendees:/m);
  });

  it("warns before the start: 409 recap_before_start, nothing sent, unless the PM confirms", async () => {
    const preview = await request(before).get(`/api/meetings/${meeting}/recap`).set("Authorization", dana);
    expect(preview.body.beforeStart).toBe(true);
    const id = randomUUID();
    const refused = await request(before).post(`/api/meetings/${meeting}/recap/send`).set("Authorization", dana).send({ id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("recap_before_start");
    expect((await request(before).get(`/api/outbox/${id}/file`).set("Authorization", dana)).status).toBe(404);
    const again = await request(before).get(`/api/meetings/${meeting}/recap`).set("Authorization", dana);
    expect(again.body.lastSent).toBeNull();
    const confirmed = await request(before).post(`/api/meetings/${meeting}/recap/send`).set("Authorization", dana).send({ id, sendBeforeStart: true });
    expect(confirmed.status).toBe(201);
    const afterPreview = await request(after).get(`/api/meetings/${meeting}/recap`).set("Authorization", dana);
    expect(afterPreview.body.beforeStart).toBe(false);
  });

  it("sends to the PM's own recipients; all internal keeps internal notes, one outside address makes it customer-safe", async () => {
    const internalOnly = ["helen.park@contoso.com", "kevin.brooks@contoso.com"];
    const inside = await request(after).get(`/api/meetings/${meeting}/recap?to=${internalOnly.join(",")}`).set("Authorization", dana);
    expect(inside.status).toBe(200);
    expect(inside.body.audience).toBe("internal");
    expect(inside.body.to.map((r: { email: string }) => r.email)).toEqual(internalOnly);
    expect(inside.body.to[0].name).toBe("Helen Park");
    expect(inside.body.text).toContain(INTERNAL_NOTE);

    const withOutsider = [...internalOnly, "auditor@example.org"];
    const id = randomUUID();
    const sent = await request(after).post(`/api/meetings/${meeting}/recap/send`).set("Authorization", dana).send({ id, to: withOutsider });
    expect(sent.status).toBe(201);
    expect(sent.body.audience).toBe("external");
    const eml = await request(after).get(`/api/outbox/${id}/file`).set("Authorization", dana);
    const mail = await simpleParser(eml.text);
    expect(addresses(mail.to).sort()).toEqual([...withOutsider].sort());
    expect(addresses(mail.cc)).toEqual([]);
    expect(mail.text).not.toContain(INTERNAL_NOTE);
    expect(String(mail.html)).not.toContain(INTERNAL_NOTE);
    expect(mail.text).toContain("UAT starts Friday with two testers");
  });

  it("names a bad recipient field", async () => {
    const res = await request(after).post(`/api/meetings/${meeting}/recap/send`).set("Authorization", dana).send({ id: randomUUID(), to: ["not an address"] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual(expect.arrayContaining([expect.stringMatching(/^to\.0: /)]));
    const query = await request(after).get(`/api/meetings/${meeting}/recap?to=nobody`).set("Authorization", dana);
    expect(query.status).toBe(400);
  });

  it("the weekly customer call's recap names the next call when it exists", async () => {
    const previous = demoMeetingId("m_cust_prev");
    const res = await request(after).get(`/api/meetings/${previous}/recap`).set("Authorization", dana);
    expect(res.status).toBe(200);
    expect(res.body.text).not.toContain("No next call is scheduled yet");
    const next = res.body.text.slice(res.body.text.indexOf("NEXT CALL"));
    expect(next).toContain("Riverbend weekly status");
    const id = randomUUID();
    await request(after).post(`/api/meetings/${previous}/recap/send`).set("Authorization", dana).send({ id });
    const mail = await simpleParser((await request(after).get(`/api/outbox/${id}/file`).set("Authorization", dana)).text);
    expect(mail.text).toMatch(/NEXT CALL\n=+\n.*Riverbend weekly status/);
  });
});
