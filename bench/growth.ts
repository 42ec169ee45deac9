import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { and, eq, inArray } from "drizzle-orm";
import * as t from "../server/db/tables";
import type { Database } from "../server/db/database";
import { DEMO_TENANT_ID } from "../server/db/demo/demoPeople";
import { demoId } from "../server/db/demo/seedDemo";
import { loadMeetingContext } from "../server/services/meetings/loadMeetingContext";
import { classifyMeeting } from "../server/domain/classifyMeeting";
import { buildAgenda } from "../server/domain/buildAgenda";
import type { RequestContext } from "../server/http/requestContext";
import { TEST_NOW } from "../test/support/constants";
import { demoMeetingId, demoProjectId, devAuth } from "../test/support/testApp";
import { openBenchDatabase, reachablePostgres, startInProcess, type InProcessServer } from "./support/callbookServer";
import type { TestDatabase } from "../test/support/testDatabase";
import { check, runAlone, type BenchResult, type TargetCheck } from "./support/results";
import { median, round, times } from "./support/stats";

// Agenda latency as a project grows: 100, 10,000 and 100,000 RAID items and as many tasks, added
// to a fresh demo database with one insert … select … from generate_series per table. The added
// rows are closed items and done tasks (a long-running project's history), so the agenda itself
// stays the same size and any growth in latency is the cost of reading what it does not show.
// Measured twice: repeated requests, and each right after an action item is captured (a write);
// every size stays open and is sampled in 3 interleaved rounds: each ratio is the median of the
// rounds' ratios, printed with its min–max spread.

const SIZES = [100, 10_000, 100_000];
const TARGET = 1.2;
const ROUNDS = 3;
// BENCH_QUICK=1: 3 samples per round instead of 7 (the rounds stay 3).
const SAMPLES_PER_ROUND = process.env.BENCH_QUICK === "1" ? 3 : 7;

async function addHistory(database: Database, n: number): Promise<void> {
  const owner = demoId("person_dana");
  await database.rawTransaction(async (run) => {
    await run(
      `insert into raid_items (id, tenant_id, project_id, kind, title, owner_id, due_date, status, area, internal_only, created_by, created_at, updated_at, closed_at)
       select gen_random_uuid(), $1, $2::uuid, (array['risk','action','issue','decision'])[1 + g % 4], 'Archived item ' || g, $3::uuid,
              date '2025-01-01' + (g % 500), 'closed', (array['technical','product','legal','marketing','general'])[1 + g % 5], g % 7 = 0,
              'Growth bench', now() - interval '400 days', now() - interval '300 days', now() - interval '300 days'
       from generate_series(1, $4::int) g`,
      [DEMO_TENANT_ID, demoProjectId(), owner, n],
    );
    await run(
      `insert into tasks (id, tenant_id, project_id, name, owner_id, start_date, due_date, status, external_ref)
       select gen_random_uuid(), $1, $2::uuid, 'Archived task ' || g, $3::uuid, date '2025-01-01' + (g % 500), date '2025-01-08' + (g % 500), 'done', 'ARCH-' || g
       from generate_series(1, $4::int) g`,
      [DEMO_TENANT_ID, demoProjectId(), owner, n],
    );
  });
  await database.rawTransaction(async (run) => {
    await run("analyze raid_items");
    await run("analyze tasks");
  });
}

interface SizeFigures {
  size: number;
  insertMs: number;
  /** Per round: median of the round's repeated requests, and of the requests right after a write. */
  repeatedMs: number[];
  afterWriteMs: number[];
  loadContextMs: number;
  buildAgendaMs: number;
  serializeMs: number;
  bodyKb: number;
  allRowsMs: number;
  openRowsMs: number;
}

const timed = async (fn: () => Promise<unknown>): Promise<number> => {
  const s = performance.now();
  await fn();
  return performance.now() - s;
};

/** Median of three timings of fn; one timing when it takes over a second (bounded run). */
const median3 = async (fn: () => Promise<unknown>): Promise<number> => {
  const first = await timed(fn);
  return first > 1000 ? first : median([first, await timed(fn), await timed(fn)]);
};

interface OpenSize {
  size: number;
  insertMs: number;
  tdb: TestDatabase;
  srv: InProcessServer;
  figures: SizeFigures;
}

