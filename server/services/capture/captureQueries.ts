import { and, asc, eq, inArray, isNull, max, ne, or } from "drizzle-orm";
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

/** Items raised in this meeting. */
export async function meetingItems(db: Queryable, tenantId: string, meetingId: string): Promise<RaidRow[]> {
  return db
    .select()
    .from(t.raidItems)
    .where(and(eq(t.raidItems.tenantId, tenantId), eq(t.raidItems.raisedInMeetingId, meetingId), internalOnlyWall(t.raidItems.internalOnly)))
    .orderBy(asc(t.raidItems.createdAt));
}

/** Open items raised in earlier calls of the same project and call type. */
export async function carriedOverItems(
  db: Queryable,
  tenantId: string,
  projectId: string,
  meetingId: string,
  earlierMeetingIds: string[],
): Promise<RaidRow[]> {
  if (earlierMeetingIds.length === 0) return [];
  return db
    .select()
    .from(t.raidItems)
    .where(
      and(
        eq(t.raidItems.tenantId, tenantId),
        eq(t.raidItems.projectId, projectId),
        eq(t.raidItems.status, "open"),
        inArray(t.raidItems.raisedInMeetingId, earlierMeetingIds),
        ne(t.raidItems.raisedInMeetingId, meetingId),
        internalOnlyWall(t.raidItems.internalOnly),
      ),
    )
    .orderBy(asc(t.raidItems.dueDate));
}

/** Open RAID items of the project raised outside this meeting, soonest due first (internal-only wall applied). */
export async function openProjectRaid(db: Queryable, tenantId: string, projectId: string, meetingId: string): Promise<RaidRow[]> {
  return db
    .select()
    .from(t.raidItems)
    .where(
      and(
        eq(t.raidItems.tenantId, tenantId),
        eq(t.raidItems.projectId, projectId),
        eq(t.raidItems.status, "open"),
        or(isNull(t.raidItems.raisedInMeetingId), ne(t.raidItems.raisedInMeetingId, meetingId)),
        internalOnlyWall(t.raidItems.internalOnly),
      ),
    )
    .orderBy(asc(t.raidItems.dueDate));
}

export async function meetingNotes(db: Queryable, tenantId: string, meetingId: string): Promise<NoteRow[]> {
  return db
    .select()
    .from(t.agendaNotes)
    .where(and(eq(t.agendaNotes.tenantId, tenantId), eq(t.agendaNotes.meetingId, meetingId), internalOnlyWall(t.agendaNotes.internalOnly)))
    .orderBy(asc(t.agendaNotes.createdAt));
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

export async function findItem(db: Queryable, tenantId: string, id: string): Promise<RaidRow | undefined> {
  const [row] = await db
    .select()
    .from(t.raidItems)
    .where(and(eq(t.raidItems.tenantId, tenantId), eq(t.raidItems.id, id), internalOnlyWall(t.raidItems.internalOnly)));
  return row;
}

export async function findNote(db: Queryable, tenantId: string, id: string): Promise<NoteRow | undefined> {
  const [row] = await db
    .select()
    .from(t.agendaNotes)
    .where(and(eq(t.agendaNotes.tenantId, tenantId), eq(t.agendaNotes.id, id), internalOnlyWall(t.agendaNotes.internalOnly)));
  return row;
}

export async function lastEventId(db: Db, tenantId: string, meetingId: string): Promise<number> {
  const [row] = await db
    .select({ id: max(t.meetingEvents.id) })
    .from(t.meetingEvents)
    .where(and(eq(t.meetingEvents.tenantId, tenantId), eq(t.meetingEvents.meetingId, meetingId)));
  return Number(row?.id ?? 0);
}
