import { AppError } from "../../errors";

/** Why storage cannot take writes: the disk is full, or the database cannot be reached. */
export type StorageFault = "disk_full" | "database_unreachable";

/** SQLSTATEs and errno codes, per kind. PostgreSQL: 53100 disk_full, 53xxx insufficient resources, 08xxx connection exceptions, 57P01-03 shutdown. */
function faultOf(code: string, message: string): StorageFault | null {
  if (code === "53100" || code === "ENOSPC") return "disk_full";
  if (/^08/.test(code) || /^57P0[123]$/.test(code)) return "database_unreachable";
  if (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND"].includes(code)) return "database_unreachable";
  // node-postgres without a code: a connection ended, or the pool could not connect in time.
  if (/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message)) return "database_unreachable";
  if (/no space left on device/i.test(message)) return "disk_full";
  return null;
}

/** The storage fault behind an error (walking `cause` up to 5 deep), or null. */
export function storageFaultOf(err: unknown): StorageFault | null {
  for (let e: unknown = err, i = 0; e && typeof e === "object" && i < 6; e = (e as { cause?: unknown }).cause, i++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    const f = faultOf(typeof code === "string" ? code : "", typeof message === "string" ? message : "");
    if (f) return f;
  }
  return null;
}

/** Seconds a client should wait before retrying a write refused for a storage fault (Retry-After). */
export const STORAGE_RETRY_AFTER_S = 5;

/** 503 with a message that says nothing was saved. */
export function storageUnavailable(fault: StorageFault): AppError {
  return new AppError(
    503,
    fault,
    fault === "disk_full"
      ? "The server's disk is full; nothing was saved. Try again in a few minutes."
      : "The database cannot be reached; nothing was saved. Try again in a few seconds.",
  );
}

/**
 * What readiness knows of storage beyond a ping: a write that failed for a full disk (a `select 1`
 * still succeeds then). Not ready for `holdMs` after the last such failure (default 30 s).
 */
export interface StorageHealth {
  report(fault: StorageFault): void;
  /** The fault seen within the hold period, or null. */
  current(): StorageFault | null;
}

export function createStorageHealth(clock: () => number = Date.now, holdMs = 30_000): StorageHealth {
  let last: { fault: StorageFault; at: number } | null = null;
  return {
    report(fault) {
      last = { fault, at: clock() };
    },
    current() {
      return last && clock() - last.at < holdMs ? last.fault : null;
    },
  };
}
