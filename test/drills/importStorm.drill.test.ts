import { afterAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { startServer, type RunningServer } from "../support/serverProcess";
import { demoProjectId, devAuth } from "../support/testApp";
import { millionRowCsv, millionRowXlsx, zipBombXlsx } from "./support/bigImportFiles";

// Drill (audience-walls issue §3): against `npm start`'s server on the embedded database, a
// zip-bomb .xlsx, a million-row .xlsx and .csv, then 8 parallel imports, while /healthz is polled
// every 50 ms. Prints the health answers' p99 and the server's memory peak: figures, not
// assertions on time. Asserts only what a client sees: each file refused with the limit it hit.

const dana = devAuth("dana");
const project = demoProjectId();

function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m?.[1] ? Math.round(Number(m[1]) / 1024) : NaN;
}
const p = (values: number[], q: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((q / 100) * s.length) - 1)] ?? NaN;
};

describe("drill: import storm", () => {
  let server: RunningServer | null = null;
  afterAll(async () => {
    if (server && server.proc.exitCode === null) await server.stop("SIGINT");
  });

  it("refuses the bomb and the million-row files by their limits while /healthz keeps answering", { timeout: 600_000 }, async () => {
    // Built before the clock starts: building them holds this process, not the server.
    const files: [string, Buffer][] = [
      ["zip-bomb.xlsx", zipBombXlsx()],
      ["million-rows.xlsx", millionRowXlsx()],
      ["million-rows.csv", millionRowCsv()],
    ];
    server = await startServer();
    const url = server.url;
    const health: number[] = [];
    let healthFailures = 0;
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const t0 = performance.now();
        try {
          const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) });
          await res.arrayBuffer();
          if (!res.ok) healthFailures += 1;
        } catch {
          healthFailures += 1;
        }
        health.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const upload = async (filename: string, body: Buffer) => {
      const res = await fetch(`${url}/api/projects/${project}/import?kind=tasks&dryRun=true&filename=${filename}`, {
        method: "POST",
        headers: { Authorization: dana, "Content-Type": "application/octet-stream" },
        body: new Uint8Array(body),
      });
      const text = await res.text();
      return { status: res.status, bytes: text.length, message: (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? "" };
    };

    const lines: string[] = [];
    for (const [name, body] of files) {
      const t0 = performance.now();
      const r = await upload(name, body);
      lines.push(`${name} (${(body.length / 1024 / 1024).toFixed(1)} MB): ${r.status} in ${Math.round(performance.now() - t0)} ms, ${r.bytes} bytes: ${r.message}`);
      expect(r.status === 413 || r.status === 422).toBe(true);
      expect(r.message).toMatch(/\(the .* limit\)/);
    }
    const eight = await Promise.all(Array.from({ length: 8 }, (_, i) => upload(`storm-${i}.${i % 2 ? "csv" : "xlsx"}`, (files[1 + (i % 2)] ?? files[0] ?? ["", Buffer.alloc(0)])[1])));
    lines.push(`8 parallel imports: ${eight.map((r) => r.status).join(", ")}`);
    for (const r of eight) expect([409, 413, 422]).toContain(r.status);
    polling = false;
    await poller;

    const peak = peakRssMb(server.proc.pid ?? 0);
    process.stdout.write(
      [
        "",
        "== import storm drill",
        ...lines.map((l) => `  ${l}`),
        `  /healthz during the storm: ${health.length} answers, p50 ${Math.round(p(health, 50))} ms, p99 ${Math.round(p(health, 99))} ms, max ${Math.round(Math.max(...health))} ms, ${healthFailures} failed`,
        `  server memory peak (VmHWM): ${peak} MB`,
        "",
      ].join("\n"),
    );

  });
});
