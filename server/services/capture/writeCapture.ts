import { and, eq, sql } from "drizzle-orm";
import type { Database, Db } from "../../db/database";
import * as t from "../../db/tables";
import { idTaken } from "../ids/idTaken";
import { conflict, notFound } from "../../errors";
import type { RequestContext } from "../../http/requestContext";
import type { CreateItemBody, CreateNoteBody, UpdateItemBody } from "../../../contracts/capture";
import { lockMeeting, recordEvent, type Queryable } from "../../live/recordEvent";
import type { LiveBus } from "../../live/liveBus";
import { findItem, findNote } from "./captureQueries";
import type { WrittenRow, WrittenRows } from "./writtenRows";

type RaidRow = typeof t.raidItems.$inferSelect;
type NoteRow = typeof t.agendaNotes.$inferSelect;

export interface WriteScope {
  database: Database;
  /** Told after each commit (the live streams, and the cached captures: MeetingAnswerCache). */
  bus: Pick<LiveBus, "publish">;
  ctx: RequestContext;
  meetingId: string;
  projectId: string;
  now: Date;
  /** This instance's memo of committed rows for its live reader (optional: without it the reader reads them). */
  written?: WrittenRows;
}

type Tx = Parameters<Parameters<Database["db"]["transaction"]>[0]>[0];

/**
 * Reads a captured row (item or note) by id in the transaction, through `find` (captureQueries:
 * tenant-scoped, behind the internal-only wall), and keeps it only if it `belongs` to the scope
 * (this meeting or project). The one lookup of both creates (a resent id) and versioned updates.
 */
const ownRow =
  <Row>(s: WriteScope, find: (q: Queryable, tenantId: string, id: string) => Promise<Row | undefined>, id: string, belongs: (r: Row) => boolean) =>
  async (tx: Queryable): Promise<Row | undefined> => {
    const found = await find(tx, s.ctx.tenantId, id);
    return found && belongs(found) ? found : undefined;
  };

/** The meeting_events row of a captured row, as the `ev` CTE of createOnce's statement. */
type EventCte = ReturnType<typeof eventOf>;

/**
 * `ev`: inserts the meeting_events row of whatever the `ins` CTE (the row's insert) returned, after
 * taking the meeting's advisory lock (lockMeeting's lock: taken before the event id is drawn and
 * held to commit, so event ids of one meeting commit in order). Nothing when `ins` is empty.
 */
function eventOf(db: Db, s: WriteScope, type: "item" | "note") {
  return db.$with("ev", { eventId: sql<number>`event_id`.mapWith(Number).as("event_id") }).as(
    sql`insert into ${t.meetingEvents} (tenant_id, meeting_id, type, entity_id)
        select ${s.ctx.tenantId}, ${s.meetingId}, ${type}, ins.id
        from ins cross join lateral (select pg_advisory_xact_lock(hashtextextended(${s.meetingId}, 0))) as meeting_lock
        returning id as event_id`,
  );
}

/**
 * Creates a row once per client id, with its live event, in ONE statement (issue 19: it was begin,
 * lock, insert, insert, commit): `insertWithEvent` runs a data-modifying CTE that inserts the row
 * (`on conflict do nothing`) and, only if it was inserted, its event (eventOf). One statement is one
 * implicit transaction: if any part fails nothing is saved (no row, no event, no revision bump:
 * migration 0004's trigger runs inside it). Resending the same id returns the stored row (the
 * create was retried); an id used elsewhere is refused.
 */
async function createOnce<Row extends { id: string }>(
  s: WriteScope,
  type: "item" | "note",
  insertWithEvent: (ev: EventCte) => Promise<{ row: Row; eventId: number }[]>,
  existing: (q: Queryable) => Promise<Row | undefined>,
  written: (row: Row) => WrittenRow,
): Promise<{ row: Row; created: boolean }> {
  const [inserted] = await insertWithEvent(eventOf(s.database.db, s, type));
  if (!inserted) {
    const found = await existing(s.database.db);
    if (!found) throw idTaken();
    return { row: found, created: false };
  }
  // Committed: this instance's live reader may present the event from the row as written.
  s.written?.remember(s.ctx.tenantId, inserted.eventId, written(inserted.row));
  s.bus.publish(s.meetingId);
  return { row: inserted.row, created: true };
}

