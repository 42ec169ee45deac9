import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { peakRssMb, rssMb } from "./support/callbookServer";
import { adoptSeededDataDir, startChild, tempDir } from "./support/childServer";
import { check, runAlone, type BenchResult } from "./support/results";
import { round, sleep, times } from "./support/stats";

// RSS of `npm start`'s server process on the embedded database, 10 s after it listens: on a first
// start (initdb, migrations, demo seed) and on a restart over the same DATA_DIR. Baseline: an
// Express app with the same loader (node --import tsx), idle for as long.

const IDLE_MS = 10_000;
const TARGET_MB = 400;

async function idleBaselineMb(): Promise<number> {
  const script = fileURLToPath(new URL("./support/idleExpress.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", script], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    await once(child.stdout, "data");
    await sleep(IDLE_MS);
    return rssMb(child.pid ?? 0);
  } finally {
    child.kill("SIGTERM");
  }
}

export async function benchIdleMemory(): Promise<BenchResult> {
  const started = Date.now();
  const dataDir = tempDir("callbook-bench-idle-");
  const baselinePromise = idleBaselineMb();

  const first = await startChild(dataDir);
  await sleep(IDLE_MS);
  const firstRss = rssMb(first.proc.pid ?? 0);
  const firstPeak = peakRssMb(first.proc.pid ?? 0);
  await first.stop("SIGINT");
  adoptSeededDataDir(dataDir);

  const again = await startChild(dataDir);
  await sleep(IDLE_MS);
  const againRss = rssMb(again.proc.pid ?? 0);
  const againPeak = peakRssMb(again.proc.pid ?? 0);
  await again.stop("SIGINT");
  const baseline = await baselinePromise;

  const worst = Math.max(firstRss, againRss);
  const margin = (mb: number) => (mb <= TARGET_MB ? `met with ${round(TARGET_MB - mb)} MB to spare` : `missed by ${round(mb - TARGET_MB)} MB`);
  return {
    name: "idleMemory",
    title: "Idle memory",
    figures: {
      firstStartRssMb: round(firstRss),
      firstStartPeakMb: round(firstPeak),
      restartRssMb: round(againRss),
      restartPeakMb: round(againPeak),
      baselineRssMb: round(baseline),
    },
    table: [
      ["first start (initdb + migrations + demo), 10 s idle", `RSS ${round(firstRss)} MB (peak ${round(firstPeak)} MB)`],
      ["restart on the same DATA_DIR, 10 s idle", `RSS ${round(againRss)} MB (peak ${round(againPeak)} MB)`],
      ["baseline: idle Express app, node --import tsx", `RSS ${round(baseline)} MB`],
      ["restart ÷ baseline", times(againRss / baseline)],
    ],
    targets: [
      check("RSS 10 s after a first start, embedded database", `≤ ${TARGET_MB} MB`, `${round(firstRss)} MB`, firstRss <= TARGET_MB, margin(firstRss)),
      check("RSS 10 s after a restart, embedded database", `≤ ${TARGET_MB} MB`, `${round(againRss)} MB`, againRss <= TARGET_MB, margin(againRss)),
    ],
    notes: worst > TARGET_MB ? ["PGlite's WebAssembly memory only grows: whatever the database touched at start (initdb, recovery, shared buffers) stays in RSS."] : [],
    durationMs: Date.now() - started,
  };
}

await runAlone(import.meta.url, benchIdleMemory);
