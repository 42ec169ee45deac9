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
  /**
   * Writes `frames` (one or more whole SSE frames, `id: …\ndata: …\n\n`, in id order) to the stream.
   * The same Buffer goes to every stream of an audience: it must not be changed.
   */
  send: (frames: Buffer) => void;
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

/** One SSE frame (`id: <id>\ndata: <json>\n\n`) as UTF-8 bytes; null when that audience gets nothing. */
function sseFrame(id: number, data: string | null): Buffer | null {
  return data === null ? null : Buffer.from(`id: ${id}\ndata: ${data}\n\n`, "utf8");
}

/**
 * Writes the frames (in id order, each with its Buffer per audience) to every subscriber that has
 * not had them, as one write per subscriber: a stream that has had none of them gets the one
 * pre-built Buffer of its audience (the common case: one new event), a stream behind by several
 * gets them concatenated. Every subscriber ends at `last`, whether or not it was sent anything.
 */
function fanOut(subscribers: Set<Subscriber>, frames: { id: number; internal: Buffer | null; external: Buffer | null }[], last: number): void {
  for (const s of subscribers) {
    if (s.lastSent >= last) continue;
    const mine: Buffer[] = [];
    for (const f of frames) {
      if (f.id <= s.lastSent) continue;
      const b = s.audience === "internal" ? f.internal : f.external;
      if (b) mine.push(b);
    }
    s.lastSent = last;
    if (mine.length === 1) s.send(mine[0]!);
    else if (mine.length > 1) s.send(Buffer.concat(mine));
  }
}

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
        let from = Number.POSITIVE_INFINITY;
        for (const s of feed.subscribers) from = Math.min(from, s.lastSent);
        const rows = await this.db
          .select()
          .from(t.meetingEvents)
          .where(and(eq(t.meetingEvents.tenantId, tenantId), eq(t.meetingEvents.meetingId, meetingId), gt(t.meetingEvents.id, from)))
          .orderBy(asc(t.meetingEvents.id))
          .limit(BATCH);
        // Each event is presented and serialised once per audience (issue 19), before any write:
        // the fan-out below is one synchronous pass, one write per stream, with no await per client.
        const frames: { id: number; internal: Buffer | null; external: Buffer | null }[] = [];
        for (const row of rows) {
          const frame = await feed.present(row);
          frames.push({ id: row.id, internal: sseFrame(row.id, frame?.internal ?? null), external: sseFrame(row.id, frame?.external ?? null) });
        }
        const last = rows.at(-1)?.id;
        if (last !== undefined) fanOut(feed.subscribers, frames, last);
        if (rows.length === BATCH) feed.again = true;
      } while (feed.again);
    } catch (error) {
      for (const s of [...feed.subscribers]) s.fail(error);
    } finally {
      feed.draining = false;
    }
  }
}
