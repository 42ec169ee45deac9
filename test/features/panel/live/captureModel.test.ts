import { describe, expect, it } from "vitest";
import type { CapturedItemDto, NoteDto } from "../../../../contracts/capture";
import {
  applyAgendaChange,
  applyEvent,
  holdsChanges,
  itemFromCreate,
  mergeById,
  mergeItem,
  rebaseQueue,
  viewOf,
  type Op,
  type ServerState,
} from "../../../../src/features/panel/live/captureModel";

// The side panel's offline queue: server rows merged by id and version, queued operations laid over
// them, rebased after a save, and the rules that tell a lost answer from a real conflict.

const MEETING = "11111111-1111-4111-8111-111111111111";
const OTHER_MEETING = "22222222-2222-4222-8222-222222222222";
const DANA = "33333333-3333-4333-8333-333333333333";
const LEE = "44444444-4444-4444-8444-444444444444";
const ITEM = "55555555-5555-4555-8555-555555555555";
const CARRIED = "66666666-6666-4666-8666-666666666666";
const NOTE = "77777777-7777-4777-8777-777777777777";
const NEW_ITEM = "88888888-8888-4888-8888-888888888888";
const NEW_NOTE = "99999999-9999-4999-8999-999999999999";

function item(overrides: Partial<CapturedItemDto> = {}): CapturedItemDto {
  return {
    ...itemFromCreate({ id: ITEM, kind: "action", title: "Send the cut-over plan" }, MEETING, false, []),
    createdBy: DANA,
    updatedAt: "2026-11-24T15:00:00.000Z",
    ...overrides,
  };
}

function note(overrides: Partial<NoteDto> = {}): NoteDto {
  return { id: NOTE, agendaItemKey: "raid", body: "Customer wants Jan go-live", internalOnly: false, createdBy: DANA, version: 1, updatedAt: "2026-11-24T15:00:00.000Z", ...overrides };
}

function state(overrides: Partial<ServerState> = {}): ServerState {
  return {
    meetingId: MEETING,
    internalByDefault: false,
    canMarkInternal: true,
    items: [item()],
    carriedOver: [item({ id: CARRIED, title: "Order the test kit", raisedInMeetingId: OTHER_MEETING, version: 4 })],
    notes: [note()],
    agendaState: { currentAgendaItemKey: null, discussed: [] },
    people: [
      { id: DANA, name: "Dana Whitfield", organisation: "Contoso", attendee: true },
      { id: LEE, name: "Lee Park", organisation: "Riverbend", attendee: true },
    ],
    ...overrides,
  };
}

let opCounter = 0;
const opId = () => `op-${++opCounter}`;
const editItem = (version: number, changes: Extract<Op, { type: "updateItem" }>["changes"], itemId = ITEM): Op => ({ opId: opId(), type: "updateItem", itemId, version, changes });
const editNote = (version: number, changes: Extract<Op, { type: "updateNote" }>["changes"], noteId = NOTE): Op => ({ opId: opId(), type: "updateNote", noteId, version, changes });

describe("mergeById: the row with the higher version wins", () => {
  it("appends a row with a new id, keeping the order of the others", () => {
    const list = [item({ id: CARRIED }), item()];
    expect(mergeById(list, item({ id: NEW_ITEM })).map((i) => i.id)).toEqual([CARRIED, ITEM, NEW_ITEM]);
  });

  it("replaces a row with a newer or an equal version in place", () => {
    const list = [item({ id: CARRIED }), item({ version: 2 })];
    expect(mergeById(list, item({ version: 3, title: "newer" })).map((i) => [i.id, i.title])).toEqual([
      [CARRIED, "Send the cut-over plan"],
      [ITEM, "newer"],
    ]);
    // Equal version: the same row again (an event after the response that carried it); take it.
    expect(mergeById(list, item({ version: 2, title: "same version" }))[1]?.title).toBe("same version");
  });

  it("ignores an older version arriving late (a live event after the save's response), returning the list unchanged", () => {
    const list = [item({ version: 5, title: "after my save" })];
    const merged = mergeById(list, item({ version: 4, title: "stale event" }));
    expect(merged).toBe(list);
    expect(merged[0]?.title).toBe("after my save");
  });

  it("does not change the list it was given", () => {
    const list = [item({ version: 1 })];
    mergeById(list, item({ version: 2, title: "x" }));
    mergeById(list, item({ id: NEW_ITEM }));
    expect(list).toEqual([item({ version: 1 })]);
  });
});