/** Creates a RAID item raised in this meeting. Resending the same id returns the row, unchanged. */
export async function createItem(s: WriteScope, body: CreateItemBody, internalDefault: boolean): Promise<{ row: RaidRow; created: boolean }> {
  const now = s.now.toISOString();
  const { db } = s.database;
  return createOnce(
    s,
    "item",
    async (ev) => {
      const ins = db.$with("ins").as(
        db
        .insert(t.raidItems)
        .values({
          ...body,
          tenantId: s.ctx.tenantId,
          projectId: s.projectId,
          raisedInMeetingId: s.meetingId,
          internalOnly: body.internalOnly ?? internalDefault,
          decidedBy: body.kind === "decision" ? (body.decidedBy ?? s.ctx.name) : (body.decidedBy ?? null),
          decidedAt: body.kind === "decision" ? (body.decidedAt ?? now) : (body.decidedAt ?? null),
          reportedBy: body.kind === "issue" ? (body.reportedBy ?? s.ctx.name) : (body.reportedBy ?? null),
          reportedAt: body.kind === "issue" ? (body.reportedAt ?? now) : (body.reportedAt ?? null),
          createdBy: s.ctx.name,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning(),
      );
      return (await db.with(ins, ev).select().from(ins).crossJoin(ev)).map((r) => ({ row: r.ins, eventId: r.ev.eventId }));
    },
    ownRow(s, findItem, body.id, (found) => found.raisedInMeetingId === s.meetingId),
    (row) => ({ kind: "item", row }),
  );
}

/**
 * The one versioned update of a captured row (item or note), in one transaction under the meeting's lock:
 * 404 when `find` gives no row (absent, hidden, or not of this meeting/project), 409 with the current row
 * (through `present`) when the caller's `version` is not the stored one or a concurrent write won;
 * otherwise `write` stores version + 1, the live event is recorded with it (plus a `removed` event when the
 * row just became internal only, for external viewers' streams), and the bus is told after commit.
 */
async function updateVersioned<Row extends { version: number; internalOnly: boolean }>(
  s: WriteScope,
  kind: "item" | "note",
  entityId: string,
  version: number,
  rows: { find: (tx: Tx) => Promise<Row | undefined>; write: (tx: Tx, current: Row) => Promise<Row | undefined> },
  present: (r: Row) => unknown,
): Promise<Row> {
  const stale = (current: Row) => conflict(`Someone changed this ${kind} since you opened it`, { current: present(current) });
  const row = await s.database.db.transaction(async (tx) => {
    await lockMeeting(tx, s.meetingId);
    const current = await rows.find(tx);
    if (!current) throw notFound(kind === "item" ? "Item" : "Note");
    if (current.version !== version) throw stale(current);
    const updated = await rows.write(tx, current);
    if (!updated) throw stale(current);
    await recordEvent(tx, { tenantId: s.ctx.tenantId, meetingId: s.meetingId, type: kind, entityId });
    // Shown to external viewers until now: their streams are told to drop it (ids only).
    if (!current.internalOnly && updated.internalOnly) await recordEvent(tx, { tenantId: s.ctx.tenantId, meetingId: s.meetingId, type: "removed", entityId });
    return updated;
  });
  s.bus.publish(s.meetingId);
  return row;
}

/** Updates an item of this project if the caller edited the current version; otherwise 409 with the current row. */
export async function updateItem(s: WriteScope, itemId: string, body: UpdateItemBody, present: (r: RaidRow) => unknown): Promise<RaidRow> {
  const { version, ...changes } = body;
  return updateVersioned(
    s,
    "item",
    itemId,
    version,
    {
      find: ownRow(s, findItem, itemId, (current) => current.projectId === s.projectId),
      write: async (tx, current) => {
        const closing = changes.status === "closed" && current.status !== "closed";
        const [updated] = await tx
          .update(t.raidItems)
          .set({
            ...changes,
            version: current.version + 1,
            updatedAt: s.now.toISOString(),
            ...(closing ? { closedAt: s.now.toISOString() } : {}),
            ...(changes.status === "open" ? { closedAt: null } : {}),
          })
          .where(and(eq(t.raidItems.tenantId, s.ctx.tenantId), eq(t.raidItems.id, itemId), eq(t.raidItems.version, version)))
          .returning();
        return updated;
      },
    },
    present,
  );
}

export async function createNote(s: WriteScope, body: CreateNoteBody, internalDefault: boolean): Promise<{ row: NoteRow; created: boolean }> {
  const now = s.now.toISOString();
  const { db } = s.database;
  return createOnce(
    s,
    "note",
    async (ev) => {
      const ins = db.$with("ins").as(
        db
        .insert(t.agendaNotes)
        .values({
          ...body,
          tenantId: s.ctx.tenantId,
          meetingId: s.meetingId,
          internalOnly: body.internalOnly ?? internalDefault,
          createdBy: s.ctx.name,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning(),
      );
      return (await db.with(ins, ev).select().from(ins).crossJoin(ev)).map((r) => ({ row: r.ins, eventId: r.ev.eventId }));
    },
    ownRow(s, findNote, body.id, (found) => found.meetingId === s.meetingId),
    (row) => ({ kind: "note", row }),
  );
}

/** Updates a note of this meeting if the caller edited the current version; otherwise 409 with the current row. */
export async function updateNote(
  s: WriteScope,
  noteId: string,
  body: { version: number; body?: string | undefined; internalOnly?: boolean | undefined },
  present: (n: NoteRow) => unknown,
): Promise<NoteRow> {
  const { version, ...changes } = body;
  return updateVersioned(
    s,
    "note",
    noteId,
    version,
    {
      find: ownRow(s, findNote, noteId, (current) => current.meetingId === s.meetingId),
      write: async (tx) => {
        const [updated] = await tx
          .update(t.agendaNotes)
          .set({ ...changes, version: version + 1, updatedAt: s.now.toISOString() })
          .where(and(eq(t.agendaNotes.tenantId, s.ctx.tenantId), eq(t.agendaNotes.id, noteId), eq(t.agendaNotes.version, version)))
          .returning();
        return updated;
      },
    },
    present,
  );
}

/** Ticks an agenda item as discussed (or not), or marks it as the current one. Last write wins: these are toggles. */
export async function setAgendaState(s: WriteScope, body: { agendaItemKey: string; discussed?: boolean | undefined; current?: boolean | undefined }): Promise<void> {
  await s.database.db.transaction(async (tx) => {
    await lockMeeting(tx, s.meetingId);
    if (body.discussed !== undefined) {
      await tx
        .insert(t.agendaItemStates)
        .values({ tenantId: s.ctx.tenantId, meetingId: s.meetingId, agendaItemKey: body.agendaItemKey, discussed: body.discussed, updatedBy: s.ctx.name })
        .onConflictDoUpdate({
          target: [t.agendaItemStates.tenantId, t.agendaItemStates.meetingId, t.agendaItemStates.agendaItemKey],
          set: { discussed: body.discussed, updatedBy: s.ctx.name, version: sql`${t.agendaItemStates.version} + 1`, updatedAt: s.now.toISOString() },
        });
    }
    if (body.current !== undefined) {
      await tx
        .update(t.meetings)
        .set({
          currentAgendaItemKey: body.current ? body.agendaItemKey : null,
          // The clock restarts only when another item becomes current: pressing "Make current" again keeps it.
          currentAgendaItemStartedAt: body.current
            ? sql`CASE WHEN ${t.meetings.currentAgendaItemKey} IS NOT DISTINCT FROM ${body.agendaItemKey} AND ${t.meetings.currentAgendaItemStartedAt} IS NOT NULL THEN ${t.meetings.currentAgendaItemStartedAt} ELSE ${s.now.toISOString()}::timestamptz END`
            : null,
        })
        .where(and(eq(t.meetings.tenantId, s.ctx.tenantId), eq(t.meetings.id, s.meetingId)));
    }
    await recordEvent(tx, { tenantId: s.ctx.tenantId, meetingId: s.meetingId, type: "agenda", entityId: s.meetingId });
  });
  s.bus.publish(s.meetingId);
}
