import { closeSync, linkSync, openSync, readFileSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

/**
 * One process per embedded data folder. PGlite has no lock of its own: two processes on one
 * folder each keep their own copy in memory and the last to flush wins (issue 13 §2: 40 × 201,
 * 20 rows left after a restart).
 *
 * Why a pid file with a liveness check and not `proper-lockfile`: proper-lockfile judges a lock
 * stale by its mtime, refreshed by a timer on the event loop; a long synchronous stall (an
 * import parse froze the loop 28 s, issue 13 §3) would let a second process take a live lock,
 * it cannot say which PID holds the folder, and after kill -9 it waits out the stale period.
 * Here the holder is known by PID and checked with `kill(pid, 0)`: a dead holder (kill -9,
 * power loss) is taken over at once.
 *
 * Limits: the liveness check is only meaningful on the same host (the file records the host
 * name; a lock from another host is refused, never taken over); a PID reused by an unrelated
 * process after kill -9 makes the folder look held until that process ends (the message names
 * the PID and the file to remove).
 */
export class DataDirLocked extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly host: string,
  ) {
    const where = host === hostname() ? `PID ${pid}` : `PID ${pid} on host ${host}`;
    super(
      `the data folder ${dataDir} is in use by another Callbook (${where}); stop that one, or set DATA_DIR to another folder` +
        ` (if no Callbook runs, delete ${join(dataDir, LOCK_FILE)})`,
    );
    this.name = "DataDirLocked";
  }
}

export const LOCK_FILE = "callbook.lock";

interface Holder {
  pid: number;
  host: string;
}

/** A held lock: release() removes the file if it is still ours (idempotent). */
export interface DataDirLock {
  release(): void;
}

/**
 * Takes the lock file `<dataDir>/callbook.lock` (the folder must exist) holding `{pid, host}`.
 * Throws DataDirLocked when a live process (or any process on another host) holds it.
 * Also releases the lock on process exit, so a crash by exception frees it too.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: hostname() };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(path, me)) {
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        const holder = readHolder(path);
        if (holder && holder.pid === me.pid && holder.host === me.host) rmSync(path, { force: true });
      };
      process.on("exit", release);
      return { release };
    }
    const holder = readHolder(path);
    if (!holder) continue; // removed meanwhile, or being written: try again
    if (holder.host !== me.host) throw new DataDirLocked(dataDir, holder.pid, holder.host);
    if (holder.pid !== me.pid && isAlive(holder.pid)) throw new DataDirLocked(dataDir, holder.pid, holder.host);
    // The holder is gone (kill -9, power loss) or is this very process from before a restart
    // in a container where PIDs repeat: take the folder over.
    try {
      unlinkSync(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
  }
  const holder = readHolder(path);
  throw new DataDirLocked(dataDir, holder?.pid ?? 0, holder?.host ?? hostname());
}

/** Creates the lock file complete or not at all: written under a private name, then linked (fails if taken). */
function tryCreate(path: string, me: Holder): boolean {
  const temp = `${path}.${me.pid}.tmp`;
  const fd = openSync(temp, "w");
  try {
    writeSync(fd, JSON.stringify(me));
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  } finally {
    rmSync(temp, { force: true });
  }
}

function readHolder(path: string): Holder | null {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<Holder>;
    if (typeof parsed.pid === "number" && typeof parsed.host === "string") return { pid: parsed.pid, host: parsed.host };
    return { pid: 0, host: hostname() }; // unreadable content: treated as a dead holder
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    return { pid: 0, host: hostname() };
  }
}

function isAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
