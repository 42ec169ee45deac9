import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import * as t from "../../db/tables";
import { loadSnapshot, toMeeting } from "../../db/loadSnapshot";
import { searchTerms } from "../../domain/search/searchTerms";
import type { searchQuery, SearchHitKind, SearchResultDto } from "../../../contracts/search";
import { HEADLINE_START, HEADLINE_STOP, searchHitDto } from "../../presenters/search";
import { directoryFor } from "../meetings/loadMeetingContext";
import { callerAudience, isInternalMeeting } from "../audience/callerAudience";
import type { Scope } from "../workspace/projectScope";

// Full-text search over one project (issue 17 §6): meeting subjects, notes, and the RAID log
// (actions, decisions, risks, issues), on the generated tsvectors and GIN indexes of migration
// 0018. The same SQL runs on PostgreSQL and PGlite.

/** The tsquery of the search box's text: websearch syntax, or'ed with "the last word as a prefix". */
function tsQuery(raw: string): SQL {
  const terms = searchTerms(raw);
  const full = sql`websearch_to_tsquery('english'::regconfig, ${terms.text})`;
  if (!terms.prefix) return full;
  return sql`(${full} || (websearch_to_tsquery('english'::regconfig, ${terms.prefix.rest}) && to_tsquery('simple'::regconfig, ${`${terms.prefix.word}:*`})))`;
}

