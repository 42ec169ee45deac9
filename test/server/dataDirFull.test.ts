import { afterEach, describe, expect, it } from "vitest";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Issue 13 §8: `npm start` on a full disk printed an opaque errno ("ENOSPC: no space left on
// device, write", or a child's "ErrnoError { errno: 51 }" trace). It exits with one clear line.
// Each case mounts its own small tmpfs (the tests run as root, as CI does) and unmounts it after.

function runServer(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    proc.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => proc.kill("SIGKILL"), 120_000);
    proc.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe("start-up on a full disk", () => {
  const mounts: string[] = [];
  afterEach(() => {
    for (const m of mounts.splice(0)) {
      execFileSync("umount", [m]);
      rmSync(m, { recursive: true, force: true });
    }
  });
  /** A tmpfs of `sizeKb` with `leaveKb` left free (the rest taken by a filler file). */
  const smallDisk = (sizeKb: number, leaveKb: number): string => {
    const dir = mkdtempSync(join(tmpdir(), "callbook-full-"));
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${sizeKb}k`, "tmpfs", dir]);
    mounts.push(dir);
    if (sizeKb > leaveKb) writeFileSync(join(dir, "filler"), Buffer.alloc((sizeKb - leaveKb) * 1024));
    return dir;
  };

  it.each([
    ["no byte free (the lock file cannot be written)", 256, 0],
    ["a few blocks free (initdb fails half-way in its child process)", 512, 64],
    ["empty but far too small for initdb", 256, 256],
  ])("%s: one line naming the folder and ENOSPC, exit 1", { timeout: 150_000 }, async (_label, sizeKb, leaveKb) => {
    const dataDir = join(smallDisk(sizeKb, leaveKb), "data");
    const r = await runServer({ DATA_DIR: dataDir });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^Callbook cannot start: the data folder ${dataDir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is full \\(ENOSPC\\) \\(\\d+ KB free\\); free some space`));
  });
});
