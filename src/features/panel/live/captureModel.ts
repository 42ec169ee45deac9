// What the side panel knows about a meeting's capture: the server's rows (merged from the snapshot,
// responses and live events by id and version) and the operations still waiting to be sent.
import type {
  AgendaStateDto,
  CaptureDto,
  CapturedItemDto,
  CreateItemBody,
  CreateNoteBody,
  LiveEvent,
  NoteDto,
  UpdateItemBody,
} from "../../../../contracts/capture";

export type ItemChanges = Omit<UpdateItemBody, "version">;
export type NoteChanges = { body?: string; internalOnly?: boolean };
export type AgendaChange = { agendaItemKey: string; discussed?: boolean; current?: boolean };

/** One thing the user did, kept until the server has it. Ids are made on the client, so resending a create is harmless. */
export type Op =
  | { opId: string; type: "createItem"; body: CreateItemBody }
  | { opId: string; type: "updateItem"; itemId: string; version: number; changes: ItemChanges }
  | { opId: string; type: "createNote"; body: CreateNoteBody }
  | { opId: string; type: "updateNote"; noteId: string; version: number; changes: NoteChanges }
  | { opId: string; type: "agendaState"; body: AgendaChange };

export type Conflict =
  | { kind: "item"; id: string; mine: ItemChanges; theirs: CapturedItemDto }
  | { kind: "note"; id: string; mine: NoteChanges; theirs: NoteDto };

export type ServerState = Omit<CaptureDto, "lastEventId">;

export interface ItemView extends CapturedItemDto {
  /** True while a create or an edit of this row is still in the queue. */
  pending: boolean;
}
export interface NoteView extends NoteDto {
  pending: boolean;
}

export interface CaptureView {
  items: ItemView[];
  carriedOver: ItemView[];
  /** The project's open RAID items raised elsewhere: what the agenda's RAID lines edit. */
  projectRaid: ItemView[];
  notes: NoteView[];
  agendaState: AgendaStateDto;
}

type Versioned = { id: string; version: number };

/** Puts `incoming` in place of the row with its id, unless the row we have is newer. */
export function mergeById<T extends Versioned>(list: T[], incoming: T): T[] {
  const i = list.findIndex((x) => x.id === incoming.id);
  if (i < 0) return [...list, incoming];
  const have = list[i];
  if (have && have.version > incoming.version) return list;
  const next = list.slice();
  next[i] = incoming;
  return next;
}

export function mergeItem(state: ServerState, item: CapturedItemDto): ServerState {
  if (item.raisedInMeetingId === state.meetingId) return { ...state, items: mergeById(state.items, item) };
  const projectRaid = state.projectRaid ?? [];
  const inProject = projectRaid.some((i) => i.id === item.id);
  const next = inProject ? { ...state, projectRaid: mergeById(projectRaid, item) } : state;
  // A project RAID line edited live stays out of "Carried over" unless it was carried over.
  if (inProject && !state.carriedOver.some((i) => i.id === item.id)) return next;
  return { ...next, carriedOver: mergeById(state.carriedOver, item) };
}

export function mergeNote(state: ServerState, note: NoteDto): ServerState {
  return { ...state, notes: mergeById(state.notes, note) };
}

export function applyEvent(state: ServerState, event: LiveEvent): ServerState {
  if (event.type === "item") return mergeItem(state, event.entity);
  if (event.type === "note") return mergeNote(state, event.entity);
  if (event.type === "removed") return removeEntity(state, event.entity);
  return { ...state, agendaState: event.entity };
}

/** Drops an item or note this viewer may no longer see (a `removed` live event: it became internal only). */
export function removeEntity(state: ServerState, removed: { kind: "item" | "note"; id: string }): ServerState {
  if (removed.kind === "note") return { ...state, notes: state.notes.filter((n) => n.id !== removed.id) };
  const keep = <T extends { id: string }>(list: T[]) => list.filter((i) => i.id !== removed.id);
  return {
    ...state,
    items: keep(state.items),
    carriedOver: keep(state.carriedOver),
    ...(state.projectRaid ? { projectRaid: keep(state.projectRaid) } : {}),
  };
}

/** A row for a create the server has not confirmed yet. */
export function itemFromCreate(body: CreateItemBody, meetingId: string, internalDefault: boolean, people: CaptureDto["people"]): CapturedItemDto {
  return {
    id: body.id,
    kind: body.kind,
    title: body.title,
    description: body.description ?? null,
    ownerId: body.ownerId ?? null,
    ownerName: people.find((p) => p.id === body.ownerId)?.name ?? null,
    dueDate: body.dueDate ?? null,
    status: "open",
    internalOnly: body.internalOnly ?? internalDefault,
    agendaItemKey: body.agendaItemKey ?? null,
    raisedInMeetingId: meetingId,
    provider: body.provider ?? null,
    deliverable: body.deliverable ?? null,
    recipient: body.recipient ?? null,
    neededFor: body.neededFor ?? null,
    decidedBy: body.decidedBy ?? null,
    decidedAt: body.decidedAt ?? null,
    reportedBy: body.reportedBy ?? null,
    reportedAt: body.reportedAt ?? null,
    location: body.location ?? null,
    reproSteps: body.reproSteps ?? null,
    createdBy: null,
    version: 1,
    updatedAt: new Date(0).toISOString(),
  };
}

