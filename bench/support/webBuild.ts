import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { build } from "vite";

// Fresh builds for the side-panel benchmark: Callbook's front end as `npm run build:web` makes it
// (into a temporary folder, so dist/web is left alone; not under a dot-folder such as
// node_modules/.cache, whose files express.static and sendFile refuse) and the bare page.
// BENCH_WEB_DIR=<dir>: build Callbook's front end there instead (two checkouts benched at once).

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const callbookWebRoot = process.env.BENCH_WEB_DIR ?? join(tmpdir(), "callbook-bench-web");
export const bareWebRoot = join(repoRoot, "bench/bare/dist");

export async function buildCallbookWeb(): Promise<string> {
  await build({ configFile: join(repoRoot, "vite.config.ts"), root: repoRoot, logLevel: "warn", build: { outDir: callbookWebRoot, emptyOutDir: true } });
  return callbookWebRoot;
}

export async function buildBareWeb(): Promise<string> {
  await build({ configFile: join(repoRoot, "bench/bare/vite.config.ts"), logLevel: "warn" });
  return bareWebRoot;
}
