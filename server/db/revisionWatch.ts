import pg from "pg";
import type { Logger } from "pino";
import type { Database } from "./database";

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
 * Listens for revision changes: on PGlite through its own connection's LISTEN, on PostgreSQL
 * through one dedicated connection re-opened with backoff when lost (then listeners are told
 * null). Throws when the first LISTEN fails.
 */
export async function watchRevisions(database: Database, logger: Logger): Promise<RevisionWatch> {
  const listeners = new Set<(projectId: string | null) => void>();
  const tell = (projectId: string | null) => {
    for (const l of listeners) l(projectId);
  };
  const onChange = (listener: (projectId: string | null) => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  if (database.listen) {
    const unlisten = await database.listen(REVISION_CHANNEL, (payload) => tell(payload || null));
    let open = true;
    return {
      onChange,
      listening: () => open,
      close: async () => {
        open = false;
        listeners.clear();
        await unlisten().catch(() => undefined);
      },
    };
  }
  const connectionString = database.connectionString;
  if (!connectionString) throw new Error("watchRevisions: no connection to listen on");
  let client: pg.Client | null = null;
  let closing = false;
  let retryTimer: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString, application_name: `callbook-revisions-${process.pid}` });
    c.on("notification", (msg) => {
      if (msg.channel === REVISION_CHANNEL) tell(msg.payload || null);
    });
    const lost = (why: string) => {
      if (client !== c || closing) return;
      client = null;
      logger.warn({ why }, "revision listener connection lost; reconnecting");
      tell(null);
      schedule(250);
    };
    c.on("error", (e) => lost(e.message));
    c.on("end", () => lost("ended"));
    await c.connect();
    await c.query(`LISTEN ${REVISION_CHANNEL}`);
    client = c;
  };
  const schedule = (delayMs: number) => {
    if (closing || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect()
        .then(() => tell(null))
        .catch((e: unknown) => {
          logger.warn({ err: e }, "revision listener reconnect failed");
          schedule(Math.min(delayMs * 2, 5000));
        });
    }, delayMs);
  };
  await connect();
  return {
    onChange,
    listening: () => client !== null,
    close: async () => {
      closing = true;
      if (retryTimer) clearTimeout(retryTimer);
      listeners.clear();
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