describe("mergeItem and applyEvent: where a row goes", () => {
  it("an item raised in this meeting goes to items; one raised in another meeting, or in none, to carriedOver", () => {
    const s = state({ items: [], carriedOver: [] });
    expect(mergeItem(s, item()).items.map((i) => i.id)).toEqual([ITEM]);
    expect(mergeItem(s, item({ raisedInMeetingId: OTHER_MEETING })).carriedOver.map((i) => i.id)).toEqual([ITEM]);
    expect(mergeItem(s, item({ raisedInMeetingId: null })).carriedOver.map((i) => i.id)).toEqual([ITEM]);
  });

  it("applies item, note and agenda events; the agenda state is replaced whole (it has no version)", () => {
    let s = state();
    s = applyEvent(s, { id: 10, type: "item", entity: item({ version: 2, status: "closed" }) });
    s = applyEvent(s, { id: 11, type: "note", entity: note({ version: 3, body: "edited by Lee" }) });
    s = applyEvent(s, { id: 12, type: "agenda", entity: { currentAgendaItemKey: "raid", discussed: ["actions"] } });
    s = applyEvent(s, { id: 13, type: "agenda", entity: { currentAgendaItemKey: null, discussed: [] } });
    expect(s.items[0]?.status).toBe("closed");
    expect(s.notes[0]?.body).toBe("edited by Lee");
    expect(s.agendaState).toEqual({ currentAgendaItemKey: null, discussed: [] });
  });

  it("a removed event (the row became internal only) drops that item, carried-over item or note, and nothing else", () => {
    let s = state();
    s = applyEvent(s, { id: 20, type: "removed", entity: { kind: "item", id: ITEM } });
    expect(s.items).toEqual([]);
    expect(s.carriedOver.map((i) => i.id)).toEqual([CARRIED]);
    s = applyEvent(s, { id: 21, type: "removed", entity: { kind: "item", id: CARRIED } });
    expect(s.carriedOver).toEqual([]);
    expect(s.notes.map((n) => n.id)).toEqual([NOTE]);
    s = applyEvent(s, { id: 22, type: "removed", entity: { kind: "note", id: NOTE } });
    expect(s.notes).toEqual([]);
    expect(applyEvent(state(), { id: 23, type: "removed", entity: { kind: "item", id: NEW_ITEM } })).toEqual(state());
  });

  it("a replayed old event (reconnect with an older lastEventId) does not undo a newer row", () => {
    const s = applyEvent(state({ items: [item({ version: 3, title: "v3" })] }), { id: 5, type: "item", entity: item({ version: 2, title: "v2" }) });
    expect(s.items[0]?.title).toBe("v3");
  });
});

describe("itemFromCreate: the row shown before the server confirms a create", () => {
  it("fills the defaults: open, version 1, the meeting's internal default, the owner's name from the people list", () => {
    const row = itemFromCreate({ id: NEW_ITEM, kind: "risk", title: "Vendor slip", ownerId: LEE }, MEETING, true, state().people);
    expect(row).toMatchObject({ id: NEW_ITEM, kind: "risk", status: "open", version: 1, internalOnly: true, ownerName: "Lee Park", raisedInMeetingId: MEETING, dueDate: null, description: null });
  });

  it("an explicit internalOnly: false wins over an internal default; an owner not in the list has no name", () => {
    const row = itemFromCreate({ id: NEW_ITEM, kind: "action", title: "x", internalOnly: false, ownerId: NEW_NOTE }, MEETING, true, state().people);
    expect(row.internalOnly).toBe(false);
    expect(row.ownerId).toBe(NEW_NOTE);
    expect(row.ownerName).toBeNull();
  });
});

