import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The side-panel benches built into one shared /tmp/callbook-bench-web: two runs at once overwrote
// each other. Each run now gets folders of its own, removed however the run ends.

const helper = fileURLToPath(new URL("../../bench/support/runTempDir.ts", import.meta.url));

/** Runs `body` in a child node (tsx) that has made two run folders; resolves to the folders it printed and its exit. */
function child(body: string): Promise<{ dirs: string[]; code: number | null; signal: NodeJS.Signals | null }> {
  const script = `import { runTempDir } from ${JSON.stringify(helper)};
const a = runTempDir("callbook-run-test-"); const b = runTempDir("callbook-run-test-");
console.log(JSON.stringify([a, b]));
${body}`;
  const proc = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "ignore"] });
  let out = "";
  proc.stdout.on("data", (c: Buffer) => {
    out += c.toString();
    if (out.includes("\n") && body.includes("setInterval")) proc.kill("SIGINT");
  });
  return new Promise((resolve) => proc.on("exit", (code, signal) => resolve({ dirs: JSON.parse(out.split("\n")[0] ?? "[]") as string[], code, signal })));
}

describe("runTempDir", () => {
  it("gives each call its own folder and removes them when the run ends normally", async () => {
    const run = await child("");
    expect(run.dirs).toHaveLength(2);
    expect(run.dirs[0]).not.toBe(run.dirs[1]);
    expect(run.dirs.filter((d) => existsSync(d))).toEqual([]);
  }, 60_000);

  it("removes them when the run throws", async () => {
    const run = await child('throw new Error("bench failed");');
    expect(run.code).not.toBe(0);
    expect(run.dirs.filter((d) => existsSync(d))).toEqual([]);
  }, 60_000);

  it("removes them when the run is stopped with Ctrl-C", async () => {
    const run = await child("setInterval(() => undefined, 1000);");
    expect(run.signal).toBe("SIGINT");
    expect(run.dirs.filter((d) => existsSync(d))).toEqual([]);
  }, 60_000);
});
