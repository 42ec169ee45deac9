import { readFileSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SourceMapConsumer, type RawSourceMap } from "source-map-js";
import type { Browser, CDPSession } from "playwright-core";
import { launchChromium } from "../test/support/browser";
import { demoMeetingId, devAuth } from "../test/support/testApp";
import { openBenchDatabase, startInProcess } from "./support/callbookServer";
import { median, round } from "./support/stats";
import { markVisibleScript } from "./support/markVisible";
import { buildCallbookWeb } from "./support/webBuild";

// A CPU profile of the side panel's cold load (issue 19): navigation → agenda visible, in browser
// mode, as bench/sidePanelLoad measures it (Chromium 320×800, new context per load, dev credential
// in localStorage, server in-process on PGlite), with the front end built with source maps so each
// sample is charged to its source module (src/… or the npm package under node_modules).
// Each load records a CDP `Profiler` CPU profile of the page's main thread; the profiler's clock
// and the CDP Network events' timestamps are the same monotonic clock (seconds vs µs), so samples
// are split into "before the last API response" and "after it, until the first frame with the agenda".
// Prints self time by module (both windows), total (inclusive) time by module, and the top functions.
// Writes the median load's profile to /tmp/callbook-panel-load.cpuprofile (open in Chrome DevTools).
// Usage: node --import tsx bench/profilePanelLoad.ts [loads=10] [samplingIntervalUs=200]
// PANEL_WEB_ROOT=<dir>: profile that front end instead (built beforehand with `npx vite build --sourcemap
// --outDir <dir>`, e.g. from an older checkout, to compare; the server is this tree's).

const LOADS = Number(process.argv[2] ?? 10);
const INTERVAL_US = Number(process.argv[3] ?? 200);
// A build of this run (removed at exit), unless PANEL_WEB_ROOT names one already made.
const webRoot = process.env.PANEL_WEB_ROOT ?? (await buildCallbookWeb({ sourcemap: true }));

const markVisible = markVisibleScript("[data-agenda-item]");

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number; scriptId: string }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

interface Load {
  paintedMs: number;
  /** Monotonic µs (profiler clock). */
  navStartUs: number;
  lastApiEndUs: number;
  visibleUs: number;
  api: string[];
  profile: CpuProfile;
}

const maps = new Map<string, SourceMapConsumer | null>();
function consumerFor(url: string): SourceMapConsumer | null {
  if (maps.has(url)) return maps.get(url) ?? null;
  const file = join(webRoot, new URL(url).pathname + ".map");
  const consumer = existsSync(file) ? new SourceMapConsumer(JSON.parse(readFileSync(file, "utf8")) as RawSourceMap) : null;
  maps.set(url, consumer);
  return consumer;
}

/** "react-dom", "@fluentui/react-table", "src/features/panel/Agenda.tsx", "(program)"… */
function moduleOf(frame: CallFrame): { module: string; fn: string } {
  if (!frame.url) return { module: frame.functionName || "(anonymous)", fn: frame.functionName || "(anonymous)" };
  const consumer = /\/assets\/.*\.js$/.test(frame.url) ? consumerFor(frame.url) : null;
  if (!consumer) return { module: frame.url.replace(/^https?:\/\/[^/]+/, ""), fn: frame.functionName || "(anonymous)" };
  const pos = consumer.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
  const source = pos.source ?? "?";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  const module = pkg?.[1] ? pkg[1] : source.replace(/^.*?\/(src\/)/, "$1");
  const file = source.replace(/^.*node_modules\//, "").replace(/^.*?\/(src\/)/, "$1");
  return { module, fn: `${pos.name ?? (frame.functionName || "(anonymous)")} ${file}:${pos.line ?? "?"}` };
}

async function loadOnce(browser: Browser, url: string, credential: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 320, height: 800 }, bypassCSP: true });
  try {
    await context.addInitScript({ content: `try { localStorage.setItem("callbook.credential", ${JSON.stringify(credential)}); } catch {}` });
    await context.addInitScript({ content: markVisible });
    const page = await context.newPage();
    const cdp: CDPSession = await context.newCDPSession(page);
    const requests = new Map<string, { url: string; start: number; end?: number }>();
    let navStart = 0;
    cdp.on("Network.requestWillBeSent", (e: { requestId: string; request: { url: string }; timestamp: number; type?: string }) => {
      if (e.type === "Document" && navStart === 0) navStart = e.timestamp;
      requests.set(e.requestId, { url: e.request.url, start: e.timestamp });
    });
    cdp.on("Network.loadingFinished", (e: { requestId: string; timestamp: number }) => {
      const r = requests.get(e.requestId);
      if (r) r.end = e.timestamp;
    });
    await cdp.send("Network.enable");
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: INTERVAL_US });
    await cdp.send("Profiler.start");
    await page.goto(url);
    await page.waitForFunction("window.__paintedAt !== undefined", null, { timeout: 20_000, polling: 50 });
    const paintedMs = Number(await page.evaluate("window.__paintedAt"));
    const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: CpuProfile };
    const api = [...requests.values()].filter((r) => r.url.includes("/api/") && r.end !== undefined);
    const lastApiEnd = Math.max(...api.map((r) => r.end ?? 0));
    const ms = (t: number) => Math.round((t - navStart) * 1000);
    return {
      paintedMs,
      navStartUs: navStart * 1e6,
      lastApiEndUs: lastApiEnd * 1e6,
      visibleUs: navStart * 1e6 + paintedMs * 1000,
      api: api.map((r) => `${new URL(r.url).pathname.replace(/[0-9a-f-]{36}/g, ":id")} ${ms(r.start)}→${ms(r.end ?? 0)}`),
      profile,
    };
  } finally {
    await context.close();
  }
}

