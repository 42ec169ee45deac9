import { and, asc, eq, inArray, isNull, max, ne, or, type SQL } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import type { CallType } from "../../../contracts/types";
import type { AgendaStateDto } from "../../../contracts/capture";
import type { Queryable } from "../../live/recordEvent";
import { internalOnlyWall } from "../../services/audience/callerAudience";

type RaidRow = typeof t.raidItems.$inferSelect;
type NoteRow = typeof t.agendaNotes.$inferSelect;

/** Calls with no one outside the organisation: notes and items default to internal-only there. */
const internalCallTypes: CallType[] = ["internal_status", "triage", "targeted_technical", "targeted_product"];
export const isInternalCall = (callType: CallType) => internalCallTypes.includes(callType);

/**
 * The tenant's RAID items matching `where`, behind the internal-only wall (an external caller never
 * reads an internal-only row), in `order` when given. The one shape every item query here takes.
 */
function selectItems(db: Queryable, tenantId: string, where: SQL | undefined, order?: SQL): Promise<RaidRow[]> {
  const q = db.select().from(t.raidItems).where(and(eq(t.raidItems.tenantId, tenantId), where, internalOnlyWall(t.raidItems.internalOnly)));
  return order ? q.orderBy(order) : q;
}

/** The tenant's agenda notes matching `where`, behind the internal-only wall, in `order` when given. */
function selectNotes(db: Queryable, tenantId: string, where: SQL | undefined, order?: SQL): Promise<NoteRow[]> {
  const q = db.select().from(t.agendaNotes).where(and(eq(t.agendaNotes.tenantId, tenantId), where, internalOnlyWall(t.agendaNotes.internalOnly)));
  return order ? q.orderBy(order) : q;
}

/** Open items of the project matching `where`, soonest due first. */
const openItemsOf = (db: Queryable, tenantId: string, projectId: string, where: SQL | undefined) =>
  selectItems(db, tenantId, and(eq(t.raidItems.projectId, projectId), eq(t.raidItems.status, "open"), where), asc(t.raidItems.dueDate));

/** Items raised in this meeting, oldest first. */
export async function meetingItems(db: Queryable, tenantId: string, meetingId: string): Promise<RaidRow[]> {
  return selectItems(db, tenantId, eq(t.raidItems.raisedInMeetingId, meetingId), asc(t.raidItems.createdAt));
}

/** Open items raised in earlier calls of the same project and call type (`earlierMeetingIds`), soonest due first. */
export async function carriedOverItems(
  db: Queryable,
  tenantId: string,
  projectId: string,
  meetingId: string,
  earlierMeetingIds: string[],
): Promise<RaidRow[]> {
  if (earlierMeetingIds.length === 0) return [];
  return openItemsOf(db, tenantId, projectId, and(inArray(t.raidItems.raisedInMeetingId, earlierMeetingIds), ne(t.raidItems.raisedInMeetingId, meetingId)));
}

/** Open RAID items of the project raised outside this meeting, soonest due first (internal-only wall applied). */
export async function openProjectRaid(db: Queryable, tenantId: string, projectId: string, meetingId: string): Promise<RaidRow[]> {
  return openItemsOf(db, tenantId, projectId, or(isNull(t.raidItems.raisedInMeetingId), ne(t.raidItems.raisedInMeetingId, meetingId)));
}

/** The meeting's notes, oldest first. */
export async function meetingNotes(db: Queryable, tenantId: string, meetingId: string): Promise<NoteRow[]> {
  return selectNotes(db, tenantId, eq(t.agendaNotes.meetingId, meetingId), asc(t.agendaNotes.createdAt));
}

export async function agendaState(db: Queryable, tenantId: string, meetingId: string): Promise<AgendaStateDto> {
  const [meeting] = await db
    .select({ current: t.meetings.currentAgendaItemKey, startedAt: t.meetings.currentAgendaItemStartedAt })
    .from(t.meetings)
    .where(and(eq(t.meetings.tenantId, tenantId), eq(t.meetings.id, meetingId)));
  const states = await db
    .select({ key: t.agendaItemStates.agendaItemKey, discussed: t.agendaItemStates.discussed })
    .from(t.agendaItemStates)
    .where(and(eq(t.agendaItemStates.tenantId, tenantId), eq(t.agendaItemStates.meetingId, meetingId)));
  const startedAt = meeting?.current && meeting.startedAt ? new Date(meeting.startedAt).toISOString() : null;
  return { currentAgendaItemKey: meeting?.current ?? null, currentStartedAt: startedAt, discussed: states.filter((s) => s.discussed).map((s) => s.key).sort() };
}

/** One item of the tenant by id, or undefined (also when the wall hides it). */
export async function findItem(db: Queryable, tenantId: string, id: string): Promise<RaidRow | undefined> {
  return (await selectItems(db, tenantId, eq(t.raidItems.id, id)))[0];
}

/** One note of the tenant by id, or undefined (also when the wall hides it). */
export async function findNote(db: Queryable, tenantId: string, id: string): Promise<NoteRow | undefined> {
  return (await selectNotes(db, tenantId, eq(t.agendaNotes.id, id)))[0];
}

export async function lastEventId(db: Db, tenantId: string, meetingId: string): Promise<number> {
  const [row] = await db
    .select({ id: max(t.meetingEvents.id) })
    .from(t.meetingEvents)
    .where(and(eq(t.meetingEvents.tenantId, tenantId), eq(t.meetingEvents.meetingId, meetingId)));
  return Number(row?.id ?? 0);
}
