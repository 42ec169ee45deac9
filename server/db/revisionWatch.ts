import type { Logger } from "pino";
import type { Database } from "./database";
import { openListener, type Listener } from "./pgListener";

/** The channel migration 0013's trigger notifies on, payload: the project id whose revision moved. */
export const REVISION_CHANNEL = "callbook_rev";

/**
 * Told when a project's data may have changed, on this instance or any other on the same
 * database: `projectId` from migration 0013's NOTIFY (sent at commit of any write that bumps
 * `project_revisions`, i.e. project data, members, meetings, people), or null for "anything may
 * have changed" (the listening connection was lost and re-opened: what was committed meanwhile
 * was not heard).
 */
export interface RevisionWatch {
  onChange(listener: (projectId: string | null) => void): () => void;
  /** False while the listening connection is down: nothing heard then, so nothing may be cached. */
  listening(): boolean;
  close(): Promise<void>;
}

/**
 * Listens for revision changes on `shared` (the process's one LISTEN connection, also serving the
 * live bus: server/db/pgListener.ts), or on a listener of its own opened here and closed with the
 * watch. Listeners are told null when the connection is lost and again when it is back. Throws
 * when the first LISTEN fails.
 */
export async function watchRevisions(database: Database, logger: Logger, shared?: Listener): Promise<RevisionWatch> {
  const listener = shared ?? openListener(database, logger);
  const listeners = new Set<(projectId: string | null) => void>();
  const tell = (projectId: string | null) => {
    for (const l of listeners) l(projectId);
  };
  let open = true;
  let unlisten: () => Promise<void>;
  try {
    unlisten = await listener.listen(REVISION_CHANNEL, (payload) => tell(payload || null), { lost: () => tell(null), restored: () => tell(null) });
  } catch (e) {
    if (!shared) await listener.close();
    throw e;
  }
  return {
    onChange(l) {
      listeners.add(l);
      return () => {
        listeners.delete(l);
      };
    },
    listening: () => open && listener.connected(),
    close: async () => {
      open = false;
      listeners.clear();
      await unlisten().catch(() => undefined);
      if (!shared) await listener.close();
    },
  };
}
