import type { Express, Request } from "express";
import type { Database } from "../server/db/database";
import { devAuthenticator } from "../server/auth/devSignIn";
import type { RequestContext } from "../server/http/requestContext";
import { loadMeetingContext, type MeetingContext } from "../server/routes/meetings/meetingService";
import { classifyMeeting } from "../server/domain/classifyMeeting";
import { buildAgenda } from "../server/domain/buildAgenda";
import { demoMeetingId, devAuth } from "../test/support/testApp";
import { openBenchDatabase, reachablePostgres, startInProcess } from "./support/callbookServer";
import { cannon, type CannonResult } from "./support/cannon";
import { check, runAlone, type BenchResult, type TargetCheck } from "./support/results";
import { round, times } from "./support/stats";

// GET /api/meetings/:id/agenda under autocannon (50 connections, 10 s) against a bare route on the
// same app instance (same process, same middleware), on PGlite and on PostgreSQL. Two more routes
// on the same app project the server change proposed when the ratio is low: the agenda built from
// a cached meeting context (auth still one query), with the caller cached too (no query), and
// the serialized agenda body cached as well.

const CONNECTIONS = 50;
const SECONDS = 10;
const PROJECTION_SECONDS = 5;
const TARGET_RATIO = 0.5;

interface KindFigures {
  agenda: CannonResult;
  bare: CannonResult;
  cachedContext: CannonResult;
  cachedContextAndCaller: CannonResult;
  cachedBody: CannonResult;
}

