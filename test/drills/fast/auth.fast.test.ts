import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import pino from "pino";
import request from "supertest";
import type { Express } from "express";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { demoMeetingId, demoProjectId, devAuth } from "../../support/testApp";
import { TEST_NOW } from "../../support/constants";
import { startFakeEntraServer, type FakeEntraServer } from "../../support/graph/fakeEntraServer";
import { createApp } from "../../../server/app";
import { createLocalBus } from "../../../server/live/liveBus";
import { devAuthenticator } from "../../../server/auth/devSignIn";
import { entraAuthenticator } from "../../../server/auth/entraAuthenticator";
import { createTokenVerifier, defaultAllowedClientIds } from "../../../server/auth/verifyTeamsToken";
import { localOutboxMail } from "../../../server/graph/mailFactory";
import { seedDemo } from "../../../server/db/demo/seedDemo";
import { demoMeetings } from "../../../server/db/demo/demoMeetings";
import { listRoutes } from "../support/routeInventory";
import { fill, validParams } from "../support/badInputCorpus";
import { attackers, OTHER_TENANT_ID, type Attacker } from "../support/authAttackers";
import { rowCounts } from "../support/rowCounts";
import { printTable } from "../support/printTable";

// Drill: forged and broken tokens, another tenant's users and a non-member against every entity
// route of tenant A's demo project, with the app on Teams SSO (Entra authenticator against a local
// Entra) and dev sign-in. Token attacks must answer 401; the others 403/404 on an entity, and no
// tenant-A id in any list they get; writes must change nothing. A valid token is the control.

const queries: Record<string, string> = {
  "GET /api/meetings/by-chat": "chatId=19%3Ameeting_m_cust%40thread.v2",
  "GET /api/meetings/by-chat/agenda": "chatId=19%3Ameeting_m_cust%40thread.v2",
  "GET /api/meetings/by-chat/capture": "chatId=19%3Ameeting_m_cust%40thread.v2",
  "GET /api/meetings/lookup": "joinUrl=https%3A%2F%2Fteams.microsoft.com%2Fl%2Fmeetup-join%2F19%253ameeting_m_cust%2540thread.v2%2F0",
  "GET /api/projects/:id/series/draft": "callType=customer_status",
  "GET /api/projects/:id/import/mapping": "kind=raid",
  "GET /api/projects/:id/search": "q=rota",
};

/** Routes read without an id of tenant A in the path: a 200 is fine if it shows nothing of tenant A. */
const isListing = (route: string) => !route.includes(":") || /\/by-chat(\/agenda|\/capture)?$/.test(route) || route.endsWith("/lookup");

interface Probe {
  route: string;
  method: string;
  path: string;
  body?: unknown;
}

function writeProbes(): Probe[] {
  const m = demoMeetingId("m_cust");
  const p = demoProjectId();
  return [
    { route: "POST /api/meetings/:id/items", method: "post", path: `/api/meetings/${m}/items`, body: { id: randomUUID(), kind: "action", title: "Planted" } },
    { route: "POST /api/meetings/:id/notes", method: "post", path: `/api/meetings/${m}/notes`, body: { id: randomUUID(), agendaItemKey: "raid", body: "Planted" } },
    { route: "PUT /api/meetings/:id/agenda-state", method: "put", path: `/api/meetings/${m}/agenda-state`, body: { agendaItemKey: "raid", current: true } },
    { route: "PUT /api/meetings/:id/call-type", method: "put", path: `/api/meetings/${m}/call-type`, body: { callType: "triage" } },
    { route: "POST /api/meetings/:id/recap/send", method: "post", path: `/api/meetings/${m}/recap/send`, body: { id: randomUUID(), sendBeforeStart: true } },
    { route: "PUT /api/meetings/link", method: "put", path: "/api/meetings/link", body: { chatId: `19:planted_${randomUUID()}@thread.v2`, projectId: p, callType: null } },
    { route: "PATCH /api/projects/:id", method: "patch", path: `/api/projects/${p}`, body: { version: 1, rag: "red", ragReason: "Planted" } },
    { route: "POST /api/projects/:id/raid", method: "post", path: `/api/projects/${p}/raid`, body: { kind: "risk", title: "Planted" } },
    { route: "POST /api/projects/:id/follow-ups/:kind/sent", method: "post", path: `/api/projects/${p}/follow-ups/open_task_update/sent`, body: {} },
  ];
}

