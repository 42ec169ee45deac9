import { and, eq } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import type { RequestContext } from "../../http/requestContext";
import { audienceOf } from "../../domain/audienceOf";

const MAX_ENTRIES = 1000;
/** Agendas read the clock by the day (due dates, countdown) and the previous call by its start: 5 minutes is close enough. */
export const AGENDA_CLOCK_BUCKET_MS = 5 * 60_000;

/**
 * Built agendas (as sent, JSON) keyed on the project's revision, which triggers bump on every
 * write to its data (migration 0004), so a cached agenda is never older than the data; the key
 * also carries the caller's access and audience (internal or external, by their organisation),
 * checked by the same single query: an external caller never gets an agenda built for an internal
 * one. Least recently used agendas go first past MAX_ENTRIES.
 */
export class AgendaCache {
  private readonly entries = new LRUCache<string, string, () => Promise<string>>({
    max: MAX_ENTRIES,
    fetchMethod: (_key, _stale, { context }) => context(),
  });

  /** The cache key if the caller may see the meeting (one query), else null: take the full path, which answers 403/404. */
  async keyFor(db: Db, ctx: RequestContext, meetingId: string, now: Date): Promise<string | null> {
    if (!ctx.personId) return null;
    const [row] = await db
      .select({ rev: t.projectRevisions.rev, version: t.meetings.version, email: t.people.email, organisation: t.people.organisation })
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
    const audience = audienceOf({ personId: ctx.personId, email: row.email }, { people: [{ id: ctx.personId, ...row }], tenantDomains: [] });
    return `${audience}/${ctx.tenantId}/${meetingId}/${row.rev ?? 0}/${row.version}/${Math.floor(now.getTime() / AGENDA_CLOCK_BUCKET_MS)}`;
  }

  /**
   * The agenda JSON cached under `key`, else the result of `build`, kept for the next caller;
   * concurrent misses on one key share one build (lru-cache's `fetchMethod`, the same idiom as
   * PersonLookupCache). A failed build rejects and is not remembered.
   */
  async fetch(key: string, build: () => Promise<string>): Promise<string> {
    const json = await this.entries.fetch(key, { context: build });
    if (json === undefined) throw new Error(`AgendaCache: no agenda built for ${key}`);
    return json;
  }
}