function withItemChanges(item: CapturedItemDto, changes: ItemChanges, people: CaptureDto["people"]): CapturedItemDto {
  const next = { ...item, ...stripUndefined(changes) };
  if (changes.ownerId !== undefined) next.ownerName = people.find((p) => p.id === changes.ownerId)?.name ?? null;
  return next as CapturedItemDto;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The server's rows with every queued operation laid over them, as the user expects to see them. */
export function viewOf(state: ServerState, queue: Op[]): CaptureView {
  const pendingIds = new Set<string>();
  let items = state.items as CapturedItemDto[];
  let carriedOver = state.carriedOver as CapturedItemDto[];
  let projectRaid = (state.projectRaid ?? []) as CapturedItemDto[];
  let notes = state.notes as NoteDto[];
  let agendaState = state.agendaState;
  for (const op of queue) {
    if (op.type === "createItem") {
      if (!items.some((i) => i.id === op.body.id)) {
        items = [...items, itemFromCreate(op.body, state.meetingId, state.internalByDefault, state.people)];
        pendingIds.add(op.body.id);
      }
    } else if (op.type === "updateItem") {
      pendingIds.add(op.itemId);
      items = items.map((i) => (i.id === op.itemId ? withItemChanges(i, op.changes, state.people) : i));
      carriedOver = carriedOver.map((i) => (i.id === op.itemId ? withItemChanges(i, op.changes, state.people) : i));
      projectRaid = projectRaid.map((i) => (i.id === op.itemId ? withItemChanges(i, op.changes, state.people) : i));
    } else if (op.type === "createNote") {
      if (!notes.some((n) => n.id === op.body.id)) {
        const b = op.body;
        notes = [
          ...notes,
          { id: b.id, agendaItemKey: b.agendaItemKey, body: b.body, internalOnly: b.internalOnly ?? state.internalByDefault, createdBy: null, version: 1, updatedAt: "" },
        ];
        pendingIds.add(b.id);
      }
    } else if (op.type === "updateNote") {
      pendingIds.add(op.noteId);
      notes = notes.map((n) => (n.id === op.noteId ? { ...n, ...stripUndefined(op.changes) } : n));
    } else {
      agendaState = applyAgendaChange(agendaState, op.body);
    }
  }
  const mark = <T extends { id: string }>(x: T) => ({ ...x, pending: pendingIds.has(x.id) });
  return { items: items.map(mark), carriedOver: carriedOver.map(mark), projectRaid: projectRaid.map(mark), notes: notes.map(mark), agendaState };
}

export function applyAgendaChange(s: AgendaStateDto, c: AgendaChange): AgendaStateDto {
  let discussed = s.discussed;
  if (c.discussed === true && !discussed.includes(c.agendaItemKey)) discussed = [...discussed, c.agendaItemKey].sort();
  if (c.discussed === false) discussed = discussed.filter((k) => k !== c.agendaItemKey);
  let current = s.currentAgendaItemKey;
  let startedAt = s.currentStartedAt ?? null;
  if (c.current === true && current !== c.agendaItemKey) startedAt = new Date().toISOString();
  if (c.current === true) current = c.agendaItemKey;
  if (c.current === false && current === c.agendaItemKey) {
    current = null;
    startedAt = null;
  }
  const next: AgendaStateDto = { currentAgendaItemKey: current, discussed };
  if (s.currentStartedAt !== undefined || startedAt !== null) next.currentStartedAt = startedAt;
  return next;
}

/** True when the row already holds every change: a resent edit whose first answer was lost. */
export function holdsChanges(row: object, changes: object): boolean {
  const r = row as Record<string, unknown>;
  return Object.entries(changes).every(([k, v]) => v === undefined || r[k] === v);
}

/** After one of my edits is saved, my later queued edits of the same row were made on top of it. */
export function rebaseQueue(queue: Op[], entityId: string, fromVersion: number, toVersion: number): Op[] {
  return queue.map((op) => {
    if (op.type === "updateItem" && op.itemId === entityId && op.version === fromVersion) return { ...op, version: toVersion };
    if (op.type === "updateNote" && op.noteId === entityId && op.version === fromVersion) return { ...op, version: toVersion };
    return op;
  });
}
