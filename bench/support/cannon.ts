import { spawn } from "node:child_process";
import { createRequire } from "node:module";

// autocannon in a child process, so the load generator never shares the server's event loop.

export interface CannonResult {
  url: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

interface CannonJson {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

const cli = createRequire(import.meta.url).resolve("autocannon/autocannon.js");

export async function cannon(url: string, options: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<CannonResult> {
  const args = [cli, "-c", String(options.connections), "-d", String(options.seconds), "-j", "-n"];
  for (const [k, v] of Object.entries(options.headers ?? {})) args.push("-H", `${k}=${v}`);
  args.push(url);
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (c: Buffer) => out.push(c));
  child.stderr.on("data", (c: Buffer) => err.push(c));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`autocannon exited ${code}: ${Buffer.concat(err).toString()}`);
  const json = JSON.parse(Buffer.concat(out).toString()) as CannonJson;
  return {
    url,
    requestsPerSecond: json.requests.average,
    p50Ms: json.latency.p50,
    p99Ms: json.latency.p99,
    total: json.requests.total,
    non2xx: json.non2xx,
    errors: json.errors,
    timeouts: json.timeouts,
  };
}
