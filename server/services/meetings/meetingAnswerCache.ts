import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import type { RevisionWatch } from "../../db/revisionWatch";
import type { RequestContext } from "../../http/requestContext";
import type { LiveBus } from "../../live/liveBus";
import { audienceOf } from "../../domain/audienceOf";

const MAX_ENTRIES = 3000;
const MAX_ACCESS_ENTRIES = 10_000;
const MAX_LIVE_MEETINGS = 2000;
/** Agendas read the clock by the day (due dates, countdown) and the previous call by its start: 5 minutes is close enough. */
export const AGENDA_CLOCK_BUCKET_MS = 5 * 60_000;

/**
 * The side panel's three answers about one meeting, cached here:
 * - `agenda`: the built agenda (GET /:id/agenda); reads the clock (AGENDA_CLOCK_BUCKET_MS).
 * - `meeting`: the meeting detail (GET /:id, /by-chat); reads the clock only for the project's
 *   days to go-live, by UTC calendar date, so it is keyed by that date.
 * - `capture`: the meeting's capture (GET /:id/capture); no clock, but its notes, agenda ticks and
 *   last event id move no project revision (they are not covered by migration 0004's triggers):
 *   it is keyed by the meeting's live generation, moved by the live bus on every capture write.
 * None of the three holds a per-person field (the agenda's, the capture's and the meeting's wire
 * shapes: contracts/agenda, capture, meetings); what differs by caller is access and audience.
 */
export type MeetingAnswer = "agenda" | "meeting" | "capture";

/** A built answer as sent: the JSON, its UTF-8 bytes (serialised once) and a strong ETag over them and the audience. */
export interface AnswerBody {
  json: string;
  body: Buffer;
  /**
   * `"<sha1, base64url>"` over the audience and the bytes: a strong validator for If-None-Match
   * (RFC 9110 §8.8.3) that never revalidates one audience's copy for the other, even when equal.
   */
  etag: string;
}

interface Access {
  projectId: string;
  /** `audience/tenant/meeting/rev/version`: the key without its answer-specific part. */
  base: string;
}

/** A meeting whose capture is cached: its generation, moved by each live event, and the bus subscription. */
interface LiveMeeting {
  generation: number;
  unsubscribe: () => void;
}

function answerBody(key: string, json: string): AnswerBody {
  const body = Buffer.from(json, "utf8");
  const audience = key.slice(0, key.indexOf("/") + 1);
  return { json, body, etag: `"${createHash("sha1").update(audience).update(body).digest("base64url")}"` };
}

/**
 * Built meeting answers (as sent, JSON) keyed on the project's revision, which triggers bump on
 * every write to its data (migration 0004), so a cached answer is never older than the data; the
 * key also carries the caller's access and audience (internal or external, by their
 * organisation), checked by the same single query: an external caller never gets an answer built
 * for an internal one. Least recently used answers go first past MAX_ENTRIES.
 *
 * With a RevisionWatch (issue 19) the key itself is held in memory per (tenant, meeting, person)
 * and the key query is skipped: migration 0013 NOTIFYs every instance when a project's revision
 * moves (data, meetings, members, people: a revoked membership included), and the entries of that
 * project are dropped; a lost listener drops all and nothing is held until it listens again. A key
 * read while a change was heard is not kept (it may predate the change).
 *
 * Capture answers are cached only while the watch listens and with a live bus (the same LISTEN
 * connection in production: server/index.ts): the bus tells every instance of each committed
 * capture write (server/live/pgBus.ts), which moves the meeting's generation in the key; a
 * generation is read before the answer is built, so an answer built across a write is stored
 * under a key no later request asks for. `touch` moves it at once on the writing instance.
 */
export class MeetingAnswerCache {
  private readonly entries = new LRUCache<string, AnswerBody, () => Promise<string>>({
    max: MAX_ENTRIES,
    fetchMethod: async (key, _stale, { context }) => answerBody(key, await context()),
  });
  private readonly access: LRUCache<string, Access>;
  private readonly byProject = new Map<string, Set<string>>();
  private readonly live = new LRUCache<string, LiveMeeting>({ max: MAX_LIVE_MEETINGS, dispose: (value) => value.unsubscribe() });
  /** Generations are drawn from one counter, so a meeting dropped and seen again never repeats an old key. */
  private generations = 0;
  private changes = 0;

  constructor(
    private readonly watch?: RevisionWatch,
    private readonly bus?: LiveBus,
  ) {
    this.access = new LRUCache<string, Access>({
      max: MAX_ACCESS_ENTRIES,
      dispose: (value, key) => {
        const keys = this.byProject.get(value.projectId);
        keys?.delete(key);
        if (keys?.size === 0) this.byProject.delete(value.projectId);
      },
    });
    watch?.onChange((projectId) => {
      this.changes++;
      if (projectId === null) {
        this.access.clear();
        // Live events may have been missed too: every capture generation moves.
        for (const meeting of this.live.values()) meeting.generation = ++this.generations;
        return;
      }
      for (const key of [...(this.byProject.get(projectId) ?? [])]) this.access.delete(key);
    });
  }

  /**
   * The cache key of `answer` if the caller may see the meeting, else null: take the full path,
   * which answers 403/404 (or, for a capture that cannot be cached now, builds it uncached). Held
   * in memory while the revision watch listens; otherwise one query.
   */
  async keyFor(db: Db, ctx: RequestContext, meetingId: string, answer: MeetingAnswer, now: Date): Promise<string | null> {
    if (!ctx.personId) return null;
    const suffix = this.suffixFor(meetingId, answer, now);
    if (suffix === null) return null;
    const base = await this.baseFor(db, ctx, ctx.personId, meetingId);
    return base === null ? null : `${base}/${suffix}`;
  }

