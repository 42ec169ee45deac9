import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import request from "supertest";
import type { Express } from "express";
import ICAL from "ical.js";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, demoProjectId, devAuth } from "../../support/testApp";

describe.each(databaseKinds)("recap, outbox and call series on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  const dana = devAuth("dana");
  const meeting = demoMeetingId("m_cust");
  const INTERNAL_NOTE = "Internal only: Meridian is understaffed, escalate via Helen";
  const INTERNAL_ITEM = "Internal only: consider discount if go-live slips";

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    app = buildTestApp(tdb.database);
    const post = (path: string, body: object) => request(app).post(`/api/meetings/${meeting}${path}`).set("Authorization", dana).send(body);
    await post("/notes", { id: randomUUID(), agendaItemKey: "rag", body: "Path to green agreed with Rachel" });
    await post("/notes", { id: randomUUID(), agendaItemKey: "rag", body: INTERNAL_NOTE, internalOnly: true });
    await post("/items", { id: randomUUID(), kind: "risk", title: INTERNAL_ITEM, internalOnly: true });
    await post("/items", { id: randomUUID(), kind: "decision", title: "UAT starts Friday with two testers", decidedBy: "Rachel Stone" });
    await post("/items", {
      id: randomUUID(), kind: "action", title: "Rejects file spec", provider: "Alicia Grant", deliverable: "the rejects file spec",
      recipient: "Priya Raman", neededFor: "UAT round 1", dueDate: "2026-11-25",
    });
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it("previews the customer recap: status report in, internal notes and items out", async () => {
    const res = await request(app).get(`/api/meetings/${meeting}/recap`).set("Authorization", dana);
    expect(res.status).toBe(200);
    expect(res.body.audience).toBe("external");
    expect(res.body.to.map((p: { email: string }) => p.email)).toContain("rachel.stone@riverbendutilities.com");
    for (const part of [res.body.html, res.body.text, res.body.subject]) {
      expect(part).not.toContain(INTERNAL_NOTE);
      expect(part).not.toContain(INTERNAL_ITEM);
    }
    expect(res.body.omittedInternal).toBe(2);
    expect(res.body.text).toContain("Path to green agreed with Rachel");
    expect(res.body.html).toContain("Alicia Grant provides the rejects file spec to Priya Raman before UAT round 1");
    expect(res.body.text).toMatch(/Amber/);
    expect(res.body.text).toContain("42 days to go-live");
    expect(res.body.html).not.toMatch(/<script/i);
  });

  it("includes internal text only when everyone is internal", async () => {
    const res = await request(app).get(`/api/meetings/${meeting}/recap?audience=internal`).set("Authorization", dana);
    // The recipients include the customer, so the composer treats it as external anyway.
    expect(res.body.audience).toBe("external");
    expect(res.body.text).not.toContain(INTERNAL_NOTE);
  });

  it("sends once into the local outbox, marks the recap sent, and serves the .eml", async () => {
    const id = randomUUID();
    const first = await request(app).post(`/api/meetings/${meeting}/recap/send`).set("Authorization", dana).send({ id, intro: "Thanks all <3", sendBeforeStart: true });
    expect(first.status).toBe(201);
    expect(first.body.status).toBe("sent");
    const again = await request(app).post(`/api/meetings/${meeting}/recap/send`).set("Authorization", dana).send({ id });
    expect(again.status).toBe(200);
    const outbox = await request(app).get("/api/outbox").set("Authorization", dana);
    expect(outbox.body.items.filter((i: { id: string }) => i.id === id)).toHaveLength(1);
    const eml = await request(app).get(`/api/outbox/${id}/file`).set("Authorization", dana);
    expect(eml.status).toBe(200);
    expect(eml.headers["content-type"]).toContain("message/rfc822");
    expect(eml.text).toContain("multipart/alternative");
    expect(eml.text).toContain("rachel.stone@riverbendutilities.com");
    expect(eml.text).not.toContain(INTERNAL_NOTE);
    const preview = await request(app).get(`/api/meetings/${meeting}/recap`).set("Authorization", dana);
    expect(preview.body.lastSent).toMatchObject({ id, status: "sent", by: "Dana Whitfield" });
  });

  it("proposes a triage series with the runbook's attendees and creates it as an .ics that parses", async () => {
    const draft = await request(app).get(`/api/projects/${demoProjectId()}/series/draft?callType=triage&from=2026-11-23`).set("Authorization", dana);
    expect(draft.status).toBe(200);
    const names = draft.body.attendees.map((a: { name: string }) => a.name);
    expect(names).toEqual(expect.arrayContaining(["Marcus Lee", "Dana Whitfield", "Sallie Ortiz", "Grace Kim", "Luis Moreno"]));
    expect(names).not.toContain("Rachel Stone");
    const id = randomUUID();
    const created = await request(app)
      .post(`/api/projects/${demoProjectId()}/series`)
      .set("Authorization", dana)
      .send({ id, callType: "triage", subject: draft.body.subject, from: "2026-11-23", attendees: draft.body.attendees.map(({ email, name, type }: { email: string; name: string; type: string }) => ({ email, name, type })) });
    expect(created.status).toBe(201);
    const ics = await request(app).get(`/api/outbox/${id}/file`).set("Authorization", dana);
    expect(ics.headers["content-type"]).toContain("text/calendar");
    const comp = new ICAL.Component(ICAL.parse(ics.text));
    const event = comp.getFirstSubcomponent("vevent");
    expect(event).not.toBeNull();
    const rrule = event?.getFirstPropertyValue("rrule");
    expect(String(rrule)).toMatch(/^FREQ=WEEKLY;BYDAY=TU,TH(;WKST=SU)?$/);
    const dtstart = event?.getFirstProperty("dtstart");
    expect(dtstart?.getParameter("tzid")).toBe("America/New_York");
    expect(String(dtstart?.getFirstValue())).toBe("2026-11-24T10:00:00");
    expect(comp.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("America/New_York");
  });

  it("refuses a series with bad input, field by field", async () => {
    const res = await request(app)
      .post(`/api/projects/${demoProjectId()}/series`)
      .set("Authorization", dana)
      .send({ id: randomUUID(), callType: "triage", subject: "", from: "tomorrow", attendees: [{ email: "nope", name: "X", type: "required" }] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual(
      expect.arrayContaining(["subject: is required", "from: must be a date like 2026-12-31", "attendees.0.email: must be an e-mail address"]),
    );
  });
});
