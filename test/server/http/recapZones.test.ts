import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import request from "supertest";
import type { Express } from "express";
import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import * as t from "../../../server/db/tables";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, devAuth } from "../../support/testApp";
import { demoPeople } from "../../../server/db/demo/demoPeople";

// Issue 16: "In e-mail, use the recipient's zone when known, else the sender's, and name the zone."
// Rachel Stone (the customer) works in London, Marcus Lee in New York, Dana Whitfield (the sender)
// in Chicago. Each sent recap is read back from its .eml with a real MIME parser (mailparser).

const AFTER_THE_CALL = new Date("2026-12-01T15:00:00.000Z");
const email = (key: string) => demoPeople.find((p) => p.key === key)?.email ?? "";

/** "14:00–14:45" of the call in `timeZone`, computed independently of the server (Intl, en-GB 24-hour). */
function span(startsAt: string, endsAt: string, timeZone: string): string {
  const hm = (iso: string) => new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(new Date(iso));
  return `${hm(startsAt)}–${hm(endsAt)}`;
}

describe.each(databaseKinds)("recap e-mail in the reader's time zone, on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  const dana = devAuth("dana");
  const meeting = demoMeetingId("m_cust_prev");
  let call: { startsAt: string; endsAt: string };

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    const zones: [string, string][] = [
      ["rachel", "Europe/London"],
      ["marcus", "America/New_York"],
      ["dana", "America/Chicago"],
    ];
    for (const [key, timeZone] of zones) await tdb.database.db.update(t.people).set({ timeZone }).where(eq(t.people.email, email(key)));
    app = buildTestApp(tdb.database, { now: AFTER_THE_CALL });
    call = (await request(app).get(`/api/meetings/${meeting}`).set("Authorization", dana)).body as { startsAt: string; endsAt: string };
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  async function sendTo(to: string[]) {
    const id = randomUUID();
    const sent = await request(app).post(`/api/meetings/${meeting}/recap/send`).set("Authorization", dana).send({ id, to });
    expect(sent.status).toBe(201);
    const file = await request(app).get(`/api/outbox/${id}/file`).set("Authorization", dana);
    expect(file.status).toBe(200);
    const mail = await simpleParser(file.text);
    return { text: (mail.text ?? "").replace(/\s+/g, " "), html: String(mail.html) };
  }

  it("a London recipient reads the call in London time, the zone named", async () => {
    const mail = await sendTo([email("rachel")]);
    const london = `${span(call.startsAt, call.endsAt, "Europe/London")} GMT (London)`;
    expect(mail.text).toContain(london);
    expect(mail.html).toContain(london);
    expect(mail.text).not.toContain("(New York)");
    expect(mail.text).not.toContain("(Chicago)");
  });

  it("a New York recipient reads it in New York time", async () => {
    const mail = await sendTo([email("marcus")]);
    const newYork = `${span(call.startsAt, call.endsAt, "America/New_York")} EST (New York)`;
    expect(mail.text).toContain(newYork);
    expect(mail.html).toContain(newYork);
    expect(mail.text).not.toContain("(London)");
  });

  it("recipients in both zones get one message in the sender's zone, with the call's time in each of theirs", async () => {
    const mail = await sendTo([email("rachel"), email("marcus")]);
    const chicago = `${span(call.startsAt, call.endsAt, "America/Chicago")} CST (Chicago)`;
    expect(mail.text).toContain(`${chicago} · ${span(call.startsAt, call.endsAt, "America/New_York")} EST (New York) · ${span(call.startsAt, call.endsAt, "Europe/London")} GMT (London)`);
  });

  it("an address with no known zone gets the sender's zone, named", async () => {
    const mail = await sendTo(["auditor@example.org"]);
    expect(mail.text).toContain(`${span(call.startsAt, call.endsAt, "America/Chicago")} CST (Chicago)`);
  });
});
