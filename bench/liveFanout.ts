import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { demoMeetingId, devAuth } from "../test/support/testApp";
import { createScratchPostgres } from "../test/support/testDatabase";
import { reachablePostgres } from "./support/callbookServer";
import { probeMemory, seededDataDirCopy, startChild, tempDir, withMemoryProbe, type MemorySample } from "./support/childServer";
import { FanoutClients, openIdleSockets } from "./support/fanoutClients";
import { check, runAlone, type BenchResult } from "./support/results";
import { median, percentile, round, sleep, times } from "./support/stats";

// Live fan-out as ratios in one run (issue 19), each the median of ROUNDS interleaved rounds with
// its min–max spread:
//  - one client: POST an action item → its event parsed by one SSE client (p95 over the round's
//    posts), Callbook (npm start's process on the embedded database) ÷ a bare Express POST → SSE
//    echo (bench/support/sseEcho.ts, no database, no auth), target ≤ 2×;
//  - 1,000 clients in one meeting ÷ one client, same Callbook server, target ≤ 1.5× (p95 of the time
//    until every client has the event);
//  - memory per 1,000 idle SSE streams from the server's RSS (after a forced GC), beside as many
//    bare TCP connections to an identical server;
//  - two instances on PostgreSQL (npm start's process twice, one scratch database, the NOTIFY bus):
//    1,000 clients split 500 / 500 over the two ÷ one client, target ≤ 1.5×. Every POST goes to
//    instance A; the one client is on instance B, so both sides take the cross-instance path
//    (NOTIFY → B's shared reader); the 1,000 are timed until the last of them has the event.
//    Skipped, with the reason printed, when no PostgreSQL answers.
// BENCH_QUICK=1: fewer posts per round (the rounds stay ≥ 3), for a run of a few minutes.

const QUICK = process.env.BENCH_QUICK === "1";
const CLIENTS = 1000;
const ROUNDS = 3;
const POSTS = QUICK ? 8 : 20;
const TARGET_ONE_RATIO = 2;
const TARGET_MANY_RATIO = 1.5;
const meeting = demoMeetingId("m_cust");

async function post(baseUrl: string, title: string, id: string): Promise<void> {
  const res = await fetch(`${baseUrl}/api/meetings/${meeting}/items`, {
    method: "POST",
    headers: { Authorization: devAuth("dana"), "Content-Type": "application/json" },
    body: JSON.stringify({ id, kind: "action", title }),
  });
  if (res.status !== 201) throw new Error(`POST item answered ${res.status}: ${await res.text()}`);
}

async function postBare(baseUrl: string, title: string, id: string): Promise<void> {
  const res = await fetch(`${baseUrl}/items`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ id, kind: "action", title }) });
  if (res.status !== 201) throw new Error(`bare POST answered ${res.status}`);
}

/** The bare Express POST → SSE echo as a child process (same loader as the server). */
async function startEcho(): Promise<{ url: string; stop(): void }> {
  const script = fileURLToPath(new URL("./support/sseEcho.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", script], { stdio: ["ignore", "pipe", "inherit"] });
  const [chunk] = (await once(child.stdout, "data")) as [Buffer];
  const port = /listening (\d+)/.exec(chunk.toString())?.[1];
  if (!port) throw new Error(`echo server said ${chunk.toString()}`);
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
}

/** Per post: [time until the last client had it, every client's latency]. */
async function posts(
  baseUrl: string,
  clients: FanoutClients,
  n: number,
  label: string,
  send: (baseUrl: string, title: string, id: string) => Promise<void> = post,
): Promise<{ all: number[]; each: number[] }> {
  const all: number[] = [];
  const each: number[] = [];
  for (let i = 0; i < n; i++) {
    const id = randomUUID();
    const latencies = await clients.deliver(id, () => send(baseUrl, `${label} ${i + 1}`, id), 60_000);
    all.push(Math.max(...latencies));
    each.push(...latencies);
    await sleep(100);
  }
  return { all, each };
}

/** Memory per 1,000 of `n` connections from two probes (each after a full GC). */
const per1000 = (before: MemorySample, after: MemorySample, n: number) => ({
  rss: ((after.rssMb - before.rssMb) / n) * 1000,
  heap: ((after.heapUsedMb - before.heapUsedMb) / n) * 1000,
});

