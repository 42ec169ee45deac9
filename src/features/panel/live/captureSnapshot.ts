import type { CaptureDto } from "../../../../contracts/capture";
import { viewOf, type CaptureView, type Conflict, type Op, type ServerState } from "./captureModel";
import type { ConnectionState } from "./liveStream";
import type { Failure } from "./settleOp";

/** What the side panel renders of one meeting's capture (useSyncExternalStore's snapshot). */
export interface CaptureSnapshot {
  load: { state: "loading" } | { state: "error"; message: string } | { state: "ready" };
  view: CaptureView | null;
  people: CaptureDto["people"];
  internalByDefault: boolean;
  /** The server says the caller is on the internal side: only then is "Internal only" offered. */
  canMarkInternal: boolean;
  unsynced: number;
  connection: ConnectionState;
  conflicts: Record<string, Conflict>;
  failures: Failure[];
  /** False when the browser would not keep the queue (private mode, full storage). */
  stored: boolean;
}

/**
 * The snapshot of the store's state (pure): the server's rows with my queued operations applied on
 * top (viewOf), and how many are not yet sent; nothing to show until the first load.
 */
export function buildSnapshot(s: {
  load: CaptureSnapshot["load"];
  server: ServerState | null;
  queue: Op[];
  connection: ConnectionState;
  conflicts: Record<string, Conflict>;
  failures: Failure[];
  stored: boolean;
}): CaptureSnapshot {
  return {
    load: s.load,
    view: s.server ? viewOf(s.server, s.queue) : null,
    people: s.server?.people ?? [],
    internalByDefault: s.server?.internalByDefault ?? false,
    canMarkInternal: s.server?.canMarkInternal ?? false,
    unsynced: s.queue.length,
    connection: s.connection,
    conflicts: s.conflicts,
    failures: s.failures,
    stored: s.stored,
  };
}
