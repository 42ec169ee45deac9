import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

// The front end as `npm run build:web` makes it, built into a temporary folder (the drill tests the
// source as it is now, and leaves dist/web alone). Not under a dot-folder: sendFile refuses those.
export async function buildWebForDrill(): Promise<string> {
  const root = fileURLToPath(new URL("../../..", import.meta.url));
  const outDir = join(tmpdir(), `callbook-drill-web-${process.pid}`);
  await build({ configFile: join(root, "vite.config.ts"), root, logLevel: "warn", build: { outDir, emptyOutDir: true } });
  return outDir;
}
