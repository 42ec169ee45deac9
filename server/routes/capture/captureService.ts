import { and, asc, eq, inArray, max, ne } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/schema";
import type { CallType, Person } from "../../domain/types";
import type { AgendaStateDto, CapturedItemDto, NoteDto } from "../../contracts/capture";
import type { Queryable } from "../../live/recordEvent";
import { internalOnlyWall } from "../../services/audience/callerAudience";

type RaidRow = typeof t.raidItems.$inferSelect;
type NoteRow = typeof t.agendaNotes.$inferSelect;

/** Calls with no one outside the organisation: notes and items default to internal-only there. */
const internalCallTypes: CallType[] = ["internal_status", "triage", "targeted_technical", "targeted_product"];
export const isInternalCall = (callType: CallType) => internalCallTypes.includes(callType);

const iso = (v: string | null) => (v ? new Date(v).toISOString() : null);

export function itemDto(r: RaidRow, names: Map<string, string>): CapturedItemDto {
  return raidItemFields(r, r.ownerId ? (names.get(r.ownerId) ?? null) : null);
}

/** A RAID row as every API shows it (the capture panel, and the workspace with a few more fields). */
export function raidItemFields(r: RaidRow, ownerName: string | null): CapturedItemDto {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    description: r.description,
    ownerId: r.ownerId,
    ownerName,
    dueDate: r.dueDate,
    status: r.status,
    internalOnly: r.internalOnly,
    agendaItemKey: r.agendaItemKey,
    raisedInMeetingId: r.raisedInMeetingId,
    provider: r.provider,
    deliverable: r.deliverable,
    recipient: r.recipient,
    neededFor: r.neededFor,
    decidedBy: r.decidedBy,
    decidedAt: iso(r.decidedAt),
    reportedBy: r.reportedBy,
    reportedAt: iso(r.reportedAt),
    location: r.location,
    reproSteps: r.reproSteps,
    createdBy: r.createdBy,
    version: r.version,
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

export function noteDto(n: NoteRow): NoteDto {
  return {
    id: n.id,
    agendaItemKey: n.agendaItemKey,
    body: n.body,
    internalOnly: n.internalOnly,
    createdBy: n.createdBy,
    version: n.version,
    updatedAt: new Date(n.updatedAt).toISOString(),
  };
}

export function nameIndex(people: Pick<Person, "id" | "name">[]): Map<string, string> {
  return new Map(people.map((p) => [p.id, p.name]));
}

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

export async function meetingNotes(db: Queryable, tenantId: string, meetingId: string): Promise<NoteRow[]> {
  return db
    .select()
    .from(t.agendaNotes)
    .where(and(eq(t.agendaNotes.tenantId, tenantId), eq(t.agendaNotes.meetingId, meetingId), internalOnlyWall(t.agendaNotes.internalOnly)))
    .orderBy(asc(t.agendaNotes.createdAt));
}

export async function agendaState(db: Queryable, tenantId: string, meetingId: string): Promise<AgendaStateDto> {
  const [meeting] = await db
    .select({ current: t.meetings.currentAgendaItemKey })
    .from(t.meetings)
    .where(and(eq(t.meetings.tenantId, tenantId), eq(t.meetings.id, meetingId)));
  const states = await db
    .select({ key: t.agendaItemStates.agendaItemKey, discussed: t.agendaItemStates.discussed })
    .from(t.agendaItemStates)
    .where(and(eq(t.agendaItemStates.tenantId, tenantId), eq(t.agendaItemStates.meetingId, meetingId)));
  return { currentAgendaItemKey: meeting?.current ?? null, discussed: states.filter((s) => s.discussed).map((s) => s.key).sort() };
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
