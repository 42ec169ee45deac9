import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import request from "supertest";
import type { Express } from "express";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, devAuth } from "../../support/testApp";
import { listRoutes } from "../support/routeInventory";
import { genericCases, type BadCase, type KnownIds } from "../support/badInputCorpus";
import { fieldCases } from "../support/badInputFields";
import { rowCounts } from "../support/rowCounts";
import { printTable } from "../support/printTable";

// Drill: bad input on every route. Each case must be answered 4xx with an error message (and, for
// a validation failure, "field: message" lines), never 5xx; and after the whole corpus every table
// has the rows it had before.

interface Outcome {
  c: BadCase;
  status: number;
  problem: string | null;
}

const dana = devAuth("dana");

async function send(app: Express, c: BadCase): Promise<Outcome> {
  const method = c.method.toLowerCase() as "get" | "post" | "put" | "patch" | "delete";
  let req = request(app)[method](c.path).set("Authorization", dana);
  if (c.body && "json" in c.body) req = req.set("Content-Type", "application/json").send(JSON.stringify(c.body.json));
  else if (c.body) req = req.set("Content-Type", c.body.type).send(c.body.raw);
  const res = await req;
  const error = (res.body as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | undefined)?.error;
  let problem: string | null = null;
  if (res.status >= 500) problem = `${res.status} ${JSON.stringify(res.body).slice(0, 120)}`;
  else if (res.status < 400) problem = `accepted (${res.status})`;
  else if (typeof error?.message !== "string" || error.message.length === 0) problem = `${res.status} without error.message`;
  else if (error.code === "validation_failed") {
    const fields = error.fields;
    const wellFormed = Array.isArray(fields) && fields.length > 0 && fields.every((f) => typeof f === "string" && /^[^:]+: \S/.test(f));
    if (!wellFormed) problem = `400 without "field: message" fields: ${JSON.stringify(error)}`;
  }
  return { c, status: res.status, problem };
}

/** Rows the corpus refers to as valid ids: a captured item and note, a recap in the outbox. */
async function makeKnownRows(app: Express): Promise<KnownIds> {
  const meeting = demoMeetingId("m_cust");
  const item = await request(app).post(`/api/meetings/${meeting}/items`).set("Authorization", dana).send({ id: randomUUID(), kind: "action", title: "Drill item" });
  const note = await request(app).post(`/api/meetings/${meeting}/notes`).set("Authorization", dana).send({ id: randomUUID(), agendaItemKey: "raid", body: "Drill note" });
  const recap = await request(app).post(`/api/meetings/${meeting}/recap/send`).set("Authorization", dana).send({ sendBeforeStart: true, id: randomUUID() });
  expect([item.status, note.status, recap.status]).toEqual([201, 201, 201]);
  return { itemId: item.body.id as string, noteId: note.body.id as string, outboxId: recap.body.id as string };
}

describe.each(databaseKinds)("drill: bad input on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  let known: KnownIds;
  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    app = buildTestApp(tdb.database);
    known = await makeKnownRows(app);
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it("answers every bad request 4xx with a message, never 5xx, and writes nothing", { timeout: 180_000 }, async () => {
    const routes = listRoutes(app);
    const cases = [...routes.flatMap((r) => genericCases(r, known)), ...fieldCases(known)];
    const before = await rowCounts(tdb.database);
    const outcomes: Outcome[] = [];
    for (const c of cases) outcomes.push(await send(app, c));
    const after = await rowCounts(tdb.database);

    const byRoute = new Map<string, Outcome[]>(routes.map((r) => [r, []]));
    for (const o of outcomes) byRoute.set(o.c.route, [...(byRoute.get(o.c.route) ?? []), o]);
    const rows: (string | number)[][] = [["route", "cases", "4xx ok", "5xx", "2xx/3xx", "bad error body"]];
    for (const [route, list] of byRoute) {
      const count = (test: (o: Outcome) => boolean) => list.filter(test).length;
      rows.push([route, list.length || "no input to corrupt", count((o) => o.problem === null), count((o) => o.status >= 500), count((o) => o.status < 400), count((o) => o.status >= 400 && o.status < 500 && o.problem !== null)]);
    }
    const failures = outcomes.filter((o) => o.problem !== null).map((o) => `${o.c.route} [${o.c.label}] → ${o.problem}`);
    const changed = Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]).map((t) => `${t}: ${before[t]} → ${after[t]}`);
    printTable(`Bad input on ${kind}: ${cases.length} requests over ${routes.length} routes`, rows);
    process.stdout.write(
      `\nTried ${cases.length}; answered 4xx with a proper error: ${outcomes.filter((o) => o.problem === null).length}; ` +
        `5xx: ${outcomes.filter((o) => o.status >= 500).length}; accepted: ${outcomes.filter((o) => o.status < 400).length}.\n` +
        `Tables changed: ${changed.length ? changed.join(", ") : "none"} (${Object.keys(before).length} tables counted).\n` +
        (failures.length ? `Failures:\n  ${failures.join("\n  ")}\n` : ""),
    );
    expect(failures).toEqual([]);
    expect(changed).toEqual([]);
  });
});