describe.each(databaseKinds)("drill: auth on %s", (kind) => {
  let tdb: TestDatabase;
  let entra: FakeEntraServer;
  let app: Express;
  let tenantAIds: string[];
  let outboxId: string;
  beforeAll(async () => {
    [tdb, entra] = await Promise.all([openTestDatabase(kind), startFakeEntraServer({ tenantId: "11111111-2222-4333-8444-555555555555" })]);
    await seedDemo(tdb.database, { now: TEST_NOW, tenantId: OTHER_TENANT_ID, label: "Other " });
    const logger = pino({ level: "silent" });
    const verifier = createTokenVerifier({ clientId: entra.clientId, appIdUri: entra.appIdUri, allowedClientIds: defaultAllowedClientIds, jwks: entra.jwks });
    app = createApp({
      database: tdb.database,
      logger,
      clock: () => TEST_NOW,
      authenticators: [entraAuthenticator(verifier, tdb.database.db, logger), devAuthenticator(tdb.database.db)],
      isReady: () => true,
      devSignIn: true,
      bus: createLocalBus(),
      mail: localOutboxMail(tdb.database.db, () => TEST_NOW),
      mailMode: "outbox",
    });
    const sent = await request(app).post(`/api/meetings/${demoMeetingId("m_cust")}/recap/send`).set("Authorization", devAuth("dana")).send({ sendBeforeStart: true, id: randomUUID() });
    expect(sent.status).toBe(201);
    outboxId = sent.body.id as string;
    tenantAIds = [demoProjectId(), outboxId, ...demoMeetings.map((mt) => demoMeetingId(mt.key))];
  });
  afterAll(async () => {
    await Promise.all([tdb?.drop(), entra?.close()]);
  });

  it("refuses every forged token, other tenants and non-members on every entity route, and lets the control in", { timeout: 120_000 }, async () => {
    const who = await attackers(entra);
    const known = { itemId: randomUUID(), noteId: randomUUID(), outboxId };
    const reads: Probe[] = listRoutes(app)
      .filter((r) => r.startsWith("GET ") && !r.startsWith("GET /api/session/"))
      .map((route) => {
        const q = queries[route];
        const path = fill(route, validParams(route, known));
        return { route, method: "get", path: q ? `${path}?${q}` : path };
      });
    const writes = writeProbes();
    const before = await rowCounts(tdb.database);
    const failures: string[] = [];
    const cells = new Map<string, string[]>();
    const call = async (a: Attacker, p: Probe): Promise<{ status: number; text: string }> => {
      const method = p.method as "get" | "post" | "put" | "patch";
      let req = request(app)[method](p.path).timeout({ deadline: 5000 });
      if (a.header) req = req.set("Authorization", a.header);
      try {
        const res = await (p.body === undefined ? req : req.send(p.body as object));
        return { status: res.status, text: res.text ?? "" };
      } catch {
        return { status: 0, text: "(no complete answer within 5 s: a stream was opened)" };
      }
    };
    for (const a of who) {
      for (const p of [...reads, ...(a.kind === "legit" ? [] : writes)]) {
        if (a.kind === "legit" && p.route.endsWith("/events")) continue;
        const { status, text } = await call(a, p);
        const row = `${p.method.toUpperCase()} ${p.route.split(" ")[1]}`;
        cells.set(row, [...(cells.get(row) ?? []), `${a.code}:${status}`]);
        const leaks = tenantAIds.filter((id) => text.includes(id));
        // The stage routes take a stage ticket and nothing else: every header credential is refused.
        // The digest's links (/api/reminders/*) are signed links and nothing else: without a valid
        // signature every caller, the control included, is refused with a 4xx that shows nothing.
        const ok = p.route.includes(" /api/stage/") ? status === 401
          : p.route.includes(" /api/reminders/") ? status >= 400 && status < 500 && leaks.length === 0
          : a.kind === "legit" ? status >= 200 && status < 300
          : a.kind === "token" ? status === 401
          : status === 403 || status === 404 || (p.method === "get" && isListing(p.route) && status === 200 && leaks.length === 0);
        if (!ok) failures.push(`${a.code} (${a.who}) ${row} → ${status} ${leaks.length ? `showing tenant A ids ${leaks.join(", ")}` : text.slice(0, 100)}`);
      }
    }
    const after = await rowCounts(tdb.database);
    const changed = Object.keys(before).filter((t) => before[t] !== after[t]).map((t) => `${t}: ${before[t]} → ${after[t]}`);

    const codes = who.map((a) => a.code);
    const rows: string[][] = [["route", ...codes]];
    for (const [route, list] of cells) {
      const byCode = new Map(list.map((c) => [c.split(":")[0], c.split(":")[1] ?? ""]));
      rows.push([route, ...codes.map((c) => byCode.get(c) ?? "-")]);
    }
    printTable(`Auth matrix on ${kind} (status per caller; "-" not tried)`, rows);
    process.stdout.write(`\n${who.map((a) => `  ${a.code}  ${a.who}`).join("\n")}\n`);
    const tried = [...cells.values()].reduce((n, l) => n + l.length, 0);
    process.stdout.write(`\nTried ${tried} requests from ${who.length} callers; not refused as they should be: ${failures.length}. Tables changed by the attempted writes: ${changed.length ? changed.join(", ") : "none"}.\n`);
    if (failures.length) process.stdout.write(`Failures:\n  ${failures.join("\n  ")}\n`);
    expect(failures).toEqual([]);
    expect(changed).toEqual([]);
  });
});