  /**
   * The cache key held in memory for this caller, meeting and answer (as keyFor would answer it),
   * or undefined when none is held (no revision watch or bus listening, never asked, or dropped by
   * a change): then ask keyFor. Synchronous: a repeated open's hot path makes no promise (issue 19).
   */
  heldKey(ctx: RequestContext, meetingId: string, answer: MeetingAnswer, now: Date): string | undefined {
    if (!ctx.personId) return undefined;
    const base = this.heldBase(ctx, ctx.personId, meetingId);
    if (base === undefined) return undefined;
    const suffix = this.suffixFor(meetingId, answer, now);
    return suffix === null ? undefined : `${base}/${suffix}`;
  }

  /** The part of the key that is not the caller's access: the clock bucket, the UTC date or the capture generation; null when a capture cannot be cached now. */
  private suffixFor(meetingId: string, answer: MeetingAnswer, now: Date): string | null {
    if (answer === "agenda") return `agenda/${Math.floor(now.getTime() / AGENDA_CLOCK_BUCKET_MS)}`;
    if (answer === "meeting") return `meeting/${now.toISOString().slice(0, 10)}`;
    const generation = this.generationOf(meetingId);
    return generation === null ? null : `capture/${generation}`;
  }

  /** The caller's `audience/tenant/meeting/rev/version` held in memory while the revision watch listens, else undefined. */
  private heldBase(ctx: RequestContext, personId: string, meetingId: string): string | undefined {
    return this.watch?.listening() ? this.access.get(`${ctx.tenantId}/${meetingId}/${personId}`)?.base : undefined;
  }

  /** The answer built under `key` if it is held (not while its build runs), else undefined: then fetchBody. Synchronous. */
  peekBody(key: string): AnswerBody | undefined {
    return this.entries.get(key);
  }

  /** Moves the capture generation of `meetingId` now (a capture write committed on this instance). */
  touch(meetingId: string): void {
    const meeting = this.live.peek(meetingId);
    if (meeting) meeting.generation = ++this.generations;
  }

  /** The meeting's capture generation, subscribing to its live events on first use; null when none can be trusted. */
  private generationOf(meetingId: string): number | null {
    if (!this.bus || !this.watch?.listening()) return null;
    const held = this.live.get(meetingId);
    if (held) return held.generation;
    const meeting: LiveMeeting = { generation: ++this.generations, unsubscribe: () => undefined };
    meeting.unsubscribe = this.bus.subscribe(meetingId, () => {
      meeting.generation = ++this.generations;
    });
    this.live.set(meetingId, meeting);
    return meeting.generation;
  }

  /** `audience/tenant/meeting/rev/version` for a member of the meeting's project, else null. */
  private async baseFor(db: Db, ctx: RequestContext, personId: string, meetingId: string): Promise<string | null> {
    const held = this.heldBase(ctx, personId, meetingId);
    if (held !== undefined) return held;
    const accessKey = `${ctx.tenantId}/${meetingId}/${personId}`;
    const before = this.changes;
    const [row] = await db
      .select({
        projectId: t.meetings.projectId,
        rev: t.projectRevisions.rev,
        version: t.meetings.version,
        email: t.people.email,
        organisation: t.people.organisation,
      })
      .from(t.meetings)
      .innerJoin(
        t.projectMembers,
        and(eq(t.projectMembers.projectId, t.meetings.projectId), eq(t.projectMembers.tenantId, t.meetings.tenantId), eq(t.projectMembers.personId, personId)),
      )
      .innerJoin(t.people, and(eq(t.people.tenantId, t.projectMembers.tenantId), eq(t.people.id, t.projectMembers.personId)))
      .leftJoin(t.projectRevisions, eq(t.projectRevisions.projectId, t.meetings.projectId))
      .where(and(eq(t.meetings.tenantId, ctx.tenantId), eq(t.meetings.id, meetingId)))
      .limit(1);
    if (!row) return null;
    // The caller is a project person found by id, so their organisation decides; the tenant's
    // domains only matter for addresses that are no project person (recap recipients).
    const audience = audienceOf({ personId, email: row.email }, { people: [{ id: personId, ...row }], tenantDomains: [] });
    const base = `${audience}/${ctx.tenantId}/${meetingId}/${row.rev ?? 0}/${row.version}`;
    if (row.projectId && this.watch?.listening() && this.changes === before) {
      this.access.set(accessKey, { projectId: row.projectId, base });
      let keys = this.byProject.get(row.projectId);
      if (!keys) this.byProject.set(row.projectId, (keys = new Set()));
      keys.add(accessKey);
    }
    return base;
  }

  /**
   * The answer cached under `key`, else the result of `build`, kept for the next caller;
   * concurrent misses on one key share one build (lru-cache's `fetchMethod`, the same idiom as
   * PersonLookupCache). A failed build (403, 404…) rejects and is not remembered.
   */
  async fetchBody(key: string, build: () => Promise<string>): Promise<AnswerBody> {
    const entry = await this.entries.fetch(key, { context: build });
    if (entry === undefined) throw new Error(`MeetingAnswerCache: nothing built for ${key}`);
    return entry;
  }

  /** The answer JSON under `key` (see fetchBody). */
  async fetch(key: string, build: () => Promise<string>): Promise<string> {
    return (await this.fetchBody(key, build)).json;
  }
}
