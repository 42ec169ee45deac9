import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import pg from "pg";
import { createScratchPostgres } from "../support/testDatabase";
import { startServer, type RunningServer } from "../support/serverProcess";
import { readMigrations } from "../../server/db/migrate";

function runServer(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    let stdout = "";
    proc.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    proc.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    proc.on("exit", (code) => resolve({ code, stderr, stdout }));
  });
}

describe("start-up with bad configuration", () => {
  it("PORT=abc: exits with one line naming the problem, no stack trace", async () => {
    const r = await runServer({ PORT: "abc", DATA_DIR: "/tmp/callbook-never-created" });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("Callbook cannot start: PORT must be a number\n");
  });

  it("lists every problem at once", async () => {
    const r = await runServer({ PORT: "70000", GRAPH_MODE: "carrier-pigeon", DATABASE_URL: "mysql://x" });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("PORT must be 0-65535");
    expect(r.stderr).toContain("GRAPH_MODE");
    expect(r.stderr).toContain("DATABASE_URL must start with postgres:// or postgresql://");
  });

  it("refuses dev sign-in in production", async () => {
    const r = await runServer({ NODE_ENV: "production", DEV_SIGN_IN: "true" });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("Callbook cannot start: DEV_SIGN_IN must be off in production\n");
  });

  it("an unreachable DATABASE_URL: one line naming the database, not a trace", async () => {
    const r = await runServer({ DATABASE_URL: "postgres://callbook@127.0.0.1:1/callbook", DB_CONNECT_TIMEOUT_MS: "2000" });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^Callbook cannot start: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/callbook: .*ECONNREFUSED/);
  });
});

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("ten instances starting at once on an empty PostgreSQL database", () => {
  it("apply each migration exactly once and seed the demo once; all become ready", { timeout: 300_000 }, async () => {
    const { url, drop } = await createScratchPostgres();
    const servers: RunningServer[] = [];
    try {
      servers.push(...(await Promise.all(Array.from({ length: 10 }, () => startServer({ DATABASE_URL: url, DB_POOL_MAX: "3" })))));
      const ready = await Promise.all(servers.map((s) => fetch(`${s.url}/readyz`).then((r) => r.status)));
      expect(ready).toEqual(Array(10).fill(200));
      const appliers = servers.filter((s) => s.logs.join("").includes('"msg":"migrations applied"'));
      expect(appliers).toHaveLength(1);
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const migrations = await c.query("select name from callbook_migrations order by name");
      const projects = await c.query("select count(*)::int as n from projects");
      await c.end();
      expect(migrations.rows.map((r: { name: string }) => r.name)).toEqual(readMigrations().map((m) => m.name));
      expect(projects.rows[0].n).toBe(1);
    } finally {
      await Promise.all(servers.map((s) => s.stop("SIGTERM")));
      await drop();
    }
  });
});
