import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { launchChromium } from "../test/support/browser";
import { demoMeetingId, devAuth } from "../test/support/testApp";
import { check, runAlone, type BenchResult } from "./support/results";
import { median, round, times } from "./support/stats";
import { commitLabel } from "./support/commitLabel";
import { markVisibleScript } from "./support/markVisible";

// Issue 12's acceptance, in one run: the side panel before this round's architecture/Fluent work
// (commit 84a1a46, checked out and built at BEFORE_ROOT, default /tmp/before-84a1a46) against this
// tree. Each side is `node --import tsx server/index.ts` from its own checkout, on its own port and a
// fresh temporary DATA_DIR (embedded PGlite, demo seeded at start, dev sign-in, system clock on both:
// 84a1a46 has no CALLBOOK_NOW), serving its own dist/web (`npx vite build` in each checkout first).
// Chromium 320×800, a new context (cold cache) per load: navigation → first frame after
// [data-agenda-item] is in the DOM, as bench/sidePanelLoad.ts measures it. Loads alternate
// before/after, the order flipped every round (ABBA), so the machine's load drifts onto both.

const ROUNDS = Number(process.env.COMPARE_ROUNDS ?? 8);
const TARGET_RATIO = 1.1;
const START_TIMEOUT_MS = 150_000;
/** How long a weighing load keeps listening after the agenda is visible, for chunks loaded later (ms). */
const SETTLE_MS = 3000;
const afterRoot = fileURLToPath(new URL("..", import.meta.url));
const beforeRoot = process.env.BEFORE_ROOT ?? "/tmp/before-84a1a46";

const markVisible = markVisibleScript("[data-agenda-item]");
const setCredential = (credential: string) =>
  `try { localStorage.setItem("callbook.credential", ${JSON.stringify(credential)}); } catch { /* sandboxed frame */ }`;

interface Side {
  label: "before" | "after";
  root: string;
  url: string;
  proc: ChildProcess;
  dataDir: string;
  exited: Promise<number | null>;
}

/** Starts one checkout's server on a free port and a new temporary DATA_DIR; waits (≤ 150 s) for its "listening" log line. */
async function startSide(label: Side["label"], root: string): Promise<Side> {
  if (!existsSync(join(root, "dist/web/index.html"))) throw new Error(`${root}/dist/web is not built: run npx vite build there first`);
  const dataDir = mkdtempSync(join(tmpdir(), `callbook-cmp-${label}-`));
  const proc = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "info", DEMO_DATA: "true" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  const side: Side = { label, root, url: "", proc, dataDir, exited };
  // Kept draining for the whole run, so a full pipe never stalls the server.
  proc.stderr?.on("data", (c: Buffer) => logs.push(c.toString()));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${label} server did not start in ${START_TIMEOUT_MS / 1000} s:\n${logs.join("")}`)), START_TIMEOUT_MS);
      proc.stdout?.on("data", (chunk: Buffer) => {
        const text = chunk.toString();
        if (logs.length < 200) logs.push(text);
        const m = /"port":(\d+),"url"/.exec(text);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`${label} server exited with ${code}:\n${logs.join("")}`));
      });
    });
    side.url = `http://127.0.0.1:${port}`;
    return side;
  } catch (error) {
    await stopSide(side);
    throw error;
  }
}

/** SIGINT, then SIGKILL after 10 s; removes the DATA_DIR. Safe to call on a side that already exited. */
async function stopSide(side: Side): Promise<void> {
  if (side.proc.exitCode === null && side.proc.signalCode === null) {
    side.proc.kill("SIGINT");
    const killer = setTimeout(() => side.proc.kill("SIGKILL"), 10_000);
    await side.exited;
    clearTimeout(killer);
  }
  rmSync(side.dataDir, { recursive: true, force: true });
}

interface Load {
  ms: number;
  /** Every script received up to SETTLE_MS after the agenda was visible (lazy chunks the panel fetches then included). */
  scripts: { name: string; gzipBytes: number; rawBytes: number }[];
  /** How many of `scripts` had arrived when the agenda was visible. */
  scriptsByVisible: number;
}