describe("viewOf: the server's rows with the queue laid over them", () => {
  it("with an empty queue, shows the server's rows, none pending", () => {
    const view = viewOf(state(), []);
    expect(view.items.map((i) => [i.id, i.pending])).toEqual([[ITEM, false]]);
    expect(view.carriedOver.map((i) => [i.id, i.pending])).toEqual([[CARRIED, false]]);
    expect(view.notes.map((n) => [n.id, n.pending])).toEqual([[NOTE, false]]);
  });

  it("shows a queued create as a pending row, and once the server has the row, shows the server's row once, not pending", () => {
    const create: Op = { opId: opId(), type: "createItem", body: { id: NEW_ITEM, kind: "decision", title: "Go-live 12 Jan" } };
    const createNote: Op = { opId: opId(), type: "createNote", body: { id: NEW_NOTE, agendaItemKey: "raid", body: "typed offline" } };
    const before = viewOf(state({ internalByDefault: true }), [create, createNote]);
    expect(before.items.map((i) => [i.id, i.pending, i.internalOnly])).toEqual([
      [ITEM, false, false],
      [NEW_ITEM, true, true],
    ]);
    expect(before.notes.map((n) => [n.id, n.pending, n.internalOnly])).toEqual([
      [NOTE, false, false],
      [NEW_NOTE, true, true],
    ]);

    // The create reached the server but the op is still queued (its answer was lost): the server's row, once.
    const confirmed = state({ items: [item(), item({ id: NEW_ITEM, title: "Go-live 12 Jan (server)" })], notes: [note(), note({ id: NEW_NOTE, body: "typed offline" })] });
    const after = viewOf(confirmed, [create, createNote]);
    expect(after.items.map((i) => [i.id, i.title, i.pending])).toEqual([
      [ITEM, "Send the cut-over plan", false],
      [NEW_ITEM, "Go-live 12 Jan (server)", false],
    ]);
    expect(after.notes.filter((n) => n.id === NEW_NOTE)).toHaveLength(1);
  });

  it("lays queued edits over items, carried-over items and notes, later edits on top, and marks them pending", () => {
    const queue = [
      editItem(1, { title: "first", ownerId: DANA }),
      editItem(1, { title: "second" }),
      editItem(4, { status: "closed" }, CARRIED),
      editNote(1, { body: "my wording", internalOnly: true }),
    ];
    const view = viewOf(state(), queue);
    expect(view.items[0]).toMatchObject({ title: "second", ownerId: DANA, ownerName: "Dana Whitfield", pending: true });
    expect(view.carriedOver[0]).toMatchObject({ status: "closed", title: "Order the test kit", pending: true });
    expect(view.notes[0]).toMatchObject({ body: "my wording", internalOnly: true, pending: true });
  });

  it("an edit that leaves a field undefined keeps it; null clears it (and clearing the owner clears the name)", () => {
    const s = state({ items: [item({ ownerId: LEE, ownerName: "Lee Park", dueDate: "2026-12-01" })] });
    const view = viewOf(s, [editItem(1, { title: "renamed", dueDate: undefined, ownerId: null })]);
    expect(view.items[0]).toMatchObject({ title: "renamed", dueDate: "2026-12-01", ownerId: null, ownerName: null });
  });

  it("an edit of a row the server does not have (yet) shows nothing and breaks nothing", () => {
    const view = viewOf(state(), [editItem(1, { title: "ghost" }, NEW_ITEM), editNote(1, { body: "ghost" }, NEW_NOTE)]);
    expect(view.items.map((i) => i.id)).toEqual([ITEM]);
    expect(view.notes.map((n) => n.id)).toEqual([NOTE]);
  });

  it("applies queued agenda changes in order, and never changes the server state it was given", () => {
    const s = state();
    const frozen = structuredClone(s);
    const view = viewOf(s, [
      { opId: opId(), type: "agendaState", body: { agendaItemKey: "raid", current: true, discussed: true } },
      { opId: opId(), type: "agendaState", body: { agendaItemKey: "actions", current: true } },
      editItem(1, { title: "changed" }),
    ]);
    expect(view.agendaState).toMatchObject({ currentAgendaItemKey: "actions", discussed: ["raid"] });
    // The item made current starts its shared timer now (the server's time replaces it when saved).
    expect(Date.parse(view.agendaState.currentStartedAt ?? "")).not.toBeNaN();
    expect(s).toEqual(frozen);
  });
});

describe("applyAgendaChange", () => {
  const empty = { currentAgendaItemKey: null, discussed: [] };

  it("marks discussed once, keeping the list sorted; unmarks", () => {
    let s = applyAgendaChange(empty, { agendaItemKey: "raid", discussed: true });
    s = applyAgendaChange(s, { agendaItemKey: "actions", discussed: true });
    s = applyAgendaChange(s, { agendaItemKey: "raid", discussed: true });
    expect(s.discussed).toEqual(["actions", "raid"]);
    expect(applyAgendaChange(s, { agendaItemKey: "raid", discussed: false }).discussed).toEqual(["actions"]);
    expect(applyAgendaChange(s, { agendaItemKey: "never-there", discussed: false }).discussed).toEqual(["actions", "raid"]);
  });

  it("current: true moves the pointer; current: false clears it only if it points at that item", () => {
    const s = applyAgendaChange(empty, { agendaItemKey: "raid", current: true });
    expect(s.currentAgendaItemKey).toBe("raid");
    expect(applyAgendaChange(s, { agendaItemKey: "actions", current: false }).currentAgendaItemKey).toBe("raid");
    expect(applyAgendaChange(s, { agendaItemKey: "raid", current: false }).currentAgendaItemKey).toBeNull();
  });

  it("starts the shared timer when another item becomes current, and keeps it when the same one is made current again", () => {
    const s = { currentAgendaItemKey: "raid", currentStartedAt: "2026-11-29T10:05:00.000Z", discussed: [] };
    expect(applyAgendaChange(s, { agendaItemKey: "raid", current: true }).currentStartedAt).toBe("2026-11-29T10:05:00.000Z");
    expect(applyAgendaChange(s, { agendaItemKey: "actions", current: true }).currentStartedAt).not.toBe("2026-11-29T10:05:00.000Z");
    expect(applyAgendaChange(s, { agendaItemKey: "raid", current: false }).currentStartedAt).toBeNull();
  });

  it("a change that says neither leaves the state as it was", () => {
    const s = { currentAgendaItemKey: "raid", discussed: ["raid"] };
    expect(applyAgendaChange(s, { agendaItemKey: "raid" })).toEqual(s);
  });
});

