import pg from "pg";
import type { Logger } from "pino";
import type { Database } from "./database";

/** Per process, so an operator (or a test) can tell the instances' listeners apart in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = `callbook-listener-${process.pid}`;

/** What a channel's subscriber is told besides its payloads. */
export interface ListenEvents {
  /** The listening connection was lost: nothing is heard until `restored`. */
  lost?: () => void;
  /** The connection is back and LISTENs again: what was committed meanwhile was not heard. */
  restored?: () => void;
}

/**
 * One LISTEN connection per database and process, shared by every channel (live events,
 * revision changes). On PGlite it is the embedded connection's own LISTEN (never lost).
 */
export interface Listener {
  /** LISTENs on `channel` (if not already) and calls `onPayload` with each NOTIFY's payload; resolves to an unlisten. Throws when the connection cannot be opened or LISTEN fails. */
  listen(channel: string, onPayload: (payload: string) => void, events?: ListenEvents): Promise<() => Promise<void>>;
  /** False while the connection is down (and before the first listen on PostgreSQL). */
  connected(): boolean;
  /** Ends the connection; subscribers are dropped and not told. */
  close(): Promise<void>;
}

interface Subscription {
  channel: string;
  onPayload: (payload: string) => void;
  events: ListenEvents;
}

/**
 * The listener for `database`: PGlite's embedded LISTEN, or on PostgreSQL one dedicated
 * pg.Client (application_name {@link LISTENER_APPLICATION_NAME}) opened on the first listen and
 * re-opened with backoff (250 ms doubling to 5 s) when lost; after a re-open it LISTENs on every
 * channel again and tells each subscriber `restored`.
 */
export function openListener(database: Database, logger: Logger): Listener {
  if (database.listen) return pgliteListener(database.listen);
  const connectionString = database.connectionString;
  if (!connectionString) throw new Error("openListener: no connection to listen on");
  const subs = new Set<Subscription>();
  const channels = () => [...new Set([...subs].map((s) => s.channel))];
  let client: pg.Client | null = null;
  /** The channels LISTENed on the current connection. */
  let heard = new Set<string>();
  let opening: Promise<pg.Client> | null = null;
  let everOpened = false;
  let closing = false;
  let retryTimer: NodeJS.Timeout | null = null;

  const connect = async (): Promise<pg.Client> => {
    const c = new pg.Client({ connectionString, application_name: LISTENER_APPLICATION_NAME });
    c.on("notification", (msg) => {
      for (const s of subs) if (s.channel === msg.channel) s.onPayload(msg.payload ?? "");
    });
    const lost = (why: string) => {
      if (client !== c || closing) return;
      client = null;
      logger.warn({ why }, "listener connection lost; reconnecting");
      for (const s of subs) s.events.lost?.();
      schedule(250);
    };
    c.on("error", (e) => lost(e.message));
    c.on("end", () => lost("ended"));
    try {
      await c.connect();
    } catch (e) {
      await c.end().catch(() => undefined);
      throw e;
    }
    heard = new Set();
    client = c;
    everOpened = true;
    await listenAll(c);
    return c;
  };
  /** LISTENs on every subscribed channel this connection does not LISTEN on yet. */
  const listenAll = async (c: pg.Client) => {
    for (const channel of channels()) {
      if (heard.has(channel)) continue;
      heard.add(channel);
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    }
  };
  const schedule = (delayMs: number) => {
    if (closing || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect()
        .then(() => {
          for (const s of subs) s.events.restored?.();
        })
        .catch((e: unknown) => {
          logger.warn({ err: e }, "listener reconnect failed");
          schedule(Math.min(delayMs * 2, 5000));
        });
    }, delayMs);
  };
  const open = async (): Promise<pg.Client> => {
    if (client) return client;
    opening ??= connect().finally(() => {
      opening = null;
    });
    return opening;
  };

  return {
    async listen(channel, onPayload, events = {}) {
      const sub: Subscription = { channel, onPayload, events };
      subs.add(sub);
      try {
        // The first listen opens the connection; later ones add their channel to it. While it is
        // down, the re-open LISTENs on every subscribed channel.
        if (!everOpened) await open();
        else if (client) await listenAll(client);
      } catch (e) {
        subs.delete(sub);
        throw e;
      }
      return async () => {
        subs.delete(sub);
      };
    },
    connected: () => client !== null,
    async close() {
      closing = true;
      if (retryTimer) clearTimeout(retryTimer);
      subs.clear();
      const c = client ?? (await opening?.catch(() => null)) ?? null;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}

function pgliteListener(listen: NonNullable<Database["listen"]>): Listener {
  const unlistens = new Set<() => Promise<void>>();
  let open = true;
  return {
    async listen(channel, onPayload) {
      const unlisten = await listen(channel, onPayload);
      unlistens.add(unlisten);
      return async () => {
        unlistens.delete(unlisten);
        await unlisten().catch(() => undefined);
      };
    },
    connected: () => open,
    async close() {
      open = false;
      const all = [...unlistens];
      unlistens.clear();
      await Promise.all(all.map((u) => u().catch(() => undefined)));
    },
  };
}
