import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import request, { type Response } from "supertest";
import type { Express } from "express";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, demoProjectId, devAuth } from "../../support/testApp";
import { demoId, seedDemo } from "../../../server/db/demo/seedDemo";
import { TEST_NOW } from "../../support/constants";
import { openSse } from "../../support/sseClient";

// Issue 13 §1: every read and write route × who is asking. Internal content is the demo's two
// internal-only RAID items and an internal note and item captured in the customer call.

const TENANT_B = "0b7e5c1d-2f3a-4e5b-8c9d-0000000000b2";
const personas = ["internal", "customer", "vendor", "nonMember", "otherTenant"] as const;
type Persona = (typeof personas)[number];
const credential: Record<Persona, string> = {
  internal: devAuth("dana"), // PM, organisation internal
  customer: devAuth("rachel"), // Rachel Stone, the customer's project lead
  vendor: devAuth("steve"), // Meridian CIS project manager
  nonMember: devAuth("kevin"), // in the tenant, on no project
  otherTenant: devAuth("dana", TENANT_B),
};

const INTERNAL_NOTE = "Internal only: Meridian is understaffed, escalate via Helen";
const INTERNAL_ITEM = "Internal only: consider discount if go-live slips";
const INTERNAL_DECISION = "Internal decision: offer a discount if go-live slips";
const secrets = ["Team capacity dip over the holidays", "Ask product for multi-account autopay enhancement", INTERNAL_NOTE, INTERNAL_ITEM, INTERNAL_DECISION];
const PUBLIC_NOTE = "Path to green agreed with Rachel";

const project = demoProjectId();
const cust = demoMeetingId("m_cust");
const internalMeeting = demoMeetingId("m_int");
const internalRaid = demoId("raid_r12");
// The Teams meeting chats the demo stores on its meetings (seedDemo).
const custChat = "19:meeting_m_cust@thread.v2";
const internalChat = "19:meeting_m_int@thread.v2";

/** What a persona should get: a status, or a status and a check of the body. */
type Outcome = number | [number, (res: Response) => void];

const showsNoSecret = (res: Response) => {
  for (const s of secrets) expect(res.text).not.toContain(s);
};
const shows = (text: string) => (res: Response) => expect(res.text).toContain(text);
const external = (status: number, check: (res: Response) => void = showsNoSecret): { customer: Outcome; vendor: Outcome } => ({
  customer: [status, check],
  vendor: [status, check],
});

interface Case {
  name: string;
  call: (auth: string) => Promise<Response>;
  expect: Partial<Record<Persona, Outcome>>;
}

