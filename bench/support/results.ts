import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// What every benchmark hands back, and the files the README shows: bench/results/latest.{json,md}.

export interface TargetCheck {
  /** "navigation → agenda visible, Callbook / bare page (median)" */
  what: string;
  /** "≤ 1.15×" */
  target: string;
  /** "1.42×" */
  measured: string;
  met: boolean;
  /** "missed by 0.27×" / "met with 30 KB to spare" */
  margin: string;
}

export interface BenchResult {
  name: string;
  title: string;
  /** Measured figures, flat, with units in the key ("callbookMedianMs"). */
  figures: Record<string, number | string | null>;
  /** The rows of this bench's table in latest.md: [label, value]. */
  table: [string, string][];
  targets: TargetCheck[];
  notes: string[];
  durationMs: number;
}

export interface Machine {
  date: string;
  nproc: number;
  cpu: string;
  memoryGb: number;
  node: string;
  platform: string;
  loadAverageAtStart: number[];
}

export interface ResultsFile {
  machine: Machine;
  benches: BenchResult[];
}

export const resultsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "results");

export function machine(): Machine {
  return {
    date: new Date().toISOString(),
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model ?? "unknown",
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function check(what: string, target: string, measured: string, met: boolean, margin: string): TargetCheck {
  return { what, target, measured, met, margin };
}

export function printResult(r: BenchResult): void {
  const lines = [`\n== ${r.title} (${(r.durationMs / 1000).toFixed(1)} s)`];
  const width = Math.max(...r.table.map(([k]) => k.length), 10);
  for (const [k, v] of r.table) lines.push(`  ${k.padEnd(width)}  ${v}`);
  for (const t of r.targets) lines.push(`  ${t.met ? "MET   " : "MISSED"} ${t.what}: ${t.measured} (target ${t.target}; ${t.margin})`);
  for (const n of r.notes) lines.push(`  note: ${n}`);
  process.stdout.write(lines.join("\n") + "\n");
}

/**
 * Writes latest.json and latest.md. A full run replaces the file; a bench run alone replaces its
 * own entry and keeps the others (their machine line is then the older one's, said in the notes).
 */
export function writeResults(results: BenchResult[], options: { replace: boolean }): void {
  mkdirSync(resultsDir, { recursive: true });
  const jsonPath = join(resultsDir, "latest.json");
  let benches = results;
  if (!options.replace && existsSync(jsonPath)) {
    const previous = JSON.parse(readFileSync(jsonPath, "utf8")) as ResultsFile;
    const fresh = new Set(results.map((r) => r.name));
    benches = [...previous.benches.filter((b) => !fresh.has(b.name)), ...results];
  }
  const file: ResultsFile = { machine: machine(), benches };
  writeFileSync(jsonPath, JSON.stringify(file, null, 2) + "\n");
  writeFileSync(join(resultsDir, "latest.md"), markdown(file, options.replace ? [] : results.map((r) => r.name)));
}

function markdown(file: ResultsFile, partial: string[]): string {
  const m = file.machine;
  const out = [
    "# Benchmark results",
    "",
    `${m.date.slice(0, 16).replace("T", " ")} UTC · ${m.nproc} CPU (${m.cpu}) · ${m.memoryGb} GB · Node ${m.node} · ${m.platform} · load average at start ${m.loadAverageAtStart.join(" / ")}`,
    "",
  ];
  if (partial.length) out.push(`Last run only re-measured: ${partial.join(", ")}; other sections are from an earlier run.`, "");
  out.push("## Targets", "", "| bench | what | target | measured | met | margin |", "|---|---|---|---|---|---|");
  for (const b of file.benches) {
    for (const t of b.targets) out.push(`| ${b.title} | ${t.what} | ${t.target} | ${t.measured} | ${t.met ? "yes" : "**no**"} | ${t.margin} |`);
  }
  for (const b of file.benches) {
    out.push("", `## ${b.title}`, "", "| figure | value |", "|---|---|");
    for (const [k, v] of b.table) out.push(`| ${k} | ${v} |`);
    if (b.notes.length) out.push("", ...b.notes.map((n) => `- ${n}`));
  }
  return out.join("\n") + "\n";
}

/** Runs a bench when its file is executed directly (`node --import tsx bench/x.ts`). */
export async function runAlone(moduleUrl: string, bench: () => Promise<BenchResult>): Promise<void> {
  if (process.argv[1] !== fileURLToPath(moduleUrl)) return;
  const result = await bench();
  printResult(result);
  writeResults([result], { replace: false });
  process.exit(0);
}
