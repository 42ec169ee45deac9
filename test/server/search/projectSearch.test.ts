import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import { randomUUID } from "node:crypto";
import { demoId, seedDemo } from "../../../server/db/demo/seedDemo";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import type { SearchHitDto } from "../../../contracts/search";
import { TEST_NOW } from "../../support/constants";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, demoProjectId, devAuth } from "../../support/testApp";

// Search across a project's calls, notes and RAID log (issue 17 §6), over the demo data on both
// databases, as the PM (internal) and as the customer's project lead (external).

const TENANT_B = "22222222-2222-4222-8222-222222222222";
const raid = (key: string, tenant = DEMO_TENANT_ID) => demoId(`raid_${key}`, tenant);
const NOTE = "We decided that paper suppression opt-out starts with the first bill cycle after go-live.";
const INTERNAL_NOTE = "Meridian's margin is thin: hold firm on the change fee.";

describe.each(databaseKinds)("project search on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  const noteId = randomUUID();
  const internalNoteId = randomUUID();
  const search = async (q: string, who = "dana", projectId = demoProjectId()) => {
    const r = await request(app).get(`/api/projects/${projectId}/search`).query({ q }).set("Authorization", devAuth(who));
    expect(r.status).toBe(200);
    return r.body.hits as SearchHitDto[];
  };
  const summary = (hits: SearchHitDto[]) => hits.map((h) => `${h.kind}: ${h.title}`);

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    await seedDemo(tdb.database, { now: TEST_NOW, tenantId: TENANT_B, label: "B " });
    app = buildTestApp(tdb.database);
    // Notes taken in the last customer call, through the capture API: one shared, one internal only.
    const meeting = demoMeetingId("m_cust_prev");
    for (const [id, body, internalOnly] of [[noteId, NOTE, false], [internalNoteId, INTERNAL_NOTE, true]] as const) {
      const r = await request(app).post(`/api/meetings/${meeting}/notes`).set("Authorization", devAuth("dana")).send({ id, agendaItemKey: "raid", body, internalOnly });
      expect(r.status).toBe(201);
    }
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it("a word from a decision finds the decision", async () => {
    const hits = await search("residential");
    expect(summary(hits)).toEqual(["decision: Commercial accounts go live with residential (single cut-over)"]);
    expect(hits[0]?.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(["residential"]);
    expect(hits[0]?.href).toBe(`/projects/${demoProjectId()}#raid`);
  });

  it("a person's name finds what they own", async () => {
    const hits = await search("Alicia Grant");
    expect(summary(hits)).toEqual(["action: Meridian to send the returned-payment file spec"]);
    expect(hits[0]?.ownerName).toBe("Alicia Grant");
    // Raised in last week's customer call: the hit opens that call.
    expect(hits[0]?.meeting?.subject).toBe("Riverbend weekly status");
    expect(hits[0]?.href).toBe(`/meetings/${demoMeetingId("m_cust_prev")}`);
  });

  it("a phrase from a note finds the note, and the question of the issue finds it too", async () => {
    const phrase = await search('"paper suppression opt-out"');
    expect(summary(phrase)).toEqual([`note: ${NOTE.slice(0, 79)}…`]);
    expect(phrase[0]?.href).toBe(`/meetings/${demoMeetingId("m_cust_prev")}`);
    const question = await search("what did we decide about paper suppression?");
    expect(question.map((h) => h.id)).toEqual([noteId]);
    // Without "decide", the action about the same subject is found as well.
    expect(summary(await search("paper suppression"))).toEqual(expect.arrayContaining(["action: Confirm paper suppression legal wording", `note: ${NOTE.slice(0, 79)}…`]));
  });

  it("a RAID title finds its entry, in this tenant's project only", async () => {
    const hits = await search("Keystone IVR sandbox");
    expect(summary(hits)).toEqual(["issue: Keystone IVR sandbox not reachable from our network"]);
    expect(hits[0]?.id).toBe(raid("r11"));
    expect(hits[0]?.id).not.toBe(raid("r11", TENANT_B));
  });

  it("a word prefix finds the words it starts", async () => {
    expect(summary(await search("autop")).sort()).toEqual(["action: Ask product for multi-account autopay enhancement", "issue: Autopay enrolment file has no effective-date column"]);
    expect(summary(await search("budget-billing invo"))).toEqual(["issue: Budget-billing invoices round to the wrong cent"]);
    // Inside a quoted phrase the last word is a word, not a prefix.
    expect(await search('"autop"')).toEqual([]);
  });

  it("finds meetings by subject", async () => {
    const hits = await search("steering");
    expect(summary(hits)).toEqual(["meeting: Riverbend steering committee"]);
    expect(hits[0]?.href).toBe(`/meetings/${demoMeetingId("m_steer")}`);
  });

  it("the customer never gets internal-only entries, internal notes or internal meetings", async () => {
    expect(summary(await search("autop", "rachel"))).toEqual(["issue: Autopay enrolment file has no effective-date column"]);
    expect(await search("margin change fee", "rachel")).toEqual([]);
    expect((await search("margin change fee", "dana")).map((h) => [h.id, h.internalOnly])).toEqual([[internalNoteId, true]]);
    expect(summary(await search("holidays capacity", "rachel"))).toEqual([]);
    expect(summary(await search("holidays capacity", "dana"))).toEqual(["risk: Team capacity dip over the holidays"]);
    // "Riverbend internal status" is a call of internal people only.
    expect(summary(await search('"internal status"', "dana"))).toEqual(["meeting: Riverbend internal status", "meeting: Riverbend internal status"]);
    expect(await search('"internal status"', "rachel")).toEqual([]);
    expect((await search("paper suppression", "rachel")).map((h) => h.id)).toContain(noteId);
  });

  it("walls: another tenant's project is not found; a bad query is refused", async () => {
    const other = await request(app).get(`/api/projects/${demoProjectId(TENANT_B)}/search`).query({ q: "Keystone" }).set("Authorization", devAuth("dana"));
    expect(other.status).toBe(404);
    const fromB = await request(app).get(`/api/projects/${demoProjectId()}/search`).query({ q: "Keystone" }).set("Authorization", devAuth("dana", TENANT_B));
    expect(fromB.status).toBe(404);
    const empty = await request(app).get(`/api/projects/${demoProjectId()}/search`).query({ q: "  " }).set("Authorization", devAuth("dana"));
    expect(empty.status).toBe(400);
    // Query syntax never errors: stray operators are read as words.
    expect(await search("paper & | ! :* ( suppression")).toEqual(expect.any(Array));
  });
});