describe.each(databaseKinds)("audience walls: every route × who asks, on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  let server: Server;
  let base: string;
  let internalItemId = "";
  let internalNoteId = "";
  let internalStart = "";
  const internalRecapId = randomUUID();

  const get = (path: string) => (auth: string) => request(app).get(path).set("Authorization", auth);
  const send = (method: "post" | "patch" | "put" | "delete", path: string, body: () => object | Promise<object>) => async (auth: string) =>
    request(app)[method](path).set("Authorization", auth).send(await body());
  const itemVersion = async (meeting: string, id: string) => {
    const res = await request(app).get(`/api/meetings/${meeting}/capture`).set("Authorization", credential.internal);
    return (res.body.items as { id: string; version: number }[]).find((i) => i.id === id)?.version ?? 0;
  };
  const raidVersion = async () => {
    const res = await request(app).get(`/api/projects/${project}/raid?limit=200`).set("Authorization", credential.internal);
    return (res.body.items as { id: string; version: number }[]).find((i) => i.id === internalRaid)?.version ?? 0;
  };

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    await seedDemo(tdb.database, { now: TEST_NOW, tenantId: TENANT_B, label: "B " });
    app = buildTestApp(tdb.database);
    server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const post = (path: string, body: object) => request(app).post(`/api/meetings/${cust}${path}`).set("Authorization", credential.internal).send(body);
    await post("/notes", { id: randomUUID(), agendaItemKey: "rag", body: PUBLIC_NOTE });
    internalNoteId = (await post("/notes", { id: randomUUID(), agendaItemKey: "rag", body: INTERNAL_NOTE, internalOnly: true })).body.id;
    internalItemId = (await post("/items", { id: randomUUID(), kind: "risk", title: INTERNAL_ITEM, internalOnly: true })).body.id;
    const recap = await request(app).post(`/api/meetings/${internalMeeting}/recap/send`).set("Authorization", credential.internal).send({ sendBeforeStart: true, id: internalRecapId });
    expect(recap.status).toBe(201);
    const decision = await request(app)
      .post(`/api/projects/${project}/raid`)
      .set("Authorization", credential.internal)
      .send({ kind: "decision", title: INTERNAL_DECISION, internalOnly: true });
    expect(decision.status).toBe(201);
    internalStart = (await request(app).get(`/api/meetings/${internalMeeting}`).set("Authorization", credential.internal)).body.startsAt;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    await tdb?.drop();
  });

  const reads: Case[] = [
    {
      name: "GET /api/meetings (list)",
      call: get("/api/meetings?limit=100"),
      expect: {
        internal: [200, shows(internalMeeting)],
        ...external(200, (res) => {
          expect(res.text).not.toContain(internalMeeting);
          expect(res.text).toContain(cust);
        }),
        nonMember: [200, (res) => expect(res.body.meetings).toEqual([])],
        otherTenant: [200, (res) => expect(res.text).not.toContain(cust)],
      },
    },
    { name: "GET meeting (customer call)", call: get(`/api/meetings/${cust}`), expect: { internal: 200, ...external(200) } },
    { name: "GET meeting (internal status call)", call: get(`/api/meetings/${internalMeeting}`), expect: { internal: 200, customer: 403, vendor: 403 } },
    { name: "GET agenda (customer call)", call: get(`/api/meetings/${cust}/agenda`), expect: { internal: 200, ...external(200) } },
    {
      name: "GET agenda (internal status call, cached for the internal side first)",
      call: get(`/api/meetings/${internalMeeting}/agenda`),
      expect: { internal: [200, shows("Team capacity dip over the holidays")], customer: 403, vendor: 403 },
    },
    // Issue 19: the agenda and capture named by the Teams chat answer each persona as by the meeting's id.
    // Another tenant's Dana finds her own tenant's call behind the same chat id, never this one.
    {
      name: "GET agenda by chat (customer call)",
      call: get(`/api/meetings/by-chat/agenda?chatId=${encodeURIComponent(custChat)}`),
      expect: { internal: 200, ...external(200), otherTenant: [200, (res) => expect(res.text).not.toContain(cust)] },
    },
    {
      name: "GET agenda by chat (internal status call)",
      call: get(`/api/meetings/by-chat/agenda?chatId=${encodeURIComponent(internalChat)}`),
      expect: { internal: [200, shows("Team capacity dip over the holidays")], customer: 403, vendor: 403, otherTenant: 200 },
    },
    {
      name: "GET capture by chat (customer call)",
      call: get(`/api/meetings/by-chat/capture?chatId=${encodeURIComponent(custChat)}`),
      expect: {
        internal: [200, (res) => (shows(INTERNAL_NOTE)(res), expect(res.body).toMatchObject({ meetingId: cust, canMarkInternal: true }))],
        ...external(200, (res) => (showsNoSecret(res), shows(PUBLIC_NOTE)(res), expect(res.body).toMatchObject({ meetingId: cust, canMarkInternal: false, internalByDefault: false }))),
        otherTenant: [200, (res) => expect(res.body.meetingId).toBe(demoId("meeting_m_cust", TENANT_B))],
      },
    },
    {
      name: "GET capture by chat (internal status call)",
      call: get(`/api/meetings/by-chat/capture?chatId=${encodeURIComponent(internalChat)}`),
      expect: { internal: [200, (res) => expect(res.body.meetingId).toBe(internalMeeting)], customer: 403, vendor: 403, otherTenant: [200, (res) => expect(res.body.meetingId).toBe(demoId("meeting_m_int", TENANT_B))] },
    },
    { name: "GET attendees", call: get(`/api/meetings/${cust}/attendees`), expect: { internal: 200, ...external(200) } },
    { name: "GET prep", call: get(`/api/meetings/${cust}/prep`), expect: { internal: [200, shows("Ask product for multi-account autopay enhancement")], ...external(200) } },
    {
      name: "GET capture (items, notes, carried over)",
      call: get(`/api/meetings/${cust}/capture`),
      expect: {
        internal: [200, (res) => (shows(INTERNAL_NOTE)(res), expect(res.body.canMarkInternal).toBe(true))],
        // The panel offers no "Internal only" to the external side.
        ...external(200, (res) => (showsNoSecret(res), shows(PUBLIC_NOTE)(res), expect(res.body).toMatchObject({ canMarkInternal: false, internalByDefault: false }))),
      },
    },
    { name: "GET recap", call: get(`/api/meetings/${cust}/recap`), expect: { internal: 200, ...external(200, (res) => (showsNoSecret(res), expect(res.body.audience).toBe("external"))) } },
    { name: "GET recap?audience=internal", call: get(`/api/meetings/${cust}/recap?audience=internal`), expect: { internal: 200, customer: 403, vendor: 403 } },
    { name: "GET recap?audience=external", call: get(`/api/meetings/${cust}/recap?audience=external`), expect: { internal: 200, ...external(200) } },
    { name: "GET recap of the internal call", call: get(`/api/meetings/${internalMeeting}/recap`), expect: { internal: 200, customer: 403, vendor: 403 } },
    {
      name: "GET events of the internal call (SSE)",
      call: get(`/api/meetings/${internalMeeting}/events`),
      expect: { customer: 403, vendor: 403 },
    },
    {
      name: "GET lookup (Outlook) of the internal call",
      call: (auth) => get(`/api/meetings/lookup?subject=${encodeURIComponent("Riverbend internal status")}&start=${encodeURIComponent(internalStart)}`)(auth),
      expect: { internal: [200, shows(internalMeeting)], customer: 403, vendor: 403, nonMember: 403, otherTenant: [200, (res) => expect(res.text).not.toContain(internalMeeting)] },
    },
    {
      name: "GET RAID list",
      call: get(`/api/projects/${project}/raid?limit=200`),
      expect: { internal: [200, shows("Team capacity dip over the holidays")], ...external(200, (res) => (showsNoSecret(res), shows("Meridian CIS patch 22.4")(res))) },
    },
    { name: "GET RAID list, open only", call: get(`/api/projects/${project}/raid?status=open`), expect: { internal: [200, shows(INTERNAL_ITEM)], ...external(200) } },
    { name: "GET RAID export (.csv)", call: get(`/api/projects/${project}/export/raid.csv`), expect: { internal: [200, shows(INTERNAL_ITEM)], ...external(200) } },
    { name: "GET status report", call: get(`/api/projects/${project}/status-report.html`), expect: { internal: 200, ...external(200) } },
    { name: "GET follow-ups", call: get(`/api/projects/${project}/follow-ups`), expect: { internal: 200, ...external(200) } },
    { name: "GET workspace", call: get(`/api/projects/${project}/workspace`), expect: { internal: 200, ...external(200) } },
    {
      name: "GET meeting history",
      call: get(`/api/projects/${project}/meetings?limit=100`),
      expect: { internal: [200, shows(internalMeeting)], ...external(200, (res) => expect(res.text).not.toContain(internalMeeting)) },
    },
    {
      name: "GET audit trail",
      call: get(`/api/projects/${project}/audit?limit=100`),
      expect: { internal: [200, shows(INTERNAL_DECISION)], ...external(200) },
    },
    {
      name: "GET outbox (list)",
      call: get("/api/outbox?limit=100"),
      expect: {
        internal: [200, shows(internalRecapId)],
        ...external(200, (res) => expect(res.text).not.toContain(internalRecapId)),
        nonMember: [200, (res) => expect(res.text).not.toContain(internalRecapId)],
        otherTenant: [200, (res) => expect(res.text).not.toContain(internalRecapId)],
      },
    },
    { name: "GET outbox item (internal recap)", call: (auth) => get(`/api/outbox/${internalRecapId}`)(auth), expect: { internal: 200, customer: 403, vendor: 403, nonMember: 404 } },
    {
      name: "GET outbox file (internal recap .eml)",
      call: (auth) => get(`/api/outbox/${internalRecapId}/file`)(auth),
      expect: { internal: [200, shows("Riverbend internal status")], customer: 403, vendor: 403, nonMember: 404 },
    },
    { name: "GET project", call: get(`/api/projects/${project}`), expect: { internal: 200, ...external(200) } },
    { name: "GET transition", call: get(`/api/projects/${project}/transition`), expect: { internal: 200, ...external(200) } },
  ];

  const writes: Case[] = [
    { name: "POST item, customer-safe", call: send("post", `/api/meetings/${cust}/items`, () => ({ id: randomUUID(), kind: "action", title: "Share the UAT calendar" })), expect: { internal: 201, customer: 201, vendor: 201 } },
    { name: "POST item, internal only", call: send("post", `/api/meetings/${cust}/items`, () => ({ id: randomUUID(), kind: "risk", title: "Internal risk", internalOnly: true })), expect: { internal: 201, customer: 403, vendor: 403 } },
    { name: "POST note, internal only", call: send("post", `/api/meetings/${cust}/notes`, () => ({ id: randomUUID(), agendaItemKey: "rag", body: "x", internalOnly: true })), expect: { internal: 201, customer: 403, vendor: 403 } },
    {
      name: "PATCH an internal item by id",
      call: async (auth) => send("patch", `/api/meetings/${cust}/items/${internalItemId}`, async () => ({ version: await itemVersion(cust, internalItemId), dueDate: "2026-12-01" }))(auth),
      expect: { internal: 200, customer: 403, vendor: 403 },
    },
    {
      name: "PATCH an internal note by id",
      call: async (auth) => {
        const cap = await request(app).get(`/api/meetings/${cust}/capture`).set("Authorization", credential.internal);
        const version = (cap.body.notes as { id: string; version: number }[]).find((n) => n.id === internalNoteId)?.version ?? 0;
        return send("patch", `/api/meetings/${cust}/notes/${internalNoteId}`, () => ({ version, body: `${INTERNAL_NOTE} (edited)` }))(auth);
      },
      expect: { internal: 200, customer: 403, vendor: 403 },
    },
    { name: "PUT agenda state", call: send("put", `/api/meetings/${cust}/agenda-state`, () => ({ agendaItemKey: "rag", discussed: true })), expect: { internal: 200, customer: 200, vendor: 200 } },
    { name: "PUT call type of the internal call", call: send("put", `/api/meetings/${internalMeeting}/call-type`, () => ({ callType: "internal_status" })), expect: { internal: 200, customer: 403, vendor: 403 } },
    {
      name: "PUT link re-pointing the internal call",
      call: send("put", "/api/meetings/link", () => ({ chatId: "19:meeting_m_int@thread.v2", projectId: project, callType: "customer_status" })),
      expect: {
        customer: [403, () => undefined],
        vendor: [403, () => undefined],
      },
    },
    {
      name: "GET the internal call after the refused re-link: unchanged",
      call: get(`/api/meetings/${internalMeeting}`),
      expect: { internal: [200, (res) => expect(res.body).toMatchObject({ callType: "internal_status", overridden: true })], customer: 403 },
    },
    { name: "POST recap send, internal", call: send("post", `/api/meetings/${cust}/recap/send`, () => ({ sendBeforeStart: true, id: randomUUID(), audience: "internal" })), expect: { internal: 201, customer: 403, vendor: 403 } },
    { name: "POST RAID item, internal only", call: send("post", `/api/projects/${project}/raid`, () => ({ kind: "risk", title: "Internal", internalOnly: true })), expect: { internal: 201, customer: 403, vendor: 403 } },
    {
      name: "PATCH an internal RAID item by id",
      call: async (auth) => send("patch", `/api/projects/${project}/raid/${internalRaid}`, async () => ({ version: await raidVersion(), title: "Team capacity dip over the holidays" }))(auth),
      expect: { internal: 200, customer: 403, vendor: 403 },
    },
    {
      name: "PATCH a customer-safe RAID item to internal only",
      call: send("patch", `/api/projects/${project}/raid/${demoId("raid_r02")}`, () => ({ version: 1, internalOnly: true })),
      expect: { customer: 403, vendor: 403 },
    },
    { name: "DELETE an internal RAID item by id", call: (auth) => request(app).delete(`/api/projects/${project}/raid/${internalRaid}?version=999`).set("Authorization", auth), expect: { internal: 409, customer: 403, vendor: 403 } },
  ];

  const rows = [...reads, ...writes].flatMap((c) =>
    personas.map((p) => {
      const outcome = c.expect[p] ?? (p === "nonMember" ? 403 : p === "otherTenant" ? 404 : undefined);
      return { route: c.name, persona: p, call: c.call, outcome };
    }),
  );

  it.each(rows.filter((r) => r.outcome !== undefined))("$route as $persona", async ({ call, persona, outcome }) => {
    const res = await call(credential[persona]);
    const [status, check] = typeof outcome === "number" ? [outcome, undefined] : (outcome ?? [0, undefined]);
    expect(res.status, res.text.slice(0, 300)).toBe(status);
    check?.(res);
  });

  it("a live stream of the customer call: the customer never gets an internal note, the internal member gets both", async () => {
    const rachel = await openSse(`${base}/api/meetings/${cust}/events`, { Authorization: credential.customer });
    const marcus = await openSse(`${base}/api/meetings/${cust}/events`, { Authorization: devAuth("marcus") });
    try {
      const post = (body: string, internalOnly: boolean) =>
        request(app).post(`/api/meetings/${cust}/notes`).set("Authorization", credential.internal).send({ id: randomUUID(), agendaItemKey: "raid", body, internalOnly });
      await post("Internal only: live secret", true);
      await post("Customer-safe: live note", false);
      const bodyOf = (e: { data: string }) => (JSON.parse(e.data) as { entity?: { body?: string } }).entity?.body;
      await rachel.waitFor((e) => bodyOf(e) === "Customer-safe: live note");
      await marcus.waitFor((e) => bodyOf(e) === "Customer-safe: live note");
      // Events arrive in order: once the second is in, the first was filtered out, not late.
      expect(rachel.events.map(bodyOf)).not.toContain("Internal only: live secret");
      expect(marcus.events.map(bodyOf)).toContain("Internal only: live secret");
    } finally {
      rachel.close();
      marcus.close();
    }
  });
});
