import { randomUUID } from "node:crypto";
import { demoMeetingId, devAuth } from "../test/support/testApp";
import type { RunningServer } from "../test/support/serverProcess";
import { seededDataDirCopy, startChild } from "./support/childServer";
import { rssMb } from "./support/callbookServer";
import { FanoutClients, openIdleSockets } from "./support/fanoutClients";
import { check, runAlone, type BenchResult } from "./support/results";
import { percentile, round, sleep, times } from "./support/stats";

// One meeting, 500 SSE clients (raw http, one socket each): the time from POSTing an action item
// to its event reaching every client, over 20 posts; baseline: the same with one client. Memory per
// 1,000 idle SSE connections from the server's RSS (a child process on the embedded database);
// baseline: as many bare TCP connections to a second, identical server.

const CLIENTS = 500;
const POSTS = 20;
const BASELINE_POSTS = 10;
const TARGET_P95_MS = 50;
const meeting = demoMeetingId("m_cust");

async function post(server: RunningServer, title: string, id: string): Promise<void> {
  const res = await fetch(`${server.url}/api/meetings/${meeting}/items`, {
    method: "POST",
    headers: { Authorization: devAuth("dana"), "Content-Type": "application/json" },
    body: JSON.stringify({ id, kind: "action", title }),
  });
  if (res.status !== 201) throw new Error(`POST item answered ${res.status}: ${await res.text()}`);
}

/** Per post: [time until the last client had it, every client's latency]. */
async function posts(server: RunningServer, clients: FanoutClients, n: number, label: string): Promise<{ all: number[]; each: number[] }> {
  const all: number[] = [];
  const each: number[] = [];
  for (let i = 0; i < n; i++) {
    const id = randomUUID();
    const latencies = await clients.deliver(id, () => post(server, `${label} ${i + 1}`, id), 60_000);
    all.push(Math.max(...latencies));
    each.push(...latencies);
    await sleep(100);
  }
  return { all, each };
}

async function bareSocketsPer1000(): Promise<number> {
  const server = await startChild(await seededDataDirCopy());
  try {
    await sleep(2000);
    const before = rssMb(server.proc.pid ?? 0);
    const sockets = await openIdleSockets(server.port, CLIENTS);
    await sleep(3000);
    const after = rssMb(server.proc.pid ?? 0);
    for (const s of sockets) s.destroy();
    return ((after - before) / CLIENTS) * 1000;
  } finally {
    await server.stop("SIGINT");
  }
}

export async function benchLiveFanout(): Promise<BenchResult> {
  const started = Date.now();
  const server = await startChild(await seededDataDirCopy());
  const clients = new FanoutClients();
  const url = `${server.url}/api/meetings/${meeting}/events`;
  const headers = { Authorization: devAuth("marcus") };
  let baseline: { all: number[]; each: number[] };
  let fanout: { all: number[]; each: number[] };
  let rssBefore: number;
  let rssAfter: number;
  let openMs: number;
  try {
    await clients.open(url, headers);
    baseline = await posts(server, clients, BASELINE_POSTS, "One client");
    await sleep(1000);
    rssBefore = rssMb(server.proc.pid ?? 0);
    const o = Date.now();
    await clients.openMany(CLIENTS - 1, 20, url, headers);
    openMs = Date.now() - o;
    await sleep(3000);
    rssAfter = rssMb(server.proc.pid ?? 0);
    fanout = await posts(server, clients, POSTS, "Fan-out");
  } finally {
    clients.close();
    await server.stop("SIGINT");
  }
  const barePer1000 = await bareSocketsPer1000();

  const ssePer1000 = ((rssAfter - rssBefore) / (CLIENTS - 1)) * 1000;
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
      sseMbPer1000: round(ssePer1000),
      bareSocketMbPer1000: round(barePer1000),
      rssBeforeMb: round(rssBefore),
      rssAfterMb: round(rssAfter),
    },
    table: [
      ["setup", `${CLIENTS} SSE clients on one meeting, server: npm start's process on the embedded database`],
      [`POST → every client has it (${POSTS} posts)`, `p50 ${p(fanout.all, 50)} ms, p95 ${p(fanout.all, 95)} ms, max ${p(fanout.all, 100)} ms`],
      ["POST → one client's receipt, all deliveries", `p50 ${p(fanout.each, 50)} ms, p95 ${p(fanout.each, 95)} ms`],
      [`baseline: one client (${BASELINE_POSTS} posts)`, `p50 ${p(baseline.all, 50)} ms, p95 ${p(baseline.all, 95)} ms`],
      ["500 clients ÷ one client (p95)", times(p95 / baseP95)],
      [`opening ${CLIENTS - 1} streams`, `${round(openMs / 1000, 1)} s`],
      ["memory per 1,000 idle SSE connections", `${round(ssePer1000)} MB (RSS ${round(rssBefore)} → ${round(rssAfter)} MB)`],
      ["baseline: per 1,000 bare TCP connections", `${round(barePer1000)} MB`],
    ],
    targets: [
      check("POST → every one of 500 clients, p95", `≤ ${TARGET_P95_MS} ms`, `${round(p95)} ms`, p95 <= TARGET_P95_MS,
        p95 <= TARGET_P95_MS ? `met by ${round(TARGET_P95_MS - p95)} ms` : `missed by ${round(p95 - TARGET_P95_MS)} ms (${times(p95 / TARGET_P95_MS)} the target)`),
    ],
    notes: [
      "Each stream, on every notification, reads meeting_events after its own last id and then the item row: two queries per client per event.",
      "RSS deltas include heap growth from opening the streams (each open loads the meeting context); they are an upper bound per connection.",
    ],
    durationMs: Date.now() - started,
  };
}

await runAlone(import.meta.url, benchLiveFanout);
