import { EventEmitter } from "node:events";
import pg from "pg";
import type { Logger } from "pino";
import type { LiveBus } from "./liveBus";

const CHANNEL = "callbook_live";
/** Per process, so an operator (or a test) can tell the instances' listeners apart in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = `callbook-listener-${process.pid}`;

/**
 * Live events across instances on one PostgreSQL: NOTIFY carries only the meeting id (far under
 * the 8 kB payload limit); listeners read the rows from meeting_events. A dropped listener
 * connection is re-opened with backoff, and then every subscribed meeting is told to re-read
 * its table from the last id it sent, so nothing committed meanwhile is missed.
 */
export async function createPgBus(connectionString: string, pool: pg.Pool, logger: Logger): Promise<LiveBus & { reconnects(): number }> {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let client: pg.Client | null = null;
  let closing = false;
  let reconnects = 0;
  let retryTimer: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString, application_name: LISTENER_APPLICATION_NAME });
    c.on("notification", (msg) => {
      if (msg.channel === CHANNEL && msg.payload) emitter.emit(msg.payload);
    });
    const lost = (why: string) => {
      if (client !== c || closing) return;
      client = null;
      logger.warn({ why }, "live listener connection lost; reconnecting");
      schedule(250);
    };
    c.on("error", (e) => lost(e.message));
    c.on("end", () => lost("ended"));
    await c.connect();
    await c.query(`LISTEN ${CHANNEL}`);
    client = c;
  };

  const schedule = (delayMs: number) => {
    if (closing || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect()
        .then(() => {
          reconnects++;
          logger.info({ reconnects }, "live listener reconnected; replaying from the event table");
          for (const meetingId of emitter.eventNames()) emitter.emit(meetingId);
        })
        .catch((e: unknown) => {
          logger.warn({ err: e }, "live listener reconnect failed");
          schedule(Math.min(delayMs * 2, 5000));
        });
    }, delayMs);
  };

  await connect();

  return {
    publish(meetingId) {
      pool.query("select pg_notify($1, $2)", [CHANNEL, meetingId]).catch((e: unknown) => {
        logger.warn({ err: e }, "NOTIFY failed; delivering locally");
        emitter.emit(meetingId);
      });
    },
    subscribe(meetingId, listener) {
      emitter.on(meetingId, listener);
      return () => emitter.off(meetingId, listener);
    },
    async close() {
      closing = true;
      if (retryTimer) clearTimeout(retryTimer);
      emitter.removeAllListeners();
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
    reconnects: () => reconnects,
  };
}
