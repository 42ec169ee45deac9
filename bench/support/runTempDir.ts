import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Folders that belong to one bench run: unique to it (mkdtemp), removed when the process ends,
// whether it finishes, throws, calls process.exit or is stopped with Ctrl-C / SIGTERM.

const made: string[] = [];
let hooked = false;

function removeAll(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A new empty folder under the system temp dir, named `prefix` + random; removed at process end. */
export function runTempDir(prefix: string): string {
  if (!hooked) {
    hooked = true;
    process.on("exit", removeAll);
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        removeAll();
        process.kill(process.pid, signal);
      });
    }
  }
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