async function openSize(kind: "pglite" | "postgres", size: number): Promise<OpenSize> {
  const tdb = await openBenchDatabase(kind);
  const t0 = performance.now();
  await addHistory(tdb.database, size);
  const insertMs = performance.now() - t0;
  const srv = await startInProcess(tdb.database);
  const figures: SizeFigures = { size, insertMs, repeatedMs: [], afterWriteMs: [], loadContextMs: 0, buildAgendaMs: 0, serializeMs: 0, bodyKb: 0, allRowsMs: 0, openRowsMs: 0 };
  return { size, insertMs, tdb, srv, figures };
}

/** One round on one size: SAMPLES_PER_ROUND repeated agenda requests, then as many each right after a captured item. */
async function sampleRound(o: OpenSize): Promise<void> {
  const url = `${o.srv.url}/api/meetings/${demoMeetingId("m_cust")}/agenda`;
  const headers = { Authorization: devAuth("dana") };
  const getAgenda = async () => {
    const s = performance.now();
    const res = await fetch(url, { headers });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`agenda answered ${res.status}`);
    o.figures.bodyKb = body.byteLength / 1024;
    return performance.now() - s;
  };
  const repeated: number[] = [];
  const afterWrite: number[] = [];
  for (let i = 0; i < 2; i++) await getAgenda(); // warm-up
  for (let i = 0; i < SAMPLES_PER_ROUND; i++) repeated.push(await getAgenda());
  // As in a live call: someone captures an action item, then the agenda is fetched again.
  for (let i = 0; i < SAMPLES_PER_ROUND; i++) {
    const res = await fetch(`${o.srv.url}/api/meetings/${demoMeetingId("m_cust")}/items`, {
      method: "POST",
      headers: { ...headers, "Content-Type": "application/json" },
      body: JSON.stringify({ id: randomUUID(), kind: "action", title: "Captured during the growth bench" }),
    });
    if (res.status !== 201) throw new Error(`POST item answered ${res.status}`);
    afterWrite.push(await getAgenda());
  }
  o.figures.repeatedMs.push(median(repeated));
  o.figures.afterWriteMs.push(median(afterWrite));
}

/** Where the time goes, without HTTP: loading the meeting context, building, serializing; and all vs open rows. */
async function breakdown(o: OpenSize): Promise<void> {
  const db = o.tdb.database.db;
  const ctx: RequestContext = { tenantId: DEMO_TENANT_ID, userId: "bench", email: "dana.whitfield@contoso.com", name: "Dana Whitfield", personId: demoId("person_dana"), via: "dev" };
  const load = () => loadMeetingContext(db, ctx, demoMeetingId("m_cust"));
  const mc = await load();
  o.figures.loadContextMs = await median3(load);
  const { callType } = classifyMeeting(mc.meeting, mc.snapshot.project, mc.directory);
  const build = () => buildAgenda(callType, mc.snapshot, { meetings: mc.history.filter((m) => m.id !== mc.meeting.id) }, TEST_NOW, { meetingId: mc.meeting.id });
  o.figures.buildAgendaMs = await median3(async () => build());
  const agenda = build();
  o.figures.serializeMs = await median3(async () => JSON.stringify(agenda));
  const inProject = <T extends typeof t.raidItems | typeof t.tasks>(table: T) => and(eq(table.tenantId, DEMO_TENANT_ID), eq(table.projectId, demoProjectId()));
  o.figures.allRowsMs = await median3(() => Promise.all([db.select().from(t.raidItems).where(inProject(t.raidItems)), db.select().from(t.tasks).where(inProject(t.tasks))]));
  o.figures.openRowsMs = await median3(() =>
    Promise.all([
      db.select().from(t.raidItems).where(and(inProject(t.raidItems), eq(t.raidItems.status, "open"))),
      db.select().from(t.tasks).where(and(inProject(t.tasks), inArray(t.tasks.status, ["not_started", "in_progress", "blocked"]))),
    ]),
  );
}

/** Every size open at once, sampled in ROUNDS interleaved rounds (order alternating), so load from elsewhere lands on all. */
async function measureKind(kind: "pglite" | "postgres"): Promise<SizeFigures[]> {
  const open: OpenSize[] = [];
  try {
    for (const size of SIZES) open.push(await openSize(kind, size));
    for (let r = 0; r < ROUNDS; r++) {
      for (const o of r % 2 === 0 ? open : [...open].reverse()) await sampleRound(o);
    }
    for (const o of open) await breakdown(o);
    return open.map((o) => o.figures);
  } finally {
    for (const o of open) {
      await o.srv.close();
      await o.tdb.drop();
    }
  }
}