const headlineOptions = `StartSel=${HEADLINE_START}, StopSel=${HEADLINE_STOP}, MaxWords=24, MinWords=8, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
const headline = (doc: SQL, q: SQL) => sql<string>`ts_headline('english'::regconfig, ${doc}, ${q}, ${headlineOptions})`;

/**
 * The project's entries matching `q.q`, best first (ts_rank; a person's name also finds what they
 * own), at most `q.limit`. Walls: the scope's tenant and project (access checked by projectScope);
 * an external caller (customer, vendor) never gets internal-only RAID entries or notes, nor
 * internal meetings or the notes taken in them (the audience rule, domain/audienceOf.ts).
 */
export async function searchProject(s: Scope, q: z.infer<typeof searchQuery>): Promise<SearchResultDto> {
  const { db } = s;
  const tenantId = s.ctx.tenantId;
  const projectId = s.project.id;
  const query = tsQuery(q.q);
  const external = callerAudience(s.ctx) === "external";
  const cap = q.limit * 2;
  const ri = t.raidItems;
  const owner = alias(t.people, "owner");
  const namedPeople = db
    .select({ id: t.people.id })
    .from(t.people)
    .where(and(eq(t.people.tenantId, tenantId), sql`${sql.raw('"people"."search_tsv"')} @@ ${query}`));
  const raidDoc = sql`concat_ws(' — ', ${ri.title}, ${ri.description}, ${ri.deliverable})`;
  const raidTsv = sql.raw('"raid_items"."search_tsv"');
  const noteTsv = sql.raw('"agenda_notes"."search_tsv"');
  const meetingTsv = sql.raw('"meetings"."search_tsv"');

  const itemRank = sql<number>`ts_rank(${raidTsv}, ${query}) + case when ${ri.ownerId} in (${namedPeople}) then 0.1 else 0 end`.mapWith(Number);
  const noteRank = sql<number>`ts_rank(${noteTsv}, ${query})`.mapWith(Number);
  const meetingRank = sql<number>`ts_rank(${meetingTsv}, ${query})`.mapWith(Number);

  const [items, notes, meetings, snapshot] = await Promise.all([
    db
      .select({
        item: { id: ri.id, kind: ri.kind, title: ri.title, status: ri.status, dueDate: ri.dueDate, internalOnly: ri.internalOnly, meetingId: ri.raisedInMeetingId },
        ownerName: owner.name,
        rank: itemRank,
        headline: headline(raidDoc, query),
      })
      .from(ri)
      .leftJoin(owner, and(eq(owner.tenantId, ri.tenantId), eq(owner.id, ri.ownerId)))
      .where(
        and(
          eq(ri.tenantId, tenantId),
          eq(ri.projectId, projectId),
          sql`(${raidTsv} @@ ${query} or ${ri.ownerId} in (${namedPeople}))`,
          external ? eq(ri.internalOnly, false) : undefined,
        ),
      )
      .orderBy(desc(itemRank))
      .limit(cap),
    db
      .select({
        id: t.agendaNotes.id,
        body: t.agendaNotes.body,
        internalOnly: t.agendaNotes.internalOnly,
        meetingId: t.agendaNotes.meetingId,
        rank: noteRank,
        headline: headline(sql`${t.agendaNotes.body}`, query),
      })
      .from(t.agendaNotes)
      .innerJoin(t.meetings, and(eq(t.meetings.tenantId, t.agendaNotes.tenantId), eq(t.meetings.id, t.agendaNotes.meetingId)))
      .where(and(eq(t.agendaNotes.tenantId, tenantId), eq(t.meetings.projectId, projectId), sql`${noteTsv} @@ ${query}`, external ? eq(t.agendaNotes.internalOnly, false) : undefined))
      .orderBy(desc(noteRank))
      .limit(cap),
    db
      .select({ id: t.meetings.id, rank: meetingRank, headline: headline(sql`${t.meetings.subject}`, query) })
      .from(t.meetings)
      .where(and(eq(t.meetings.tenantId, tenantId), eq(t.meetings.projectId, projectId), sql`${meetingTsv} @@ ${query}`))
      .orderBy(desc(meetingRank), desc(t.meetings.startsAt))
      .limit(cap),
    loadSnapshot(db, tenantId, s.project),
  ]);

  // The meetings hits point at (their own, the notes', the items' calls), and which are internal.
  const meetingIds = [...new Set([...meetings.map((m) => m.id), ...notes.map((n) => n.meetingId), ...items.flatMap((i) => (i.item.meetingId ? [i.item.meetingId] : []))])];
  const meetingRows = meetingIds.length
    ? await db.select().from(t.meetings).where(and(eq(t.meetings.tenantId, tenantId), inArray(t.meetings.id, meetingIds)))
    : [];
  const directory = directoryFor(snapshot);
  const byId = new Map(meetingRows.map((m) => [m.id, m]));
  const hidden = new Set(external ? meetingRows.filter((m) => isInternalMeeting(toMeeting(m), directory)).map((m) => m.id) : []);
  const meetingOf = (id: string | null) => {
    const m = id ? byId.get(id) : undefined;
    return m ? { id: m.id, subject: m.subject, startsAt: m.startsAt } : null;
  };

  const ranked: { rank: number; at: string; hit: Parameters<typeof searchHitDto>[0] }[] = [
    ...items.map((i) => ({
      rank: i.rank,
      at: i.item.dueDate ?? "",
      hit: { kind: i.item.kind as SearchHitKind, id: i.item.id, title: i.item.title, headline: i.headline, projectId, meeting: i.item.meetingId && !hidden.has(i.item.meetingId) ? meetingOf(i.item.meetingId) : null, ownerName: i.ownerName, status: i.item.status, dueDate: i.item.dueDate, internalOnly: i.item.internalOnly },
    })),
    ...notes
      .filter((n) => !hidden.has(n.meetingId))
      .map((n) => ({
        rank: n.rank,
        at: byId.get(n.meetingId)?.startsAt ?? "",
        hit: { kind: "note" as const, id: n.id, title: n.body, headline: n.headline, projectId, meeting: meetingOf(n.meetingId), ownerName: null, status: null, dueDate: null, internalOnly: n.internalOnly },
      })),
    ...meetings
      .filter((m) => !hidden.has(m.id))
      .map((m) => ({
        rank: m.rank,
        at: byId.get(m.id)?.startsAt ?? "",
        hit: { kind: "meeting" as const, id: m.id, title: byId.get(m.id)?.subject ?? "", headline: m.headline, projectId, meeting: meetingOf(m.id), ownerName: null, status: null, dueDate: null, internalOnly: false },
      })),
  ];
  ranked.sort((a, b) => b.rank - a.rank || (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { query: q.q, hits: ranked.slice(0, q.limit).map((r) => searchHitDto(r.hit)) };
}
