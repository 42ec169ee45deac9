import { and, asc, eq, gt } from "drizzle-orm";
import type { Db } from "../db/database";
import * as t from "../db/tables";
import type { LiveBus } from "./liveBus";
import { runAsTenant } from "../db/tenantScope";

/**
 * Turns one meeting_events row into the frame's JSON for each audience: `internal` for internal
 * streams, `external` for external ones (null: that audience gets nothing, e.g. an internal-only
 * item; a `removed` notice is external only). Null: nothing to send to anyone (a deleted row).
 */
export type EventPresenter = (row: typeof t.meetingEvents.$inferSelect) => Promise<{ internal: string | null; external: string | null } | null>;

interface Subscriber {
  lastSent: number;
  /** An external stream is never written an internal-only frame. */
  audience: "internal" | "external";
  send: (id: number, data: string) => void;
  /** The table could not be read: end the stream, the client reconnects and resumes. */
  fail: (error: unknown) => void;
}

interface Feed {
  subscribers: Set<Subscriber>;
  draining: boolean;
  again: boolean;
  unsubscribeBus: () => void;
  present: EventPresenter;
}

const BATCH = 500;

/**
 * One reader per meeting and instance: on "new events", it reads meeting_events after the
 * lowest id any of its streams has sent, presents each event once, and writes the same frame
 * to every stream that has not had it. A stream that joins late (Last-Event-ID) is caught up by
 * the same reader, so order and completeness come from the table for everyone. The reader reads as
 * the internal side (whichever stream woke it) and filters per stream by the stream's audience.
 */
export class MeetingFeeds {
  private readonly feeds = new Map<string, Feed>();

  constructor(
    private readonly db: Db,
    private readonly bus: LiveBus,
  ) {}

  subscribe(
    tenantId: string,
    meetingId: string,
    lastSent: number,
    present: EventPresenter,
    handlers: Pick<Subscriber, "send" | "fail" | "audience">,
  ): () => void {
    const key = `${tenantId}/${meetingId}`;
    let feed = this.feeds.get(key);
    if (!feed) {
      const created: Feed = { subscribers: new Set(), draining: false, again: false, present, unsubscribeBus: () => undefined };
      created.unsubscribeBus = this.bus.subscribe(meetingId, () => void this.drain(tenantId, meetingId, created));
      this.feeds.set(key, created);
      feed = created;
    }
    const subscriber: Subscriber = { lastSent, ...handlers };
    feed.subscribers.add(subscriber);
    const joined = feed;
    void this.drain(tenantId, meetingId, joined);
    return () => {
      joined.subscribers.delete(subscriber);
      if (joined.subscribers.size === 0) {
        joined.unsubscribeBus();
        this.feeds.delete(key);
      }
    };
  }

  private drain(tenantId: string, meetingId: string, feed: Feed): Promise<void> {
    return runAsTenant(tenantId, () => this.drainAsReader(tenantId, meetingId, feed), "internal");
  }

  private async drainAsReader(tenantId: string, meetingId: string, feed: Feed): Promise<void> {
    if (feed.draining) {
      feed.again = true;
      return;
    }
    feed.draining = true;
    try {
      do {
        feed.again = false;
        if (feed.subscribers.size === 0) return;
        const from = Math.min(...[...feed.subscribers].map((s) => s.lastSent));
        const rows = await this.db
          .select()
          .from(t.meetingEvents)
          .where(and(eq(t.meetingEvents.tenantId, tenantId), eq(t.meetingEvents.meetingId, meetingId), gt(t.meetingEvents.id, from)))
          .orderBy(asc(t.meetingEvents.id))
          .limit(BATCH);
        for (const row of rows) {
          const frame = await feed.present(row);
          for (const s of feed.subscribers) {
            if (s.lastSent >= row.id) continue;
            const data = frame === null ? null : s.audience === "internal" ? frame.internal : frame.external;
            if (data !== null) s.send(row.id, data);
            s.lastSent = row.id;
          }
        }
        if (rows.length === BATCH) feed.again = true;
      } while (feed.again);
    } catch (error) {
      for (const s of [...feed.subscribers]) s.fail(error);
    } finally {
      feed.draining = false;
    }
  }
}
