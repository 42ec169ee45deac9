import { EventEmitter } from "node:events";
import type pg from "pg";
import type { Logger } from "pino";
import type { Listener } from "../db/pgListener";
import type { LiveBus } from "./liveBus";

const CHANNEL = "callbook_live";

/**
 * Live events across instances on one PostgreSQL: NOTIFY carries only the meeting id (far under
 * the 8 kB payload limit); listeners read the rows from meeting_events. It hears them on
 * `listener`, the process's one LISTEN connection (server/db/pgListener.ts, which re-opens it with
 * backoff); when it is back, every subscribed meeting is told to re-read its table from the last
 * id it sent, so nothing committed meanwhile is missed. Closing the bus leaves the listener open.
 */
export async function createPgBus(listener: Listener, pool: pg.Pool, logger: Logger): Promise<LiveBus & { reconnects(): number }> {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let reconnects = 0;
  const unlisten = await listener.listen(
    CHANNEL,
    (meetingId) => {
      if (meetingId) emitter.emit(meetingId);
    },
    {
      restored: () => {
        reconnects++;
        logger.info({ reconnects }, "live listener reconnected; replaying from the event table");
        for (const meetingId of emitter.eventNames()) emitter.emit(meetingId);
      },
    },
  );

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
      emitter.removeAllListeners();
      await unlisten();
    },
    reconnects: () => reconnects,
  };
}
