import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import { loadProjectMeetings, loadSnapshot, toMeeting } from "../../db/loadSnapshot";
import { runAsTenant } from "../../db/tenantScope";
import { buildAgenda } from "../../domain/buildAgenda";
import { classifyMeeting } from "../../domain/classifyMeeting";
import { notFound } from "../../errors";
import { directoryFor } from "../meetings/loadMeetingContext";
import { agendaState, carriedOverItems, lastEventId, meetingItems, meetingNotes } from "../capture/captureQueries";
import { itemDto, nameIndex, noteDto } from "../../presenters/capture";
import type { StageCaptureDto } from "../../../contracts/stage";
import { requireMeetingVisible } from "../audience/callerAudience";
import type { StageTicketClaims } from "./stageTicket";

// What a stage guest reads: always as the external audience (loaders drop internal-only rows, and
// row-level security does too on PostgreSQL), and never an internal meeting (403).

type Loaded = Awaited<ReturnType<typeof load>>;

async function load(db: Db, claims: StageTicketClaims) {
  const [row] = await db
    .select()
    .from(t.meetings)
    .where(and(eq(t.meetings.tenantId, claims.tenantId), eq(t.meetings.id, claims.meetingId)))
    .limit(1);
  if (!row?.projectId) throw notFound("Meeting");
  const [project] = await db
    .select()
    .from(t.projects)
    .where(and(eq(t.projects.tenantId, claims.tenantId), eq(t.projects.id, row.projectId)))
    .limit(1);
  if (!project) throw notFound("Meeting");
  const [snapshot, history] = await Promise.all([loadSnapshot(db, claims.tenantId, project, "open"), loadProjectMeetings(db, claims.tenantId, project.id)]);
  const meeting = toMeeting(row);
  const directory = directoryFor(snapshot);
  requireMeetingVisible({ audience: "external" }, meeting, directory);
  return { meeting, project, snapshot, history, directory };
}

const asGuest = <T>(claims: StageTicketClaims, fn: () => Promise<T>): Promise<T> => runAsTenant(claims.tenantId, fn, "external");

function earlierSameType(m: Loaded) {
  const { callType } = classifyMeeting(m.meeting, m.snapshot.project, m.directory);
  return {
    callType,
    earlier: m.history.filter(
      (h) => h.id !== m.meeting.id && Date.parse(h.startsAt) < Date.parse(m.meeting.startsAt) && (h.callTypeOverride ?? h.callType) === callType,
    ),
  };
}

/** The meeting's agenda as the customer may see it (the same builder as GET /api/meetings/:id/agenda). */
export function readStageAgenda(db: Db, claims: StageTicketClaims, now: Date) {
  return asGuest(claims, async () => {
    const m = await load(db, claims);
    const { callType } = earlierSameType(m);
    const lengthMinutes = Math.round((Date.parse(m.meeting.endsAt) - Date.parse(m.meeting.startsAt)) / 60_000);
    const history = { meetings: m.history.filter((h) => h.id !== m.meeting.id) };
    return buildAgenda(callType, m.snapshot, history, now, { meetingId: m.meeting.id, lengthMinutes });
  });
}

/** Captured items, carried-over items, notes and agenda ticks of the meeting, customer-safe; no people directory. */
export function readStageCapture(db: Db, claims: StageTicketClaims): Promise<StageCaptureDto> {
  return asGuest(claims, async () => {
    const m = await load(db, claims);
    const { earlier } = earlierSameType(m);
    const names = nameIndex(m.snapshot.people);
    const id = m.meeting.id;
    // Read first: an event written while the rest is read is replayed by the stream, never missed.
    const eventId = await lastEventId(db, claims.tenantId, id);
    const [items, carried, notes, state] = await Promise.all([
      meetingItems(db, claims.tenantId, id),
      carriedOverItems(db, claims.tenantId, m.project.id, id, earlier.map((h) => h.id)),
      meetingNotes(db, claims.tenantId, id),
      agendaState(db, claims.tenantId, id),
    ]);
    return {
      meetingId: id,
      subject: m.meeting.subject,
      items: items.map((i) => itemDto(i, names)),
      carriedOver: carried.map((i) => itemDto(i, names)),
      notes: notes.map(noteDto),
      agendaState: state,
      lastEventId: eventId,
    };
  });
}

/**
 * What the stage's live stream needs before it opens: the project's people (owner names in the
 * events), after checking as the external audience that the meeting may be shown at all (404 for an
 * unknown meeting, 403 for an internal one). The stream itself is filtered to the external audience.
 */
export function readStageStreamScope(db: Db, claims: StageTicketClaims) {
  return asGuest(claims, async () => {
    const m = await load(db, claims);
    return { people: m.snapshot.people };
  });
}
