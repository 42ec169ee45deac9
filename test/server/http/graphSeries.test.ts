import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import request from "supertest";
import type { Express } from "express";
import { and, eq } from "drizzle-orm";
import { databaseKinds, type TestDatabase } from "../../support/testDatabase";
import { demoProjectId } from "../../support/testApp";
import type { FakeEntraServer } from "../../support/graph/fakeEntraServer";
import type { FakeGraphServer } from "../../support/graph/fakeGraphServer";
import { graphModeApp, oboGraphGateway, startGraphWorld } from "../../support/graph/graphWorld";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import { seedDemo } from "../../../server/db/demo/seedDemo";
import * as t from "../../../server/db/tables";

/** The demo: seeded on Sun 29 Nov 2026; Marcus Lee (IM) is out 5–9 Dec, Jordan Blake is his backup. */
const SEEDED_AT = new Date("2026-11-29T15:00:00.000Z");

interface DraftAttendee {
  email: string;
  name: string;
  type: "required" | "optional";
}

// Graph mode through the HTTP API: Teams SSO → OBO against a local Entra → the Graph SDK → a local
// Graph that checks bodies against v1.0 types. Issue 15 §3 (an occurrence inside someone's out of
// office names the backup in Outlook too) and issue 14 §1 (the series' Teams links find its calls).
describe.each(databaseKinds)("a series created through Microsoft Graph on %s", (kind) => {
  let tdb: TestDatabase;
  let entra: FakeEntraServer;
  let graph: FakeGraphServer;
  let app: Express;
  let seriesId: string;
  let eventId: string;
  let joinUrl: string;
  const dana = async () =>
    `Bearer ${await entra.mintTeamsToken({ tenantId: DEMO_TENANT_ID, email: "Dana.Whitfield@contoso.com", name: "Dana Whitfield", oid: "0a0a0a0a-0000-4000-8000-00000000da7a" })}`;

  beforeAll(async () => {
    ({ tdb, entra, graph } = await startGraphWorld({ database: kind, seed: false, tenantId: DEMO_TENANT_ID }));
    await seedDemo(tdb.database, { now: SEEDED_AT });
    const gateway = oboGraphGateway(entra, graph, { retryDelaySeconds: 0, maxRetries: 1, replayDelayMs: 5, settleMs: 10 });
    app = graphModeApp({ database: tdb.database, entra, mail: () => gateway, clock: () => SEEDED_AT });

    // What the series page sends: the draft's attendees and its occurrences with their own.
    const token = await dana();
    const draft = await request(app)
      .get(`/api/projects/${demoProjectId()}/series/draft?callType=customer_status&from=2026-12-02&weekday=wednesday&startTime=10:00&durationMinutes=30`)
      .set("Authorization", token);
    expect(draft.status).toBe(200);
    const strip = (list: DraftAttendee[]) => list.map(({ email, name, type }) => ({ email, name, type }));
    seriesId = randomUUID();
    const created = await request(app)
      .post(`/api/projects/${demoProjectId()}/series`)
      .set("Authorization", token)
      .send({
        id: seriesId, callType: "customer_status", subject: draft.body.subject, from: "2026-12-02", occurrences: 4,
        attendees: strip(draft.body.attendees),
        occurrenceAttendees: (draft.body.occurrences as { localStart: string; attendees: DraftAttendee[] }[]).map((o) => ({ localStart: o.localStart, attendees: strip(o.attendees) })),
      });
    expect(created.status).toBe(201);
    eventId = created.body.eventId;
    joinUrl = created.body.joinUrl;
  });
  afterAll(async () => {
    await Promise.all([tdb?.drop(), entra?.close(), graph?.close()]);
  });

  it("Outlook's 9 Dec occurrence invites Jordan Blake as Marcus Lee's backup; the other occurrences and the series keep Marcus required", async () => {
    const invited = (originalStart: string) => graph.mailbox.attendeesOfOccurrence(eventId, originalStart).map((a) => `${a.type} ${a.name}`);
    // 10:00 New York is 15:00Z in December.
    expect(invited("2026-12-09T15:00:00Z")).toEqual(expect.arrayContaining(["required Jordan Blake", "optional Marcus Lee"]));
    for (const other of ["2026-12-02T15:00:00Z", "2026-12-16T15:00:00Z", "2026-12-23T15:00:00Z"]) {
      expect(invited(other)).toContain("required Marcus Lee");
      expect(invited(other).join()).not.toContain("Jordan Blake");
    }
    expect(graph.requestsTo("updateEvent").map((r) => r.outcome)).toEqual([200]);
  });

  it("stores the calls of the series with the Teams meeting's join link and join meeting id; the 9 Dec call lists Jordan", async () => {
    const online = [...graph.mailbox.chats.values()].find((c) => c.joinWebUrl === joinUrl);
    expect(online?.joinMeetingId).toMatch(/^\d{13}$/);
    const rows = await tdb.database.db
      .select({ startsAt: t.meetings.startsAt, joinWebUrl: t.meetings.joinWebUrl, joinMeetingId: t.meetings.joinMeetingId, attendees: t.meetings.attendees })
      .from(t.meetings)
      .where(and(eq(t.meetings.tenantId, DEMO_TENANT_ID), eq(t.meetings.joinMeetingId, online?.joinMeetingId ?? "-")));
    expect(rows.map((r) => new Date(r.startsAt).toISOString()).sort()).toEqual(
      ["2026-12-02T15:00:00.000Z", "2026-12-09T15:00:00.000Z", "2026-12-16T15:00:00.000Z", "2026-12-23T15:00:00.000Z"],
    );
    for (const row of rows) expect(row.joinWebUrl).toBe(joinUrl);
    const ninth = rows.find((r) => new Date(r.startsAt).toISOString().startsWith("2026-12-09"));
    expect(ninth?.attendees.map((a) => a.name)).toContain("Jordan Blake");
  });

  it("a short link of the series (/meet/<join meeting id>) finds its next call without asking Graph; so does the join link", async () => {
    const online = [...graph.mailbox.chats.values()].find((c) => c.joinWebUrl === joinUrl);
    const token = await dana();
    const asked = graph.requestsTo("listOnlineMeetings").length;
    const short = `https://teams.microsoft.com/meet/${online?.joinMeetingId ?? ""}?p=${online?.passcode ?? ""}`;
    for (const link of [short, joinUrl]) {
      const res = await request(app).get("/api/meetings/lookup").query({ joinUrl: link }).set("Authorization", token);
      expect(res.status).toBe(200);
      expect(res.body.matchedBy).toBe("joinUrl");
      // Every occurrence shares the link: the one nearest the clock (29 Nov) is the 2 Dec call.
      expect(res.body.meeting).toMatchObject({ subject: expect.stringMatching(/customer status/i), startsAt: "2026-12-02T15:00:00.000Z" });
    }
    expect(graph.requestsTo("listOnlineMeetings").length).toBe(asked);
  });

  it("the Outlook pane opened on the 16 Dec occurrence (its join link and its own start) finds the 16 Dec call", async () => {
    const token = await dana();
    for (const start of ["2026-12-09T15:00:00.000Z", "2026-12-16T15:00:00.000Z", "2026-12-23T15:00:00.000Z"]) {
      const res = await request(app).get("/api/meetings/lookup").query({ joinUrl, subject: "no such subject", start }).set("Authorization", token);
      expect(res.body).toMatchObject({ matchedBy: "joinUrl", meeting: { startsAt: start } });
    }
  });
});