async function bareSocketsPer1000(): Promise<{ rss: number; heap: number }> {
  const server = await startChild(await seededDataDirCopy(), withMemoryProbe());
  try {
    await sleep(2000);
    const before = await probeMemory(server);
    const sockets = await openIdleSockets(server.port, CLIENTS);
    await sleep(2000);
    const after = await probeMemory(server);
    for (const s of sockets) s.destroy();
    return per1000(before, after, CLIENTS);
  } finally {
    await server.stop("SIGINT");
  }
}

interface SplitRound {
  oneP95: number;
  manyP95: number;
  manyEachP95: number;
}

/**
 * Two instances on one PostgreSQL database, ROUNDS rounds: one client on B (posts to A) against
 * 1,000 split over A and B; the order of the two cases flips every round. Null when no PostgreSQL answers.
 */
export async function splitOverTwoInstances(): Promise<SplitRound[] | null> {
  if (!(await reachablePostgres())) return null;
  const scratch = await createScratchPostgres();
  // Dev sign-in is off by default on PostgreSQL (server/config.ts): asked for, as the bench signs in as demo people.
  const env = { DATABASE_URL: scratch.url, DEV_SIGN_IN: "true", LIVE_STREAMS_PER_USER: String(CLIENTS) };
  const started: Awaited<ReturnType<typeof startChild>>[] = [];
  try {
    // One after the other: the first migrates and seeds the demo, the second finds it there.
    started.push(await startChild(tempDir("callbook-bench-pg-a-"), env));
    started.push(await startChild(tempDir("callbook-bench-pg-b-"), env));
    const [a, b] = started as [(typeof started)[number], (typeof started)[number]];
    const headers = { Authorization: devAuth("marcus") };
    const events = (s: typeof a) => `${s.url}/api/meetings/${meeting}/events`;
    const rounds: SplitRound[] = [];
    const measureOne = async (warm: boolean) => {
      const one = new FanoutClients();
      try {
        await one.open(events(b), headers);
        if (warm) await posts(a.url, one, 3, "Warm-up two instances");
        return percentile((await posts(a.url, one, POSTS, "Two instances, one client")).all, 95);
      } finally {
        one.close();
      }
    };
    const measureMany = async () => {
      const many = new FanoutClients();
      try {
        await many.openMany(CLIENTS / 2, 20, events(a), headers);
        await many.openMany(CLIENTS / 2, 20, events(b), headers);
        await sleep(1000);
        const r = await posts(a.url, many, POSTS, "Two instances, fan-out");
        return { manyP95: percentile(r.all, 95), manyEachP95: percentile(r.each, 95) };
      } finally {
        many.close();
        await sleep(1000); // the servers let go of the streams before the next case
      }
    };
    for (let r = 0; r < ROUNDS; r++) {
      if (r % 2 === 0) {
        const oneP95 = await measureOne(r === 0);
        rounds.push({ oneP95, ...(await measureMany()) });
      } else {
        const many = await measureMany();
        rounds.push({ oneP95: await measureOne(false), ...many });
      }
    }
    return rounds;
  } finally {
    for (const s of started) await s.stop("SIGINT");
    await scratch.drop();
  }
}

interface Round {
  bareOneP95: number;
  oneP95: number;
  manyP95: number;
  manyEachP95: number;
  openMs: number;
}

