import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import { eq } from "drizzle-orm";
import * as t from "../../../server/db/tables";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, devAuth } from "../../support/testApp";
import { demoPeople } from "../../../server/db/demo/demoPeople";
import { adaptiveCardProblems } from "../../support/bot/checkAdaptiveCard";
import type { TeamsCardDto } from "../../../contracts/bot";
import type { MeetingDetail } from "../../../contracts/meetings";

// The recap card in the meeting chat names its call's date and time, so two "Riverbend weekly
// status" cards read apart. The zone follows the e-mail recap's rule (domain/recap/recapZone.ts):
// the attendees' zone when every attendee with a known zone shares it, else the organiser's
// (Dana Whitfield), else US Eastern; the zone is named, other attendees' zones follow.

const email = (key: string) => demoPeople.find((p) => p.key === key)?.email ?? "";

/** "Tue 17 Nov 2026, 14:45–15:30" of the call in `timeZone`, computed with Intl (en-GB), not the server's formatter. */
function span(startsAt: string, endsAt: string, timeZone: string, withDate = true): string {
  const parts = (iso: string) => new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone }).formatToParts(new Date(iso));
  const part = (iso: string, type: string) => parts(iso).find((p) => p.type === type)?.value ?? "";
  const hm = (iso: string) => new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(new Date(iso));
  const date = `${part(startsAt, "weekday")} ${part(startsAt, "day")} ${part(startsAt, "month")} ${part(startsAt, "year")}`;
  return `${withDate ? `${date}, ` : ""}${hm(startsAt)}–${hm(endsAt)}`;
}

describe.each(databaseKinds)("the recap card names its call's date, on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  const dana = devAuth("dana");
  const prev = demoMeetingId("m_cust_prev");
  const prev2 = demoMeetingId("m_cust_prev2");

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    app = buildTestApp(tdb.database);
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  const setZones = async (zones: [string, string | null][]) => {
    for (const [key, timeZone] of zones) await tdb.database.db.update(t.people).set({ timeZone }).where(eq(t.people.email, email(key)));
  };
  const call = async (id: string) => (await request(app).get(`/api/meetings/${id}`).set("Authorization", dana)).body as MeetingDetail;
  const cardText = async (id: string) => {
    const res = await request(app).get("/api/outbox/teams-cards").set("Authorization", dana);
    expect(res.status).toBe(200);
    const card = (res.body.items as TeamsCardDto[]).find((i) => i.kind === "recap_card" && i.meetingId === id);
    expect(adaptiveCardProblems(card?.card)).toEqual([]);
    return JSON.stringify(card?.card);
  };

  it("two weekly status cards of the same name carry their own dates, in US Eastern when no zone is known", async () => {
    const [a, b] = [await call(prev), await call(prev2)];
    expect(a.subject).toBe(b.subject);
    const [cardA, cardB] = [await cardText(prev), await cardText(prev2)];
    expect(cardA).toContain(`${span(a.startsAt, a.endsAt, "America/New_York")} EST (New York)`);
    expect(cardB).toContain(`${span(b.startsAt, b.endsAt, "America/New_York")} EST (New York)`);
    expect(cardA).not.toContain(span(b.startsAt, b.endsAt, "America/New_York"));
  });

  it("attendees who share a zone read the call in it", async () => {
    await setZones([["rachel", "Europe/London"]]);
    const a = await call(prev);
    const card = await cardText(prev);
    expect(card).toContain(`${span(a.startsAt, a.endsAt, "Europe/London")} GMT (London)`);
    expect(card).not.toContain("(New York)");
  });

  it("attendees across zones read it in the organiser's zone, with the time in each of theirs", async () => {
    await setZones([["rachel", "Europe/London"], ["marcus", "America/New_York"], ["dana", "America/Chicago"]]);
    const a = await call(prev);
    const card = await cardText(prev);
    expect(card).toContain(
      `${span(a.startsAt, a.endsAt, "America/Chicago")} CST (Chicago) · ${span(a.startsAt, a.endsAt, "America/New_York", false)} EST (New York) · ${span(a.startsAt, a.endsAt, "Europe/London", false)} GMT (London)`,
    );
  });
});