/** One cold load of the panel; `weighJs` also gzips every script body the page received (from the network log). */
async function loadOnce(browser: Browser, url: string, credential: string, weighJs = false): Promise<Load> {
  // bypassCSP: the probes are evaluated strings, which the app's CSP refuses; same for both sides.
  const context = await browser.newContext({ viewport: { width: 320, height: 800 }, bypassCSP: true });
  try {
    await context.addInitScript({ content: setCredential(credential) });
    await context.addInitScript({ content: markVisible });
    const scripts: Promise<Load["scripts"][number]>[] = [];
    if (weighJs) {
      context.on("response", (response) => {
        const type = response.headers()["content-type"] ?? "";
        if (!/javascript/.test(type) && !/\.m?js(\?|$)/.test(response.url())) return;
        scripts.push(
          response.body().then(
            (body) => ({ name: response.url().replace(/^.*\//, ""), gzipBytes: gzipSync(body).length, rawBytes: body.length }),
            () => ({ name: response.url(), gzipBytes: 0, rawBytes: 0 }),
          ),
        );
      });
    }
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction("window.__paintedAt !== undefined", null, { timeout: 60_000, polling: 50 });
    const ms = Number(await page.evaluate("window.__paintedAt"));
    const scriptsByVisible = scripts.length;
    if (weighJs) await page.waitForTimeout(SETTLE_MS);
    return { ms, scripts: await Promise.all(scripts), scriptsByVisible };
  } finally {
    await context.close();
  }
}

export async function benchCompareSidePanel(): Promise<BenchResult> {
  const started = Date.now();
  const loadAtStart = loadavg().map((l) => round(l, 2));
  const sides: Side[] = [];
  let browser: Browser | null = null;
  const ms: Record<Side["label"], number[]> = { before: [], after: [] };
  const weighed: Partial<Record<Side["label"], Load["scripts"]>> = {};
  const byVisible: Partial<Record<Side["label"], Load["scripts"]>> = {};
  const path = `/meetings/${demoMeetingId("m_cust")}`;
  const credential = devAuth("dana");
  try {
    sides.push(await startSide("before", beforeRoot));
    sides.push(await startSide("after", afterRoot));
    browser = await launchChromium();
    // One warm-up load each (Chromium's start, the servers' first queries), not timed; it weighs the JS.
    for (const side of sides) {
      const load = await loadOnce(browser, side.url + path, credential, true);
      weighed[side.label] = load.scripts;
      byVisible[side.label] = load.scripts.slice(0, load.scriptsByVisible);
    }
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) ms[side.label].push((await loadOnce(browser, side.url + path, credential)).ms);
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await Promise.all(sides.map((s) => stopSide(s)));
  }
  const loadAtEnd = loadavg().map((l) => round(l, 2));
  const med = { before: median(ms.before), after: median(ms.after) };
  const loadRatio = med.after / med.before;
  const roundRatios = ms.after.map((a, i) => a / (ms.before[i] ?? NaN));
  const gzip = (label: Side["label"]) => (weighed[label] ?? []).reduce((n, s) => n + s.gzipBytes, 0);
  const raw = (label: Side["label"]) => (weighed[label] ?? []).reduce((n, s) => n + s.rawBytes, 0);
  const jsRatio = gzip("after") / gzip("before");
  const gzipByVisible = (label: Side["label"]) => (byVisible[label] ?? []).reduce((n, s) => n + s.gzipBytes, 0);
  const jsByVisibleRatio = gzipByVisible("after") / gzipByVisible("before");
  const kb = (bytes: number) => round(bytes / 1024);
  const spread = (xs: number[]) => `${round(Math.min(...xs))}–${round(Math.max(...xs))} ms`;
  const verdict = (ratio: number) => (ratio <= TARGET_RATIO ? `met by ${times(TARGET_RATIO - ratio)}` : `missed by ${times(ratio - TARGET_RATIO)}`);
  const js = (label: Side["label"]) =>
    `${kb(gzip(label))} KB gzip (${kb(raw(label))} KB raw, ${(weighed[label] ?? []).length} files: ${(weighed[label] ?? []).map((s) => `${s.name} ${kb(s.gzipBytes)}`).join(", ")})`;
  return {
    name: "compareSidePanel",
    title: "Issue 12: before vs after (same run)",
    figures: {
      rounds: ROUNDS,
      beforeMedianMs: round(med.before),
      afterMedianMs: round(med.after),
      loadRatio: round(loadRatio, 3),
      beforeJsGzipKb: kb(gzip("before")),
      afterJsGzipKb: kb(gzip("after")),
      jsRatio: round(jsRatio, 3),
      beforeJsByVisibleGzipKb: kb(gzipByVisible("before")),
      afterJsByVisibleGzipKb: kb(gzipByVisible("after")),
      jsByVisibleRatio: round(jsByVisibleRatio, 3),
      loadAverageStart: loadAtStart.join(" / "),
      loadAverageEnd: loadAtEnd.join(" / "),
    },
    table: [
      ["setup", `before = ${commitLabel(beforeRoot)} (${beforeRoot}), after = this tree; each its own \`node --import tsx server/index.ts\` on a fresh temporary DATA_DIR (PGlite, demo seeded), its own vite build; Chromium 320×800, cold context per load, ${ROUNDS} rounds of one load each side, order flipped every round; one untimed warm-up each`],
      ["load average (1/5/15 min) at start → end", `${loadAtStart.join(" / ")} → ${loadAtEnd.join(" / ")}`],
      ["before: navigation → agenda visible", `median ${round(med.before)} ms (min–max ${spread(ms.before)})`],
      ["after: navigation → agenda visible", `median ${round(med.after)} ms (min–max ${spread(ms.after)})`],
      ["after ÷ before, load (ratio of medians; per-round min–max)", `${times(loadRatio)} (${times(Math.min(...roundRatios))}–${times(Math.max(...roundRatios))})`],
      ["before: JS the panel loads (to 3 s after visible)", js("before")],
      ["after: JS the panel loads (to 3 s after visible)", js("after")],
      ["after ÷ before, JS gzip (all scripts, to 3 s after visible)", times(jsRatio)],
      ["JS received by the time the agenda is visible, before → after", `${kb(gzipByVisible("before"))} KB → ${kb(gzipByVisible("after"))} KB gzip (${times(jsByVisibleRatio)})`],
      ["loads, ms in order (before)", ms.before.map((x) => round(x)).join(", ")],
      ["loads, ms in order (after)", ms.after.map((x) => round(x)).join(", ")],
    ],
    targets: [
      check("side panel load, after ÷ before (median)", `≤ ${TARGET_RATIO}×`, times(loadRatio), loadRatio <= TARGET_RATIO, verdict(loadRatio)),
      check("JS shipped to the side panel (gzip), after ÷ before", `≤ ${TARGET_RATIO}×`, times(jsRatio), jsRatio <= TARGET_RATIO, verdict(jsRatio)),
    ],
    notes: [
      "gzip sizes are zlib's default level over each script response body the panel received (so the servers' transfer encodings, brotli after and none before, do not count).",
      `before (${commitLabel(beforeRoot)}) may serve assets without precompression (84a1a46 did); the load time includes that difference, as a user would see it.`,
    ],
    durationMs: Date.now() - started,
  };
}

await runAlone(import.meta.url, benchCompareSidePanel);