export async function benchLiveFanout(): Promise<BenchResult> {
  const started = Date.now();
  // 1,000 panels on one meeting, but the demo has a handful of people: the per-person stream cap
  // (10 by default, issue 13 §6) is raised for this child only; the per-meeting cap (1,000) holds.
  const server = await startChild(await seededDataDirCopy(), withMemoryProbe({ LIVE_STREAMS_PER_USER: String(CLIENTS) }));
  const echo = await startEcho();
  const url = `${server.url}/api/meetings/${meeting}/events`;
  const headers = { Authorization: devAuth("marcus") };
  const rounds: Round[] = [];
  let memBefore: MemorySample | null = null;
  let memAfter: MemorySample | null = null;
  try {
    for (let r = 0; r < ROUNDS; r++) {
      // Bare echo and Callbook, one client each, in alternating order; then 1,000 on Callbook.
      const bareClient = new FanoutClients();
      const one = new FanoutClients();
      let bareOne: { all: number[] };
      let cbOne: { all: number[] };
      try {
        await bareClient.open(`${echo.url}/events`, {});
        await one.open(url, headers);
        if (r === 0) {
          await posts(server.url, one, 3, "Warm-up"); // first requests pay for JIT and cold caches
          await posts(echo.url, bareClient, 3, "Warm-up", postBare);
        }
        if (r % 2 === 0) {
          bareOne = await posts(echo.url, bareClient, POSTS, "Bare", postBare);
          cbOne = await posts(server.url, one, POSTS, "One client");
        } else {
          cbOne = await posts(server.url, one, POSTS, "One client");
          bareOne = await posts(echo.url, bareClient, POSTS, "Bare", postBare);
        }
      } finally {
        bareClient.close();
      }
      await sleep(500);
      if (r === 0) memBefore = await probeMemory(server);
      const o = Date.now();
      let many: { all: number[]; each: number[] };
      try {
        await one.openMany(CLIENTS - 1, 20, url, headers);
        const openMs = Date.now() - o;
        await sleep(1000);
        if (r === 0) memAfter = await probeMemory(server);
        many = await posts(server.url, one, POSTS, "Fan-out");
        rounds.push({
          bareOneP95: percentile(bareOne.all, 95),
          oneP95: percentile(cbOne.all, 95),
          manyP95: percentile(many.all, 95),
          manyEachP95: percentile(many.each, 95),
          openMs,
        });
      } finally {
        one.close();
      }
      await sleep(1000); // the server lets go of 1,000 streams before the next round
    }
  } finally {
    echo.stop();
    await server.stop("SIGINT");
  }
  const barePer1000 = await bareSocketsPer1000();
  const split = await splitOverTwoInstances();
  if (!memBefore || !memAfter) throw new Error("no memory sample");
  const sse = per1000(memBefore, memAfter, CLIENTS - 1);

  const oneRatios = rounds.map((r) => r.oneP95 / r.bareOneP95);
  const manyRatios = rounds.map((r) => r.manyP95 / r.oneP95);
  const oneRatio = median(oneRatios);
  const manyRatio = median(manyRatios);
  const spread = (v: number[]) => `${times(Math.min(...v))}–${times(Math.max(...v))}`;
  const ms = (v: number[]) => `${round(median(v))} ms (${round(Math.min(...v))}–${round(Math.max(...v))})`;
  const margin = (ratio: number, target: number) => (ratio <= target ? `met by ${times(target - ratio)}` : `missed by ${times(ratio - target)}`);
  const splitRatios = split?.map((r) => r.manyP95 / r.oneP95) ?? [];
  const splitRatio = split ? median(splitRatios) : Number.NaN;
  const splitFigures: Record<string, number> = split
    ? {
        twoInstancesOneClientP95Ms: round(median(split.map((r) => r.oneP95))),
        twoInstancesAllClientsP95Ms: round(median(split.map((r) => r.manyP95))),
        twoInstancesPerDeliveryP95Ms: round(median(split.map((r) => r.manyEachP95))),
        twoInstancesRatio: round(splitRatio, 3),
        twoInstancesRatioMin: round(Math.min(...splitRatios), 3),
        twoInstancesRatioMax: round(Math.max(...splitRatios), 3),
      }
    : {};
  const splitRows: [string, string][] = split
    ? [
        ["two instances on PostgreSQL: POST to A → one client on B, p95", ms(split.map((r) => r.oneP95))],
        [`two instances on PostgreSQL: POST to A → every one of ${CLIENTS} clients (${CLIENTS / 2} on A, ${CLIENTS / 2} on B), p95`, ms(split.map((r) => r.manyP95))],
        [`two instances: POST → one client's receipt among ${CLIENTS}, all deliveries, p95`, ms(split.map((r) => r.manyEachP95))],
        [`two instances: ${CLIENTS} split ÷ one client (p95)`, `${times(splitRatio)} (${spread(splitRatios)})`],
      ]
    : [["two instances on PostgreSQL", "not measured: no PostgreSQL answered at TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test"]];
  return {
    name: "liveFanout",
    title: "Live fan-out",
    figures: {
      clients: CLIENTS,
      rounds: ROUNDS,
      postsPerRound: POSTS,
      quick: QUICK ? 1 : 0,
      bareOneP95Ms: round(median(rounds.map((r) => r.bareOneP95))),
      oneClientP95Ms: round(median(rounds.map((r) => r.oneP95))),
      allClientsP95Ms: round(median(rounds.map((r) => r.manyP95))),
      perDeliveryP95Ms: round(median(rounds.map((r) => r.manyEachP95))),
      oneVsBareRatio: round(oneRatio, 3),
      oneVsBareRatioMin: round(Math.min(...oneRatios), 3),
      oneVsBareRatioMax: round(Math.max(...oneRatios), 3),
      manyVsOneRatio: round(manyRatio, 3),
      manyVsOneRatioMin: round(Math.min(...manyRatios), 3),
      manyVsOneRatioMax: round(Math.max(...manyRatios), 3),
      openAllMs: round(median(rounds.map((r) => r.openMs))),
      sseRssMbPer1000: round(sse.rss),
      sseHeapMbPer1000: round(sse.heap),
      bareSocketRssMbPer1000: round(barePer1000.rss),
      bareSocketHeapMbPer1000: round(barePer1000.heap),
      rssBeforeMb: round(memBefore.rssMb),
      rssAfterMb: round(memAfter.rssMb),
      ...splitFigures,
    },
    table: [
      ["setup", `${ROUNDS} interleaved rounds of ${POSTS} posts per case${QUICK ? " (BENCH_QUICK)" : ""}; Callbook: npm start's process on the embedded database; bare: Express POST → SSE echo, no database`],
      ["bare Express POST → SSE echo, one client, p95 (median of rounds, min–max)", ms(rounds.map((r) => r.bareOneP95))],
      ["Callbook POST → one client's receipt, p95", ms(rounds.map((r) => r.oneP95))],
      ["Callbook one client ÷ bare echo (p95)", `${times(oneRatio)} (${spread(oneRatios)})`],
      [`Callbook POST → every one of ${CLIENTS} clients, p95`, ms(rounds.map((r) => r.manyP95))],
      [`POST → one client's receipt among ${CLIENTS}, all deliveries, p95`, ms(rounds.map((r) => r.manyEachP95))],
      [`${CLIENTS} clients ÷ one client (p95)`, `${times(manyRatio)} (${spread(manyRatios)})`],
      [`opening ${CLIENTS - 1} streams`, `${round(median(rounds.map((r) => r.openMs)) / 1000, 1)} s`],
      ["memory per 1,000 idle SSE streams", `RSS ${round(sse.rss)} MB, JS heap ${round(sse.heap)} MB (RSS ${round(memBefore.rssMb)} → ${round(memAfter.rssMb)} MB for ${CLIENTS - 1})`],
      ["baseline: per 1,000 bare TCP connections", `RSS ${round(barePer1000.rss)} MB, JS heap ${round(barePer1000.heap)} MB`],
      ...splitRows,
    ],
    targets: [
      check("POST → one client's receipt, Callbook ÷ bare Express SSE echo (p95, median of rounds)", `≤ ${TARGET_ONE_RATIO}×`, `${times(oneRatio)} (${spread(oneRatios)})`, oneRatio <= TARGET_ONE_RATIO, margin(oneRatio, TARGET_ONE_RATIO)),
      check(`POST → every one of ${CLIENTS} clients in one meeting ÷ one client (p95, median of rounds)`, `≤ ${TARGET_MANY_RATIO}×`, `${times(manyRatio)} (${spread(manyRatios)})`, manyRatio <= TARGET_MANY_RATIO, margin(manyRatio, TARGET_MANY_RATIO)),
      split
        ? check(`${CLIENTS} clients split over two instances on PostgreSQL ÷ one client (p95, median of rounds)`, `≤ ${TARGET_MANY_RATIO}×`, `${times(splitRatio)} (${spread(splitRatios)})`, splitRatio <= TARGET_MANY_RATIO, margin(splitRatio, TARGET_MANY_RATIO))
        : check(`${CLIENTS} clients split over two instances on PostgreSQL ÷ one client`, `≤ ${TARGET_MANY_RATIO}×`, "not measured (no PostgreSQL)", false, "not measured"),
    ],
    notes: [
      "Latency is from just before the POST is sent until the event is parsed by the client: it includes the POST itself (the write and its transaction).",
      "Memory is read by a probe preloaded into the server (NODE_OPTIONS; bench/support/memoryProbe.mjs) after a full garbage collection, before and after opening the streams (first round).",
      "Two instances: each is npm start's process with DATABASE_URL on one scratch PostgreSQL database (migrated and seeded by the first), live events carried between them by LISTEN/NOTIFY; every POST is sent to A.",
    ],
    durationMs: Date.now() - started,
  };
}

await runAlone(import.meta.url, benchLiveFanout);