function mountBenchRoutes(app: Express, database: Database): void {
  const authenticate = devAuthenticator(database.db);
  const contexts = new Map<string, MeetingContext>();
  const callers = new Map<string, RequestContext>();
  const agendaOf = (mc: MeetingContext, now: Date) => {
    const { callType } = classifyMeeting(mc.meeting, mc.snapshot.project, mc.directory);
    const lengthMinutes = Math.round((Date.parse(mc.meeting.endsAt) - Date.parse(mc.meeting.startsAt)) / 60_000);
    const history = { meetings: mc.history.filter((m) => m.id !== mc.meeting.id) };
    return buildAgenda(callType, mc.snapshot, history, now, { meetingId: mc.meeting.id, lengthMinutes });
  };
  const cachedContext = async (ctx: RequestContext, id: string) => {
    let mc = contexts.get(id);
    if (!mc) {
      mc = await loadMeetingContext(database.db, ctx, id);
      contexts.set(id, mc);
    }
    return mc;
  };
  const caller = async (req: Request, cache: boolean) => {
    const key = req.get("authorization") ?? "";
    const known = cache ? callers.get(key) : undefined;
    if (known) return known;
    const ctx = await authenticate(req);
    if (!ctx) throw new Error("bench route: no caller");
    if (cache) callers.set(key, ctx);
    return ctx;
  };
  app.get("/bench/bare", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/bench/agenda-cached/:id", async (req, res) => {
    const ctx = await caller(req, false);
    res.json(agendaOf(await cachedContext(ctx, String(req.params.id)), new Date()));
  });
  app.get("/bench/agenda-all-cached/:id", async (req, res) => {
    const ctx = await caller(req, true);
    res.json(agendaOf(await cachedContext(ctx, String(req.params.id)), new Date()));
  });
  const bodies = new Map<string, string>();
  app.get("/bench/agenda-body-cached/:id", async (req, res) => {
    const ctx = await caller(req, true);
    const id = String(req.params.id);
    let body = bodies.get(id);
    if (!body) {
      body = JSON.stringify(agendaOf(await cachedContext(ctx, id), new Date()));
      bodies.set(id, body);
    }
    res.type("application/json").send(body);
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
    await cannon(agendaUrl, { connections: CONNECTIONS, seconds: 2, headers }); // warm-up (JIT, buffers)
    const agenda = await cannon(agendaUrl, { connections: CONNECTIONS, seconds: SECONDS, headers });
    const bare = await cannon(`${srv.url}/bench/bare`, { connections: CONNECTIONS, seconds: SECONDS, headers });
    const cachedContext = await cannon(`${srv.url}/bench/agenda-cached/${id}`, { connections: CONNECTIONS, seconds: PROJECTION_SECONDS, headers });
    const cachedContextAndCaller = await cannon(`${srv.url}/bench/agenda-all-cached/${id}`, { connections: CONNECTIONS, seconds: PROJECTION_SECONDS, headers });
    const cachedBody = await cannon(`${srv.url}/bench/agenda-body-cached/${id}`, { connections: CONNECTIONS, seconds: PROJECTION_SECONDS, headers });
    for (const r of [agenda, bare, cachedContext, cachedContextAndCaller, cachedBody]) {
      if (r.non2xx > 0) throw new Error(`${r.url}: ${r.non2xx} answers were not 2xx`);
    }
    return { agenda, bare, cachedContext, cachedContextAndCaller, cachedBody };
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
  const table: BenchResult["table"] = [["load", `autocannon -c ${CONNECTIONS} -d ${SECONDS}, GET /api/meetings/<customer status call>/agenda as Dana`]];
  const targets: TargetCheck[] = [];
  const notes: string[] = [];
  for (const kind of kinds) {
    const f = await measure(kind);
    const ratio = f.agenda.requestsPerSecond / f.bare.requestsPerSecond;
    const projected = f.cachedContext.requestsPerSecond / f.bare.requestsPerSecond;
    const projectedAll = f.cachedContextAndCaller.requestsPerSecond / f.bare.requestsPerSecond;
    const projectedBody = f.cachedBody.requestsPerSecond / f.bare.requestsPerSecond;
    Object.assign(figures, {
      [`${kind}AgendaRps`]: round(f.agenda.requestsPerSecond),
      [`${kind}AgendaP50Ms`]: f.agenda.p50Ms,
      [`${kind}AgendaP99Ms`]: f.agenda.p99Ms,
      [`${kind}BareRps`]: round(f.bare.requestsPerSecond),
      [`${kind}BareP50Ms`]: f.bare.p50Ms,
      [`${kind}BareP99Ms`]: f.bare.p99Ms,
      [`${kind}Ratio`]: round(ratio, 3),
      [`${kind}CachedContextRps`]: round(f.cachedContext.requestsPerSecond),
      [`${kind}CachedContextRatio`]: round(projected, 3),
      [`${kind}CachedAllRps`]: round(f.cachedContextAndCaller.requestsPerSecond),
      [`${kind}CachedAllRatio`]: round(projectedAll, 3),
      [`${kind}CachedBodyRps`]: round(f.cachedBody.requestsPerSecond),
      [`${kind}CachedBodyRatio`]: round(projectedBody, 3),
    });
    table.push(
      [`${kind}: agenda`, fmt(f.agenda)],
      [`${kind}: bare route (same app)`, fmt(f.bare)],
      [`${kind}: agenda / bare`, times(ratio)],
      [`${kind}: projection, meeting context cached`, `${fmt(f.cachedContext)} (${times(projected)})`],
      [`${kind}: projection, context + caller cached`, `${fmt(f.cachedContextAndCaller)} (${times(projectedAll)})`],
      [`${kind}: projection, agenda body + caller cached`, `${fmt(f.cachedBody)} (${times(projectedBody)})`],
    );
    targets.push(
      check(`agenda req/s ÷ bare route req/s on ${kind}`, `≥ ${TARGET_RATIO}×`, times(ratio), ratio >= TARGET_RATIO,
        ratio >= TARGET_RATIO ? `met by ${times(ratio - TARGET_RATIO)}` : `missed: ${Math.round(f.agenda.requestsPerSecond)} req/s where ${Math.round(f.bare.requestsPerSecond * TARGET_RATIO)} are needed`),
    );
  }
  if (!postgres) notes.push("PostgreSQL was not reachable (TEST_DATABASE_URL or 127.0.0.1:5432): measured on PGlite only.");
  notes.push(
    "Each agenda request runs ~13 queries (dev sign-in person, meeting, project, membership, 8 snapshot tables, meeting history); PGlite answers one query at a time.",
    "Projections are routes mounted on the same app that build the same agenda (buildAgenda) from a meeting context loaded once; they show what the proposed snapshot cache would give.",
  );
  return { name: "agendaApi", title: "Agenda API", figures, table, targets, notes, durationMs: Date.now() - started };
}

await runAlone(import.meta.url, benchAgendaApi);
