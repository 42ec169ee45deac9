import { benchSidePanelLoad } from "./sidePanelLoad";
import { benchAgendaApi } from "./agendaApi";
import { benchGrowth } from "./growth";
import { benchIdleMemory } from "./idleMemory";
import { benchLiveFanout } from "./liveFanout";
import { benchImportDryRun } from "./importDryRun";
import { machine, printResult, writeResults, type BenchResult } from "./support/results";

// npm run bench: every benchmark in turn (each is also runnable alone: node --import tsx bench/<name>.ts),
// then bench/results/latest.json and latest.md. Idle memory runs before live fan-out: its first
// start leaves the seeded DATA_DIR the fan-out servers start from.

const benches: [string, () => Promise<BenchResult>][] = [
  ["sidePanelLoad", benchSidePanelLoad],
  ["agendaApi", benchAgendaApi],
  ["growth", benchGrowth],
  ["idleMemory", benchIdleMemory],
  ["liveFanout", benchLiveFanout],
  ["importDryRun", benchImportDryRun],
];

const only = process.argv.slice(2);
const m = machine();
process.stdout.write(`Callbook benchmarks · ${m.date} · ${m.nproc} CPU · Node ${m.node} · load average ${m.loadAverageAtStart.join(" / ")}\n`);
const started = Date.now();
const results: BenchResult[] = [];
const failures: string[] = [];
for (const [name, bench] of benches) {
  if (only.length && !only.includes(name)) continue;
  try {
    const result = await bench();
    printResult(result);
    results.push(result);
  } catch (e) {
    failures.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    process.stdout.write(`\n== ${name} FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  }
}
writeResults(results, { replace: only.length === 0 && failures.length === 0 });
const targets = results.flatMap((r) => r.targets);
process.stdout.write(
  `\n${targets.filter((t) => t.met).length} of ${targets.length} targets met · ${((Date.now() - started) / 1000).toFixed(0)} s · bench/results/latest.{json,md}\n`,
);
for (const t of targets.filter((x) => !x.met)) process.stdout.write(`  missed: ${t.what} — ${t.measured} (target ${t.target})\n`);
process.exit(failures.length ? 1 : 0);
