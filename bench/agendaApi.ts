import type { Express, Request } from "express";
import type { Database } from "../server/db/database";
import { devAuthenticator } from "../server/auth/devSignIn";
import type { RequestContext } from "../server/http/requestContext";
import { MeetingAnswerCache } from "../server/services/meetings/meetingAnswerCache";
import { demoMeetingId, devAuth } from "../test/support/testApp";
import { openBenchDatabase, reachablePostgres, startInProcess } from "./support/callbookServer";
import { cannon, type CannonResult } from "./support/cannon";
import { check, runAlone, type BenchResult, type TargetCheck } from "./support/results";
import { median, round, times } from "./support/stats";

// GET /api/meetings/:id/agenda under autocannon (50 connections) against a bare route on the
// same app instance (same process, same middleware), on PGlite and on PostgreSQL, in 3 interleaved
// rounds (order alternating): the ratio is the median, printed with its min–max spread. A 304
// revalidation run (If-None-Match with the agenda's ETag) is printed beside it, not counted. Two more routes
// on the same app project further server changes: the caller's identity cached (the agenda then
// costs only the agenda cache's key query), and no query at all (caller and agenda body cached).

const CONNECTIONS = 50;
const SECONDS = 2;
const PROJECTION_SECONDS = 3;
// BENCH_QUICK=1: 3 rounds instead of 7 (the fewest the median-with-spread rule allows).
const ROUNDS = process.env.BENCH_QUICK === "1" ? 3 : 7;
const TARGET_RATIO = 0.8;

interface Round {
  agenda: CannonResult;
  bare: CannonResult;
  ratio: number;
}

interface KindFigures {
  rounds: Round[];
  revalidate: CannonResult;
  callerCached: CannonResult;
  noQuery: CannonResult;
}

function mountBenchRoutes(app: Express, database: Database): void {
  const authenticate = devAuthenticator(database.db);
  const callers = new Map<string, RequestContext>();
  const caller = async (req: Request) => {
    const key = req.get("authorization") ?? "";
    let ctx = callers.get(key);
    if (!ctx) {
      ctx = (await authenticate(req)) ?? undefined;
      if (!ctx) throw new Error("bench route: no caller");
      callers.set(key, ctx);
    }
    return ctx;
  };
  // Bodies come from the app's own agenda route once; the projections only change what is queried per request.
  const bodies = new Map<string, string>();
  const body = async (req: Request, id: string) => {
    let json = bodies.get(id);
    if (json === undefined) {
      const res = await fetch(`http://127.0.0.1:${req.socket.localPort}/api/meetings/${id}/agenda`, { headers: { Authorization: req.get("authorization") ?? "" } });
      json = await res.text();
      bodies.set(id, json);
    }
    return json;
  };
  const cache = new MeetingAnswerCache();
  app.get("/bench/bare", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/bench/agenda-caller-cached/:id", async (req, res) => {
    const id = String(req.params.id);
    const key = await cache.keyFor(database.db, await caller(req), id, "agenda", new Date());
    if (!key) throw new Error("bench route: no access");
    res.type("application/json").send(await body(req, id));
  });
  app.get("/bench/agenda-no-query/:id", async (req, res) => {
    await caller(req);
    res.type("application/json").send(await body(req, String(req.params.id)));
  });
}

async function measure(kind: "pglite" | "postgres"): Promise<KindFigures> {
  const tdb = await openBenchDatabase(kind);
  const srv = await startInProcess(tdb.database, { extend: (app) => mountBenchRoutes(app, tdb.database) });
  const id = demoMeetingId("m_cust");
  const headers = { Authorization: devAuth("dana") };
  try {
    const agendaUrl = `${srv.url}/api/meetings/${id}/agenda`;
    const probe = await fetch(agendaUrl, { headers });
    if (probe.status !== 200) throw new Error(`agenda answered ${probe.status}: ${await probe.text()}`);
    const etag = probe.headers.get("etag");
    await cannon(agendaUrl, { connections: CONNECTIONS, seconds: 2, headers }); // warm-up (JIT, buffers)
    // Interleaved rounds, the order alternating, so a burst of load from elsewhere on the machine
    // lands on both sides of a ratio rather than on one.
    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const runAgenda = () => cannon(agendaUrl, { connections: CONNECTIONS, seconds: SECONDS, headers });
      const runBare = () => cannon(`${srv.url}/bench/bare`, { connections: CONNECTIONS, seconds: SECONDS, headers });
      let agenda: CannonResult;
      let bare: CannonResult;
      if (i % 2 === 0) {
        agenda = await runAgenda();
        bare = await runBare();
      } else {
        bare = await runBare();
        agenda = await runAgenda();
      }
      for (const r of [agenda, bare]) {
        if (r.non2xx > 0) throw new Error(`${r.url}: ${r.non2xx} answers were not 2xx`);
      }
      rounds.push({ agenda, bare, ratio: agenda.requestsPerSecond / bare.requestsPerSecond });
    }
    // Revalidation: the panel's If-None-Match with the ETag of the body it has (304, no body).
    const revalidate = etag
      ? await cannon(agendaUrl, { connections: CONNECTIONS, seconds: PROJECTION_SECONDS, headers: { ...headers, "If-None-Match": etag } })
      : { url: agendaUrl, requestsPerSecond: 0, p50Ms: 0, p99Ms: 0, total: 0, non2xx: 0, errors: 0, timeouts: 0 };
    const callerCached = await cannon(`${srv.url}/bench/agenda-caller-cached/${id}`, { connections: CONNECTIONS, seconds: PROJECTION_SECONDS, headers });
    const noQuery = await cannon(`${srv.url}/bench/agenda-no-query/${id}`, { connections: CONNECTIONS, seconds: PROJECTION_SECONDS, headers });
    for (const r of [callerCached, noQuery]) {
      if (r.non2xx > 0) throw new Error(`${r.url}: ${r.non2xx} answers were not 2xx`);
    }
    return { rounds, revalidate, callerCached, noQuery };
  } finally {
    await srv.close();
    await tdb.drop();
  }
}

