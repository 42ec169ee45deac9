import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { loadavg } from "node:os";
import pg from "pg";
import { demoMeetingId, devAuth } from "../test/support/testApp";
import { openBenchDatabase, startInProcess } from "./support/callbookServer";
import { FanoutClients } from "./support/fanoutClients";

// CPU profile of the live write path (issue 19): one client's POST of a capture → its SSE receipt,
// the path bench/liveFanout.ts times against a bare Express echo. In-process PGlite demo server
// (as profileHotPath.ts); one SSE client (marcus) on the meeting, dana posts action items one at a
// time and waits for the receipt. The driver runs in the same process: its frames (this file,
// fanoutClients.ts, undici's fetch) are counted apart. Writes /tmp/callbook-live-write-<kind>.cpuprofile
// and prints self time by frame and by origin (Callbook / PGlite+pg / Express+http+logging / driver / other).
// Usage: node --import tsx bench/profileLiveWrite.ts [pglite|postgres] [posts] | <file.cpuprofile>

const kind = process.argv[2] === "postgres" ? "postgres" : "pglite";
const n = Number(process.argv[3] ?? 200);
const meeting = demoMeetingId("m_cust");

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

/** The origin of a frame, from its script URL. */
function origin(url: string, fn: string): string {
  if (/bench\/|undici|fetch/.test(url)) return "driver (bench client, fetch)";
  if (/@electric-sql\/pglite|pglite|^wasm:/.test(url)) return "PGlite (JS + Postgres in WASM)";
  if (/node_modules\/(pg|pg-[a-z-]+|postgres|drizzle-orm)\//.test(url)) return "pg / drizzle";
  if (/node_modules\/(pino|pino-[a-z-]+|sonic-boom|thread-stream)\//.test(url)) return "logging (pino)";
  if (/node_modules\/(express|body-parser|router|raw-body|send|finalhandler|on-finished|qs|type-is|accepts|negotiator|content-type|iconv-lite|mime-types|cookie|etag|fresh|debug|depd|statuses|http-errors|path-to-regexp|serve-static|compression)\//.test(url)) return "Express & middleware";
  if (/node_modules\/(zod)\//.test(url)) return "zod";
  if (/\/(server|contracts)\//.test(url) && !/node_modules/.test(url)) return "Callbook code";
  if (/node_modules/.test(url)) return `other package (${/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? "?"})`;
  if (/^node:internal\/(http|_http|streams|net|stream_base)|^node:(http|net|_http)/.test(url) || /^node:internal\/(deps\/llhttp|http)/.test(url)) return "Node http/net";
  if (url.startsWith("node:")) return "Node other";
  if (fn === "(garbage collector)") return "GC";
  if (fn === "(idle)" || fn === "(program)") return fn;
  return url ? "other" : `native ${fn || "(anonymous)"}`;
}

function summarise(profile: Profile): string {
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const byFrame = new Map<string, number>();
  const byOrigin = new Map<string, number>();
  let total = 0;
  let busy = 0;
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    total += us;
    const { functionName, url, lineNumber } = node.callFrame;
    const o = origin(url, functionName);
    if (o !== "(idle)") busy += us;
    byOrigin.set(o, (byOrigin.get(o) ?? 0) + us);
    const key = `${functionName || "(anonymous)"} ${url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/perf2\//, "")}:${lineNumber + 1} [${o}]`;
    byFrame.set(key, (byFrame.get(key) ?? 0) + us);
  }
  const pct = (us: number) => `${((us / busy) * 100).toFixed(1)}%`;
  // Inclusive time of Callbook's own functions (each counted once per stack, even when recursive).
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const inclusive = new Map<string, number>();
  const walk = (id: number, seen: Set<string>): number => {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = origin(url, functionName) === "Callbook code" ? `${functionName || "(anonymous)"} ${url.replace(/^file:\/\/.*\/perf2\//, "")}:${lineNumber + 1}` : null;
    const inner = key && !seen.has(key) ? new Set([...seen, key]) : seen;
    let us = self.get(id) ?? 0;
    for (const child of node.children ?? []) us += walk(child, inner);
    if (key && !seen.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    return us;
  };
  walk(profile.nodes[0]!.id, new Set());
  const lines = [`total ${(total / 1000).toFixed(0)} ms sampled, busy (not idle) ${(busy / 1000).toFixed(0)} ms`, "", "by origin (share of busy):"];
  for (const [o, us] of [...byOrigin].sort((a, b) => b[1] - a[1])) if (o !== "(idle)" && us >= busy / 1000) lines.push(`  ${pct(us).padStart(6)}  ${(us / 1000).toFixed(0).padStart(6)} ms  ${o}`);
  lines.push("", "top self-time frames (share of busy):");
  for (const [f, us] of [...byFrame].filter(([f]) => !f.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, 25)) lines.push(`  ${pct(us).padStart(6)}  ${(us / 1000).toFixed(0).padStart(6)} ms  ${f}`);
  lines.push("", "Callbook functions by inclusive time (share of busy):");
  for (const [f, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 25)) lines.push(`  ${pct(us).padStart(6)}  ${(us / 1000).toFixed(0).padStart(6)} ms  ${f}`);
  return lines.join("\n");
}

if (process.argv[2]?.endsWith(".cpuprofile")) {
  // Summarise a profile written earlier (or by `node --cpu-prof`) and stop.
  process.stdout.write(summarise(JSON.parse(readFileSync(process.argv[2], "utf8")) as Profile) + "\n");
  process.exit(0);
}
// On PostgreSQL, statements sent per POST → receipt (every pg client query: the pool's and LISTEN's).
let statements = 0;
let texts: string[] | null = null;
const clientQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  const first = args[0];
  texts?.push((typeof first === "string" ? first : typeof first === "object" && first && "text" in first ? String(first.text) : "?").replace(/\s+/g, " ").slice(0, 110));
  return clientQuery.apply(this, args);
} as typeof pg.Client.prototype.query;
const tdb = await openBenchDatabase(kind);
const srv = await startInProcess(tdb.database);
const client = new FanoutClients();
const post = async (id: string) => {
  const res = await fetch(`${srv.url}/api/meetings/${meeting}/items`, {
    method: "POST",
    headers: { Authorization: devAuth("dana"), "Content-Type": "application/json" },
    body: JSON.stringify({ id, kind: "action", title: "Captured while profiling" }),
  });
  if (res.status !== 201) throw new Error(`POST item ${res.status}: ${await res.text()}`);
};
const step = async () => {
  const id = randomUUID();
  const [ms] = await client.deliver(id, () => post(id), 60_000);
  return ms ?? Number.NaN;
};
const session = new Session();
session.connect();
try {
  await client.open(`${srv.url}/api/meetings/${meeting}/events`, { Authorization: devAuth("marcus") });
  for (let i = 0; i < 10; i++) await step(); // warm-up: JIT and caches
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  const load = loadavg().map((l) => l.toFixed(2)).join(" / ");
  await session.post("Profiler.start");
  statements = 0;
  const latencies: number[] = [];
  for (let i = 0; i < n; i++) latencies.push(await step());
  const { profile } = await session.post("Profiler.stop");
  const path = `/tmp/callbook-live-write-${kind}.cpuprofile`;
  writeFileSync(path, JSON.stringify(profile));
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1);
  process.stdout.write(`${new Date().toISOString()} · load average at start ${load} · ${kind} · ${n} posts, POST → receipt p50 ${q(0.5)} ms, p95 ${q(0.95)} ms${kind === "postgres" ? `, ${(statements / n).toFixed(1)} statements per post` : ""} → ${path}\n\n`);
  process.stdout.write(summarise(profile as unknown as Profile) + "\n");
  if (kind === "postgres") {
    texts = [];
    await step();
    process.stdout.write(`\nstatements of one more POST → receipt (${texts.length}):\n${texts.map((t) => `  ${t}`).join("\n")}\n`);
    texts = null;
  }
} finally {
  session.disconnect();
  client.close();
  await srv.close();
  await tdb.drop();
}
