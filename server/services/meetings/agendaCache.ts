import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import type { RevisionWatch } from "../../db/revisionWatch";
import type { RequestContext } from "../../http/requestContext";
import { audienceOf } from "../../domain/audienceOf";

const MAX_ENTRIES = 1000;
const MAX_ACCESS_ENTRIES = 10_000;
/** Agendas read the clock by the day (due dates, countdown) and the previous call by its start: 5 minutes is close enough. */
export const AGENDA_CLOCK_BUCKET_MS = 5 * 60_000;

/** A built agenda as sent: the JSON, its UTF-8 bytes (serialised once) and a strong ETag over them and the audience. */
export interface AgendaBody {
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
  /** `audience/tenant/meeting/rev/version`: the key without its clock bucket. */
  base: string;
}

function agendaBody(key: string, json: string): AgendaBody {
  const body = Buffer.from(json, "utf8");
  const audience = key.slice(0, key.indexOf("/") + 1);
  return { json, body, etag: `"${createHash("sha1").update(audience).update(body).digest("base64url")}"` };
}

/**
 * Built agendas (as sent, JSON) keyed on the project's revision, which triggers bump on every
 * write to its data (migration 0004), so a cached agenda is never older than the data; the key
 * also carries the caller's access and audience (internal or external, by their organisation),
 * checked by the same single query: an external caller never gets an agenda built for an internal
 * one. Least recently used agendas go first past MAX_ENTRIES.
 *
 * With a RevisionWatch (issue 19) the key itself is held in memory per (tenant, meeting, person)
 * and the key query is skipped: migration 0013 NOTIFYs every instance when a project's revision
 * moves (data, meetings, members, people: a revoked membership included), and the entries of that
 * project are dropped; a lost listener drops all and nothing is held until it listens again. A key
 * read while a change was heard is not kept (it may predate the change).
 */
export class AgendaCache {
  private readonly entries = new LRUCache<string, AgendaBody, () => Promise<string>>({
    max: MAX_ENTRIES,
    fetchMethod: async (key, _stale, { context }) => agendaBody(key, await context()),
  });
  private readonly access: LRUCache<string, Access>;
  private readonly byProject = new Map<string, Set<string>>();
  private changes = 0;

  constructor(private readonly watch?: RevisionWatch) {
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
        return;
      }
      for (const key of [...(this.byProject.get(projectId) ?? [])]) this.access.delete(key);
    });
  }

  /**
   * The cache key if the caller may see the meeting, else null: take the full path, which answers
   * 403/404. Held in memory while the revision watch listens; otherwise one query.
   */
  async keyFor(db: Db, ctx: RequestContext, meetingId: string, now: Date): Promise<string | null> {
    if (!ctx.personId) return null;
    const held = this.heldKey(ctx, meetingId, now);
    if (held !== undefined) return held;
    const bucket = Math.floor(now.getTime() / AGENDA_CLOCK_BUCKET_MS);
    const accessKey = `${ctx.tenantId}/${meetingId}/${ctx.personId}`;
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
        and(eq(t.projectMembers.projectId, t.meetings.projectId), eq(t.projectMembers.tenantId, t.meetings.tenantId), eq(t.projectMembers.personId, ctx.personId)),
      )
      .innerJoin(t.people, and(eq(t.people.tenantId, t.projectMembers.tenantId), eq(t.people.id, t.projectMembers.personId)))
      .leftJoin(t.projectRevisions, eq(t.projectRevisions.projectId, t.meetings.projectId))
      .where(and(eq(t.meetings.tenantId, ctx.tenantId), eq(t.meetings.id, meetingId)))
      .limit(1);
    if (!row) return null;
    // The caller is a project person found by id, so their organisation decides; the tenant's
    // domains only matter for addresses that are no project person (recap recipients).
    const audience = audienceOf({ personId: ctx.personId, email: row.email }, { people: [{ id: ctx.personId, ...row }], tenantDomains: [] });
    const base = `${audience}/${ctx.tenantId}/${meetingId}/${row.rev ?? 0}/${row.version}`;
    if (row.projectId && this.watch?.listening() && this.changes === before) {
      this.access.set(accessKey, { projectId: row.projectId, base });
      let keys = this.byProject.get(row.projectId);
      if (!keys) this.byProject.set(row.projectId, (keys = new Set()));
      keys.add(accessKey);
    }
    return `${base}/${bucket}`;
  }

  /**
   * The cache key held in memory for this caller and meeting (as keyFor answers it), or undefined
   * when none is held (no revision watch listening, never asked, or dropped by a change): then ask keyFor.
   * Synchronous: the hot path of a repeated agenda makes no promise (issue 19).
   */
  heldKey(ctx: RequestContext, meetingId: string, now: Date): string | undefined {
    if (!ctx.personId || !this.watch?.listening()) return undefined;
    const held = this.access.get(`${ctx.tenantId}/${meetingId}/${ctx.personId}`);
    return held ? `${held.base}/${Math.floor(now.getTime() / AGENDA_CLOCK_BUCKET_MS)}` : undefined;
  }

  /** The agenda built under `key` if it is held (not while its build runs), else undefined: then fetchBody. Synchronous. */
  peekBody(key: string): AgendaBody | undefined {
    return this.entries.get(key);
  }

  /**
   * The agenda cached under `key`, else the result of `build`, kept for the next caller;
   * concurrent misses on one key share one build (lru-cache's `fetchMethod`, the same idiom as
   * PersonLookupCache). A failed build rejects and is not remembered.
   */
  async fetchBody(key: string, build: () => Promise<string>): Promise<AgendaBody> {
    const entry = await this.entries.fetch(key, { context: build });
    if (entry === undefined) throw new Error(`AgendaCache: no agenda built for ${key}`);
    return entry;
  }

  /** The agenda JSON under `key` (see fetchBody). */
  async fetch(key: string, build: () => Promise<string>): Promise<string> {
    return (await this.fetchBody(key, build)).json;
  }
}
