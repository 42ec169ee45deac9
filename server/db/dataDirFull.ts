import { existsSync, statfsSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * Below this many free bytes a data folder counts as full when start-up fails there: PGlite's
 * initdb alone writes ~40 MB, and a failed write leaves only a few blocks behind.
 */
const FULL_BELOW_BYTES = 1024 * 1024;

/** Free bytes for an unprivileged writer on the filesystem holding `path` (or its nearest existing parent); null if unknown. */
export function freeBytesAt(path: string): number | null {
  let p = resolve(path);
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  try {
    const s = statfsSync(p);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

/** An ENOSPC from Node (code), PostgreSQL (53100), the WebAssembly file system (ErrnoError errno 51) or a child's stderr. */
function saysNoSpace(err: unknown): boolean {
  for (let e: unknown = err, i = 0; e && typeof e === "object" && i < 6; e = (e as { cause?: unknown }).cause, i++) {
    const { code, message, stderr, errno, name } = e as { code?: unknown; message?: unknown; stderr?: unknown; errno?: unknown; name?: unknown };
    if (code === "ENOSPC" || code === "53100") return true;
    if (name === "ErrnoError" && errno === 51) return true;
    const text = `${typeof message === "string" ? message : ""}\n${typeof stderr === "string" ? stderr : ""}`;
    if (/no space left on device|ErrnoError \{ name: 'ErrnoError', errno: 51 \}/i.test(text)) return true;
  }
  return false;
}

/**
 * The one line `npm start` prints when the embedded database's data folder `dataDir` cannot be
 * opened because its disk is full (issue 13 §8), or null when `err` is another failure.
 * Full means: the error says ENOSPC in any of its forms, or under 1 MiB is free there (initdb in a
 * child process fails with an opaque WebAssembly errno).
 */
export function dataDirFullMessage(dataDir: string, err: unknown): string | null {
  const free = freeBytesAt(dataDir);
  if (!saysNoSpace(err) && (free === null || free >= FULL_BELOW_BYTES)) return null;
  const freeText = free === null ? "" : ` (${Math.floor(free / 1024)} KB free)`;
  return `the data folder ${resolve(dataDir)} is full (ENOSPC)${freeText}; free some space on that disk, or set DATA_DIR to a folder on a disk with at least 100 MB free`;
}