type Tally = Map<string, number>;
const add = (t: Tally, k: string, v: number) => t.set(k, (t.get(k) ?? 0) + v);

/** Self time by module and function, and total time by module and function, in ms, for samples in [from, to) µs. */
function tally(load: Load, from: number, to: number) {
  const { profile } = load;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const info = new Map(profile.nodes.map((n) => [n.id, moduleOf(n.callFrame)]));
  const selfModule: Tally = new Map(), selfFn: Tally = new Map(), totalModule: Tally = new Map(), totalFn: Tally = new Map();
  let t = profile.startTime;
  let windowMs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const next = profile.timeDeltas[i + 1] ?? 0;
    if (t < from || t >= to) continue;
    const ms = next / 1000;
    windowMs += ms;
    const leaf = profile.samples[i] ?? 0;
    const leafInfo = info.get(leaf);
    if (!leafInfo) continue;
    add(selfModule, leafInfo.module, ms);
    add(selfFn, `${leafInfo.fn} [${leafInfo.module}]`, ms);
    const seenM = new Set<string>(), seenF = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined && byId.has(id); id = parent.get(id)) {
      const f = info.get(id);
      if (!f) break;
      if (!seenM.has(f.module)) { seenM.add(f.module); add(totalModule, f.module, ms); }
      const fk = `${f.fn} [${f.module}]`;
      if (!seenF.has(fk)) { seenF.add(fk); add(totalFn, fk, ms); }
    }
  }
  return { selfModule, selfFn, totalModule, totalFn, windowMs };
}

/** Per key, the median over loads of its ms (0 where a load has none). */
function medianTallies(tallies: Tally[]): [string, number][] {
  const keys = new Set(tallies.flatMap((t) => [...t.keys()]));
  return [...keys].map((k) => [k, median(tallies.map((t) => t.get(k) ?? 0))] as [string, number]).sort((a, b) => b[1] - a[1]);
}

const print = (title: string, rows: [string, number][], n: number) => {
  console.log(`\n## ${title}`);
  for (const [k, v] of rows.slice(0, n)) console.log(`${String(round(v, 1)).padStart(7)} ms  ${k}`);
};

const tdb = await openBenchDatabase("pglite");
const server = await startInProcess(tdb.database, { webRoot });
const browser = await launchChromium();
const loads: Load[] = [];
try {
  const url = `${server.url}/meetings/${demoMeetingId("m_cust")}`;
  await loadOnce(browser, url, devAuth("dana")); // warm-up, not counted
  for (let i = 0; i < LOADS; i++) loads.push(await loadOnce(browser, url, devAuth("dana")));
} finally {
  await browser.close();
  await server.close();
  await tdb.drop();
}

const all = loads.map((l) => tally(l, l.navStartUs, l.visibleUs));
const before = loads.map((l) => tally(l, l.navStartUs, l.lastApiEndUs));
const after = loads.map((l) => tally(l, l.lastApiEndUs, l.visibleUs));
const sorted = [...loads].sort((a, b) => a.paintedMs - b.paintedMs);
const typical = sorted[Math.floor(sorted.length / 2)];
console.log(`# Side panel cold load, CPU profile (${LOADS} loads, sampling ${INTERVAL_US} µs)`);
console.log(`navigation → agenda painted: median ${round(median(loads.map((l) => l.paintedMs)))} ms (${loads.map((l) => Math.round(l.paintedMs)).join(", ")})`);
console.log(`last API response → agenda painted: median ${round(median(loads.map((l) => (l.visibleUs - l.lastApiEndUs) / 1000)))} ms`);
console.log(`main-thread samples in the load (all, non-idle): median ${round(median(all.map((t) => t.windowMs - (t.selfModule.get("(idle)") ?? 0))))} ms busy of ${round(median(all.map((t) => t.windowMs)))} ms`);
console.log(`after the last API response: median ${round(median(after.map((t) => t.windowMs - (t.selfModule.get("(idle)") ?? 0))))} ms busy of ${round(median(after.map((t) => t.windowMs)))} ms`);
if (typical) console.log(`median load's API calls (ms from navigation): ${typical.api.join("; ")}`);
print("self time by module, whole load (median over loads)", medianTallies(all.map((t) => t.selfModule)), 30);
print("self time by module, after the last API response", medianTallies(after.map((t) => t.selfModule)), 25);
print("self time by module, before the last API response", medianTallies(before.map((t) => t.selfModule)), 20);
print("total (inclusive) time by module, whole load", medianTallies(all.map((t) => t.totalModule)), 30);
print("top functions by self time, whole load", medianTallies(all.map((t) => t.selfFn)), 40);
print("top functions by total time, after the last API response", medianTallies(after.map((t) => t.totalFn)), 60);
if (typical) {
  writeFileSync("/tmp/callbook-panel-load.cpuprofile", JSON.stringify(typical.profile));
  console.log("\nmedian load's profile: /tmp/callbook-panel-load.cpuprofile");
}