const fmt = (r: CannonResult) =>
  `${Math.round(r.requestsPerSecond)} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms${r.errors ? ` (${r.errors} socket errors, ${r.timeouts} timeouts of ${r.total})` : ""}`;

export async function benchAgendaApi(): Promise<BenchResult> {
  const started = Date.now();
  const postgres = await reachablePostgres();
  const kinds: ("pglite" | "postgres")[] = postgres ? ["pglite", "postgres"] : ["pglite"];
  const figures: BenchResult["figures"] = {};
  const table: BenchResult["table"] = [["load", `autocannon -c ${CONNECTIONS} -d ${SECONDS} × ${ROUNDS} rounds each side, interleaved, GET /api/meetings/<customer status call>/agenda as Dana`]];
  const targets: TargetCheck[] = [];
  const notes: string[] = [];
  for (const kind of kinds) {
    const f = await measure(kind);
    const ratios = f.rounds.map((r) => r.ratio);
    const ratio = median(ratios);
    const spread = `${times(Math.min(...ratios))}–${times(Math.max(...ratios))}`;
    const bareRps = median(f.rounds.map((r) => r.bare.requestsPerSecond));
    const agendaRps = median(f.rounds.map((r) => r.agenda.requestsPerSecond));
    const oneQuery = f.callerCached.requestsPerSecond / bareRps;
    const noQuery = f.noQuery.requestsPerSecond / bareRps;
    const revalidateRatio = f.revalidate.requestsPerSecond / bareRps;
    Object.assign(figures, {
      [`${kind}AgendaRps`]: round(agendaRps),
      [`${kind}BareRps`]: round(bareRps),
      [`${kind}Ratio`]: round(ratio, 3),
      [`${kind}RatioMin`]: round(Math.min(...ratios), 3),
      [`${kind}RatioMax`]: round(Math.max(...ratios), 3),
      [`${kind}RevalidateRps`]: round(f.revalidate.requestsPerSecond),
      [`${kind}Revalidate304`]: f.revalidate.total - f.revalidate.non2xx,
      [`${kind}CallerCachedRps`]: round(f.callerCached.requestsPerSecond),
      [`${kind}CallerCachedRatio`]: round(oneQuery, 3),
      [`${kind}NoQueryRps`]: round(f.noQuery.requestsPerSecond),
      [`${kind}NoQueryRatio`]: round(noQuery, 3),
    });
    f.rounds.forEach((r, i) => {
      table.push([`${kind}: round ${i + 1} agenda / bare`, `${times(r.ratio)} (agenda ${fmt(r.agenda)}; bare ${fmt(r.bare)})`]);
    });
    table.push(
      [`${kind}: agenda / bare, median of ${ROUNDS} interleaved rounds`, `${times(ratio)} (spread ${spread})`],
      [`${kind}: revalidation, If-None-Match → 304 (not counted)`, `${fmt(f.revalidate)} (${times(revalidateRatio)} of bare)`],
      [`${kind}: projection, caller cached (1 query: the cache key)`, `${fmt(f.callerCached)} (${times(oneQuery)})`],
      [`${kind}: projection, no query (caller + body cached)`, `${fmt(f.noQuery)} (${times(noQuery)})`],
    );
    targets.push(
      check(`agenda req/s ÷ bare route req/s on ${kind} (median of ${ROUNDS}, spread ${spread})`, `≥ ${TARGET_RATIO}×`, times(ratio), ratio >= TARGET_RATIO,
        ratio >= TARGET_RATIO ? `met by ${times(ratio - TARGET_RATIO)}` : `missed by ${times(TARGET_RATIO - ratio)} (medians over the rounds: agenda ${Math.round(agendaRps)} req/s, bare ${Math.round(bareRps)} req/s)`),
    );
  }
  if (!postgres) notes.push("PostgreSQL was not reachable (TEST_DATABASE_URL or 127.0.0.1:5432): measured on PGlite only.");
  notes.push(
    "The load repeats one agenda with no writes in between: it measures the read path as cached by the server.",
    "Projections are routes mounted on the same app that answer the same agenda body with fewer queries per request; PGlite answers one query at a time.",
  );
  return { name: "agendaApi", title: "Agenda API", figures, table, targets, notes, durationMs: Date.now() - started };
}

await runAlone(import.meta.url, benchAgendaApi);
