import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type RunningServer } from "../support/serverProcess";

/** Starts a server expected to refuse: resolves with its exit code and stderr. */
function runRefused(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: "0", DATA_DIR: dataDir },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    // A server that starts instead of refusing is stopped, so the test fails rather than hangs.
    const timer = setTimeout(() => proc.kill("SIGKILL"), 60_000);
    proc.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    proc.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe("one Callbook per embedded data folder (issue 13 §2)", () => {
  it("a second server on the same DATA_DIR refuses with one line naming the holder's PID; kill -9 frees the folder; exit releases it", { timeout: 180_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "callbook-lock-"));
    const running: RunningServer[] = [];
    try {
      const first = await startServer({}, { dataDir });
      running.push(first);
      const refused = await runRefused(dataDir);
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim().split("\n")).toHaveLength(1);
      expect(refused.stderr).toContain(`Callbook cannot start: the data folder ${dataDir} is in use by another Callbook (PID ${first.proc.pid})`);
      // The first one still serves.
      expect((await fetch(`${first.url}/readyz`)).status).toBe(200);

      first.proc.kill("SIGKILL");
      await first.exited;
      expect(existsSync(join(dataDir, "callbook.lock"))).toBe(true);
      const second = await startServer({}, { dataDir });
      running.push(second);
      expect((await fetch(`${second.url}/readyz`)).status).toBe(200);
      expect(await second.stop("SIGTERM")).toBe(0);
      expect(existsSync(join(dataDir, "callbook.lock"))).toBe(false);
    } finally {
      await Promise.all(running.map((s) => s.stop("SIGKILL")));
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
