import { randomUUID } from "node:crypto";
import { demoMeetingId, devAuth } from "../test/support/testApp";
import { probeMemory, seededDataDirCopy, startChild, withMemoryProbe, type MemorySample } from "./support/childServer";
import { FanoutClients, openIdleSockets } from "./support/fanoutClients";
import { check, runAlone, type BenchResult } from "./support/results";
import { percentile, round, sleep, times } from "./support/stats";

// One meeting, 500 SSE clients (raw http, one socket each): the time from POSTing an action item
// to its event reaching every client, over 20 posts; baseline: the same with one client. Memory per
// 1,000 idle SSE connections from the server's RSS (a child process on the embedded database, read
// after a forced GC); baseline: as many bare TCP connections to a second, identical server.

const CLIENTS = 500;
const POSTS = 20;
const BASELINE_POSTS = 10;
const TARGET_P95_MS = 50;
const meeting = demoMeetingId("m_cust");

async function post(baseUrl: string, title: string, id: string): Promise<void> {
  const res = await fetch(`${baseUrl}/api/meetings/${meeting}/items`, {
    method: "POST",
    headers: { Authorization: devAuth("dana"), "Content-Type": "application/json" },
    body: JSON.stringify({ id, kind: "action", title }),
  });
  if (res.status !== 201) throw new Error(`POST item answered ${res.status}: ${await res.text()}`);
}

/** Per post: [time until the last client had it, every client's latency]. */
async function posts(baseUrl: string, clients: FanoutClients, n: number, label: string): Promise<{ all: number[]; each: number[] }> {
  const all: number[] = [];
  const each: number[] = [];
  for (let i = 0; i < n; i++) {
    const id = randomUUID();
    const latencies = await clients.deliver(id, () => post(baseUrl, `${label} ${i + 1}`, id), 60_000);
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

export async function benchLiveFanout(): Promise<BenchResult> {
  const started = Date.now();
  // 500 panels on one meeting, but the demo has a handful of people: the per-person stream cap
  // (10 by default, issue 13 §6) is raised for this child only; the per-meeting cap (1,000) holds.
  const server = await startChild(await seededDataDirCopy(), withMemoryProbe({ LIVE_STREAMS_PER_USER: String(CLIENTS) }));
  const clients = new FanoutClients();
  const url = `${server.url}/api/meetings/${meeting}/events`;
  const headers = { Authorization: devAuth("marcus") };
  let baseline: { all: number[]; each: number[] };
  let fanout: { all: number[]; each: number[] };
  let memBefore: MemorySample;
  let memAfter: MemorySample;
  let openMs: number;
  try {
    await clients.open(url, headers);
    await posts(server.url, clients, 3, "Warm-up"); // first requests pay for JIT and cold caches
    baseline = await posts(server.url, clients, BASELINE_POSTS, "One client");
    await sleep(1000);
    memBefore = await probeMemory(server);
    const o = Date.now();
    await clients.openMany(CLIENTS - 1, 20, url, headers);
    openMs = Date.now() - o;
    await sleep(2000);
    memAfter = await probeMemory(server);
    fanout = await posts(server.url, clients, POSTS, "Fan-out");
  } finally {
    clients.close();
    await server.stop("SIGINT");
  }
  const barePer1000 = await bareSocketsPer1000();

  const sse = per1000(memBefore, memAfter, CLIENTS - 1);
  const p = (v: number[], q: number) => round(percentile(v, q));
  const p95 = percentile(fanout.all, 95);
  const baseP95 = percentile(baseline.all, 95);
  return {
    name: "liveFanout",
    title: "Live fan-out",
    figures: {
      clients: CLIENTS,
      posts: POSTS,
      allClientsP50Ms: p(fanout.all, 50),
      allClientsP95Ms: p(fanout.all, 95),
      allClientsMaxMs: p(fanout.all, 100),
      perDeliveryP50Ms: p(fanout.each, 50),
      perDeliveryP95Ms: p(fanout.each, 95),
      oneClientP50Ms: p(baseline.all, 50),
      oneClientP95Ms: p(baseline.all, 95),
      ratioP95: round(p95 / baseP95, 2),
      openAllMs: openMs,
      sseRssMbPer1000: round(sse.rss),
      sseHeapMbPer1000: round(sse.heap),
      bareSocketRssMbPer1000: round(barePer1000.rss),
      bareSocketHeapMbPer1000: round(barePer1000.heap),
      rssBeforeMb: round(memBefore.rssMb),
      rssAfterMb: round(memAfter.rssMb),
    },
    table: [
      ["setup", `${CLIENTS} SSE clients on one meeting, server: npm start's process on the embedded database`],
      [`POST → every client has it (${POSTS} posts)`, `p50 ${p(fanout.all, 50)} ms, p95 ${p(fanout.all, 95)} ms, max ${p(fanout.all, 100)} ms`],
      ["POST → one client's receipt, all deliveries", `p50 ${p(fanout.each, 50)} ms, p95 ${p(fanout.each, 95)} ms`],
      [`baseline: one client (${BASELINE_POSTS} posts)`, `p50 ${p(baseline.all, 50)} ms, p95 ${p(baseline.all, 95)} ms`],
      ["500 clients ÷ one client (p95)", times(p95 / baseP95)],
      [`opening ${CLIENTS - 1} streams`, `${round(openMs / 1000, 1)} s`],
      ["memory per 1,000 idle SSE connections", `RSS ${round(sse.rss)} MB, JS heap ${round(sse.heap)} MB (RSS ${round(memBefore.rssMb)} → ${round(memAfter.rssMb)} MB for ${CLIENTS - 1})`],
      ["baseline: per 1,000 bare TCP connections", `RSS ${round(barePer1000.rss)} MB, JS heap ${round(barePer1000.heap)} MB`],
    ],
    targets: [
      check("POST → every one of 500 clients, p95", `≤ ${TARGET_P95_MS} ms`, `${round(p95)} ms`, p95 <= TARGET_P95_MS,
        p95 <= TARGET_P95_MS ? `met by ${round(TARGET_P95_MS - p95)} ms` : `missed by ${round(p95 - TARGET_P95_MS)} ms (${times(p95 / TARGET_P95_MS)} the target)`),
    ],
    notes: [
      "Latency is from just before the POST is sent until the event is parsed by the client: it includes the POST itself (the write and its transaction).",
      "Memory is read by a probe preloaded into the server (NODE_OPTIONS; bench/support/memoryProbe.mjs) after a full garbage collection, before and after opening the streams.",
    ],
    durationMs: Date.now() - started,
  };
}

await runAlone(import.meta.url, benchLiveFanout);
