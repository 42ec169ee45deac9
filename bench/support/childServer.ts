import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type RunningServer } from "../../test/support/serverProcess";
import { rssMb } from "./callbookServer";

// Callbook as `npm start` runs it (node --import tsx server/index.ts), as a child process whose
// RSS can be read, on the embedded database in a DATA_DIR of its own.

let seeded: string | null = null;
const made: string[] = [];

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * A DATA_DIR holding an initialised, migrated and seeded database, made once per run by a first
 * start and a clean stop. Returns a fresh copy, so each server starts like a restart (no initdb).
 */
export async function seededDataDirCopy(): Promise<string> {
  if (!seeded) {
    const dir = tempDir("callbook-bench-seed-");
    const server = await startServer({}, { dataDir: dir });
    await server.stop("SIGINT");
    seeded = dir;
  }
  const copy = tempDir("callbook-bench-");
  cpSync(seeded, copy, { recursive: true });
  return copy;
}

/** Records that `dir` was made by a first start (so later copies need no initdb of their own). */
export function adoptSeededDataDir(dir: string): void {
  seeded ??= dir;
}

const running = new Set<RunningServer>();

export async function startChild(dataDir: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const server = await startServer(env, { dataDir });
  running.add(server);
  void server.exited.then(() => running.delete(server));
  return server;
}

function removeTempDirs(): void {
  for (const server of running) if (server.proc.exitCode === null) server.proc.kill("SIGKILL");
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  seeded = null;
}
// Kept for the whole run (the seeded DATA_DIR serves several benches), removed on exit.
process.on("exit", removeTempDirs);

const probeScript = new URL("./memoryProbe.mjs", import.meta.url).href;

/** Env that preloads the memory probe into a child server. */
export const withMemoryProbe = (env: Record<string, string> = {}): Record<string, string> => ({ ...env, NODE_OPTIONS: `--expose-gc --import ${probeScript}` });

export interface MemorySample {
  rssMb: number;
  heapUsedMb: number;
}

/** Asks a server started withMemoryProbe to collect garbage; then reads its RSS from /proc/<pid>/status and its JS heap from the probe. */
export async function probeMemory(server: RunningServer): Promise<MemorySample> {
  const seen = server.logs.length;
  server.proc.kill("SIGUSR2");
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const line = server.logs.slice(seen).join("").split("\n").find((l) => l.includes('"memoryProbe"'));
    if (line) {
      const m = (JSON.parse(line) as { memoryProbe: { heapUsed: number } }).memoryProbe;
      return { rssMb: rssMb(server.proc.pid ?? 0), heapUsedMb: m.heapUsed / 2 ** 20 };
    }
  }
  throw new Error("memory probe did not answer");
}
