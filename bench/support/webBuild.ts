import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { build } from "vite";
import { runTempDir } from "./runTempDir";

// Fresh builds for the side-panel benchmarks: Callbook's front end as `npm run build:web` makes it
// (into a temporary folder of this run, so dist/web is left alone and two runs at once never
// overwrite each other's build; not under a dot-folder such as node_modules/.cache, whose files
// express.static and sendFile refuse) and the bare page.

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const bareWebRoot = join(repoRoot, "bench/bare/dist");

/** Builds the front end into a new folder of this run (removed when the process ends) and returns it. */
export async function buildCallbookWeb(options: { sourcemap?: boolean } = {}): Promise<string> {
  const outDir = runTempDir("callbook-bench-web-");
  await build({ configFile: join(repoRoot, "vite.config.ts"), root: repoRoot, logLevel: "warn", build: { outDir, emptyOutDir: true, sourcemap: options.sourcemap ?? false } });
  return outDir;
}

export async function buildBareWeb(): Promise<string> {
  await build({ configFile: join(repoRoot, "bench/bare/vite.config.ts"), logLevel: "warn" });
  return bareWebRoot;
}
