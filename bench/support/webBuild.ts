import { fileURLToPath } from "node:url";
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { build } from "vite";

// Fresh builds for the side-panel benchmark: Callbook's front end as `npm run build:web` makes it
// (into a temporary folder, so dist/web is left alone; not under a dot-folder such as
// node_modules/.cache, whose files express.static and sendFile refuse) and the bare page.

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const bareWebRoot = join(repoRoot, "bench/bare/dist");

/**
 * Builds Callbook's front end into a fresh folder of its own (mkdtemp: runs of this bench from
 * several worktrees at once never share one) and returns that folder; the caller removes it.
 */
export async function buildCallbookWeb(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "callbook-bench-web-"));
  await build({ configFile: join(repoRoot, "vite.config.ts"), root: repoRoot, logLevel: "warn", build: { outDir, emptyOutDir: true } });
  return outDir;
}

export async function buildBareWeb(): Promise<string> {
  await build({ configFile: join(repoRoot, "bench/bare/vite.config.ts"), logLevel: "warn" });
  return bareWebRoot;
}