const spreadOf = (ratios: number[]) => `${times(Math.min(...ratios))}–${times(Math.max(...ratios))}`;

export async function benchGrowth(): Promise<BenchResult> {
  const started = Date.now();
  const kinds: ("pglite" | "postgres")[] = (await reachablePostgres()) ? ["pglite", "postgres"] : ["pglite"];
  const figures: BenchResult["figures"] = {};
  const table: BenchResult["table"] = [];
  const targets: TargetCheck[] = [];
  const notes: string[] = [];
  for (const kind of kinds) {
    const rows = await measureKind(kind);
    const first = rows[0];
    const last = rows.at(-1);
    if (!first || !last) continue;
    for (const r of rows) {
      const rep = median(r.repeatedMs);
      const aw = median(r.afterWriteMs);
      figures[`${kind}Median${r.size}Ms`] = round(rep);
      figures[`${kind}AfterWriteMedian${r.size}Ms`] = round(aw);
      figures[`${kind}LoadContext${r.size}Ms`] = round(r.loadContextMs);
      figures[`${kind}BuildAgenda${r.size}Ms`] = round(r.buildAgendaMs);
      figures[`${kind}AllRows${r.size}Ms`] = round(r.allRowsMs);
      figures[`${kind}OpenRows${r.size}Ms`] = round(r.openRowsMs, 2);
      table.push([
        `${kind}: ${r.size.toLocaleString("en-US")} RAID items + tasks`,
        `agenda repeated: median ${round(rep)} ms (rounds ${r.repeatedMs.map((x) => round(x)).join(" / ")} ms); ` +
          `right after a captured item: median ${round(aw)} ms (rounds ${r.afterWriteMs.map((x) => round(x)).join(" / ")} ms); ` +
          `load context ${round(r.loadContextMs)} ms, buildAgenda ${round(r.buildAgendaMs, 2)} ms, JSON ${round(r.serializeMs, 2)} ms; ` +
          `body ${round(r.bodyKb)} KB; bulk insert ${round(r.insertMs / 1000, 2)} s; ` +
          `RAID + tasks read: all rows ${round(r.allRowsMs)} ms, open only ${round(r.openRowsMs, 2)} ms`,
      ]);
    }
    const why = `loading the meeting context takes ${round(last.loadContextMs)} ms at ${last.size.toLocaleString("en-US")}, ${round(first.loadContextMs)} ms at ${first.size}`;
    for (const [label, key, value] of [
      ["repeated", "Ratio", (r: SizeFigures) => r.repeatedMs],
      ["right after a write", "AfterWriteRatio", (r: SizeFigures) => r.afterWriteMs],
    ] as const) {
      // One ratio per round (same round, both sizes), then their median and spread.
      const ratios = value(last).map((v, i) => v / (value(first)[i] ?? Number.NaN));
      const ratio = median(ratios);
      figures[`${kind}${key}`] = round(ratio, 2);
      figures[`${kind}${key}Min`] = round(Math.min(...ratios), 2);
      figures[`${kind}${key}Max`] = round(Math.max(...ratios), 2);
      const span = `${round(median(value(first)))} ms → ${round(median(value(last)))} ms`;
      targets.push(
        check(`agenda latency ${label}, ${last.size.toLocaleString("en-US")} ÷ ${first.size} items, ${kind} (median of ${ROUNDS}, spread ${spreadOf(ratios)})`, `≤ ${TARGET}×`, times(ratio), ratio <= TARGET,
          ratio <= TARGET ? `met by ${times(TARGET - ratio)} (${span})` : `missed by ${times(ratio - TARGET)} (${span})${key === "AfterWriteRatio" ? `: ${why}` : ""}`),
      );
    }
  }
  notes.push(
    "The added rows are closed RAID items and done tasks: the agenda shows the same lines at every size, so growth is the cost of rows read and dropped.",
    "Repeated requests can be served from the server's agenda cache; a write to the project (here: an action item captured in the call) makes the next agenda load the meeting context again.",
  );
  return { name: "growth", title: "Growth", figures, table, targets, notes, durationMs: Date.now() - started };
}

await runAlone(import.meta.url, benchGrowth);