describe("holdsChanges: a resend whose first answer was lost finds its own change already saved", () => {
  it("true when the row holds every changed field (the 409 is then a save, not a conflict)", () => {
    expect(holdsChanges(item({ title: "mine", status: "closed", version: 2 }), { title: "mine", status: "closed" })).toBe(true);
  });

  it("false when any field differs: someone else changed it, a real conflict", () => {
    expect(holdsChanges(item({ title: "theirs", status: "closed" }), { title: "mine", status: "closed" })).toBe(false);
    expect(holdsChanges(note({ body: "Customer wants Jan go-live", internalOnly: false }), { internalOnly: true })).toBe(false);
  });

  it("fields left undefined are not compared; null must match null", () => {
    expect(holdsChanges(item({ title: "mine", dueDate: "2026-12-01" }), { title: "mine", dueDate: undefined })).toBe(true);
    expect(holdsChanges(item({ ownerId: null }), { ownerId: null })).toBe(true);
    expect(holdsChanges(item({ ownerId: LEE }), { ownerId: null })).toBe(false);
  });

  it("an edit with no changed field is held by any row", () => {
    expect(holdsChanges(item(), {})).toBe(true);
  });
});

describe("rebaseQueue: after one of my edits is saved, my later edits of that row were made on top of it", () => {
  it("moves the row's queued edits from the saved-from version to the new one, items and notes alike", () => {
    const queue = [editItem(1, { title: "second" }), editItem(1, { status: "closed" }), editNote(1, { body: "b" })];
    const items = rebaseQueue(queue, ITEM, 1, 2);
    expect(items.map((op) => (op.type === "updateItem" || op.type === "updateNote" ? op.version : 0))).toEqual([2, 2, 1]);
    const notes = rebaseQueue(queue, NOTE, 1, 5);
    expect(notes.map((op) => (op.type === "updateItem" || op.type === "updateNote" ? op.version : 0))).toEqual([1, 1, 5]);
  });

  it("leaves alone edits of other rows, edits made on another version, creates and agenda changes", () => {
    const queue: Op[] = [
      editItem(1, { title: "other row" }, CARRIED),
      editItem(3, { title: "made on a newer version (re-applied after a conflict)" }),
      { opId: opId(), type: "createItem", body: { id: NEW_ITEM, kind: "action", title: "x" } },
      { opId: opId(), type: "agendaState", body: { agendaItemKey: "raid", discussed: true } },
    ];
    const rebased = rebaseQueue(queue, ITEM, 1, 2);
    expect(rebased).toEqual(queue);
    rebased.forEach((op, i) => expect(op).toBe(queue[i]));
    const notes = [editNote(3, { body: "made on a newer version" }), editNote(1, { body: "other note" }, NEW_NOTE)];
    expect(rebaseQueue(notes, NOTE, 1, 2)).toEqual(notes);
  });

  it("chains: each save rebases the next, so three offline edits of one row all land without a conflict", () => {
    let queue = [editItem(1, { title: "a" }), editItem(1, { title: "b" }), editItem(1, { title: "c" })];
    let version = 1;
    const sentVersions: number[] = [];
    while (queue[0]) {
      const op = queue[0];
      if (op.type !== "updateItem") throw new Error("only item edits here");
      sentVersions.push(op.version);
      expect(op.version).toBe(version); // the server's optimistic check passes
      queue = rebaseQueue(queue.slice(1), ITEM, op.version, ++version);
    }
    expect(sentVersions).toEqual([1, 2, 3]);
  });

  it("does not change the queue it was given", () => {
    const queue = [editItem(1, { title: "a" })];
    const copy = structuredClone(queue);
    rebaseQueue(queue, ITEM, 1, 2);
    expect(queue).toEqual(copy);
  });
});
