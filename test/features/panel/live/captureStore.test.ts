import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CaptureDto, CapturedItemDto, NoteDto } from "../../../../contracts/capture";
import type { Op } from "../../../../src/features/panel/live/captureModel";
import { CaptureStore, type CaptureDeps } from "../../../../src/features/panel/live/captureStore";
import type { SendResult } from "../../../../src/features/panel/live/sendOp";

// The queue's conflict rules as the store applies them: what a 409, a save, a refusal and a lost
// connection do to the operations still waiting. The server is played by a scripted sendOp.

const MEETING = "11111111-1111-4111-8111-111111111111";
const ITEM = "55555555-5555-4555-8555-555555555555";
const OTHER_ITEM = "66666666-6666-4666-8666-666666666666";
const NOTE = "77777777-7777-4777-8777-777777777777";

const item = (o: Partial<CapturedItemDto> = {}): CapturedItemDto => ({
  id: ITEM, kind: "action", title: "Send the cut-over plan", description: null, ownerId: null, ownerName: null, dueDate: null, status: "open",
  internalOnly: false, agendaItemKey: null, raisedInMeetingId: MEETING, provider: null, deliverable: null, recipient: null, neededFor: null,
  decidedBy: null, decidedAt: null, reportedBy: null, reportedAt: null, location: null, reproSteps: null, createdBy: null, version: 1,
  updatedAt: "2026-11-24T15:00:00.000Z", ...o,
});
const note = (o: Partial<NoteDto> = {}): NoteDto => ({ id: NOTE, agendaItemKey: "raid", body: "first words", internalOnly: false, createdBy: null, version: 1, updatedAt: "", ...o });
const capture = (): CaptureDto => ({
  meetingId: MEETING, internalByDefault: false, canMarkInternal: true, items: [item(), item({ id: OTHER_ITEM, title: "Other" })], carriedOver: [], notes: [note()],
  agendaState: { currentAgendaItemKey: null, discussed: [] }, people: [], lastEventId: 0,
});

/** A sendOp whose answers the test gives one at a time, in order. */
function scriptedServer() {
  const sent: Op[] = [];
  const waiting: ((r: SendResult) => void)[] = [];
  const sendOp: CaptureDeps["sendOp"] = (_meetingId, op) => {
    sent.push(structuredClone(op));
    return new Promise((resolve) => waiting.push(resolve));
  };
  const answer = async (result: SendResult) => {
    await tick();
    const next = waiting.shift();
    if (!next) throw new Error(`no request is waiting (sent so far: ${sent.length})`);
    next(result);
    await tick();
  };
  return { sent, sendOp, answer };
}

const tick = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

let storage: Map<string, string>;
let stores: CaptureStore[] = [];

beforeEach(() => {
  storage = new Map();
  vi.stubGlobal("window", { addEventListener: () => undefined, removeEventListener: () => undefined });
  vi.stubGlobal("localStorage", {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
    removeItem: (k: string) => void storage.delete(k),
  });
});

afterEach(() => {
  for (const s of stores) s.stop();
  stores = [];
  vi.unstubAllGlobals();
});

async function startStore(server: ReturnType<typeof scriptedServer>): Promise<CaptureStore> {
  const store = new CaptureStore(MEETING, { sendOp: server.sendOp, fetchCapture: () => Promise.resolve(capture()), openLiveStream: () => ({ close: () => undefined }) });
  stores.push(store);
  store.start();
  await tick();
  return store;
}

describe("CaptureStore: the offline queue's conflict rules", () => {
  it("a 409 with someone else's change becomes one conflict holding all my queued edits of that row; other rows' edits still go", async () => {
    const server = scriptedServer();
    const store = await startStore(server);
    store.editItem(ITEM, 1, { title: "mine" });
    store.editItem(ITEM, 1, { status: "closed" });
    store.editItem(OTHER_ITEM, 1, { title: "other row, mine" });
    store.editItem(ITEM, 1, { title: "mine, later" });
    expect(store.getSnapshot().unsynced).toBe(4);

    await server.answer({ kind: "conflict", item: item({ version: 2, title: "theirs" }) });
    const after = store.getSnapshot();
    expect(after.conflicts[ITEM]).toEqual({ kind: "item", id: ITEM, mine: { title: "mine, later", status: "closed" }, theirs: item({ version: 2, title: "theirs" }) });
    expect(after.view?.items.find((i) => i.id === ITEM)).toMatchObject({ title: "theirs", version: 2, pending: false });
    expect(server.sent.map((op) => (op.type === "updateItem" ? [op.itemId, op.changes] : op.type))).toEqual([
      [ITEM, { title: "mine" }],
      [OTHER_ITEM, { title: "other row, mine" }],
    ]);
    await server.answer({ kind: "saved", item: item({ id: OTHER_ITEM, title: "other row, mine", version: 2 }) });
    expect(store.getSnapshot().unsynced).toBe(0);
  });

  it("keep theirs drops my change; apply mine again resends it on top of their version", async () => {
    const server = scriptedServer();
    const store = await startStore(server);
    store.editNote(NOTE, 1, { body: "my words" });
    await server.answer({ kind: "conflict", note: note({ version: 3, body: "Lee's words" }) });
    expect(Object.keys(store.getSnapshot().conflicts)).toEqual([NOTE]);

    store.applyMineAgain(NOTE);
    expect(store.getSnapshot().conflicts).toEqual({});
    await tick();
    expect(server.sent[1]).toMatchObject({ type: "updateNote", noteId: NOTE, version: 3, changes: { body: "my words" } });
    await server.answer({ kind: "conflict", note: note({ version: 4, body: "Lee again" }) });

    store.keepTheirs(NOTE);
    await tick();
    expect(store.getSnapshot().conflicts).toEqual({});
    expect(store.getSnapshot().view?.notes[0]).toMatchObject({ body: "Lee again", pending: false });
    expect(server.sent).toHaveLength(2);
  });

  it("a save rebases my next queued edit of that row onto the saved version, so it does not conflict with myself", async () => {
    const server = scriptedServer();
    const store = await startStore(server);
    store.editItem(ITEM, 1, { title: "a" });
    store.editItem(ITEM, 1, { title: "b" });
    await server.answer({ kind: "saved", item: item({ version: 2, title: "a" }) });
    expect(server.sent[1]).toMatchObject({ itemId: ITEM, version: 2, changes: { title: "b" } });
    await server.answer({ kind: "saved", item: item({ version: 3, title: "b" }) });
    expect(store.getSnapshot().view?.items[0]).toMatchObject({ title: "b", version: 3, pending: false });
    expect(store.getSnapshot().conflicts).toEqual({});
  });

  it("a refused operation becomes a failure the user can see, and the queue moves on", async () => {
    const server = scriptedServer();
    const store = await startStore(server);
    store.editItem(ITEM, 1, { title: "" });
    store.editItem(OTHER_ITEM, 1, { status: "closed" });
    await server.answer({ kind: "rejected", message: "title: must not be empty" });
    expect(store.getSnapshot().failures.map((f) => f.message)).toEqual(["title: must not be empty"]);
    expect(server.sent[1]).toMatchObject({ itemId: OTHER_ITEM });
  });

  it("an operation that did not reach the server stays queued, in localStorage, and a reopened panel sends it", async () => {
    const server = scriptedServer();
    const store = await startStore(server);
    store.editItem(ITEM, 1, { title: "typed on the train" });
    await server.answer({ kind: "retry", message: "Failed to fetch" });
    expect(store.getSnapshot().unsynced).toBe(1);
    store.stop();

    const reopened = scriptedServer();
    await startStore(reopened);
    expect(reopened.sent).toEqual([expect.objectContaining({ type: "updateItem", itemId: ITEM, version: 1, changes: { title: "typed on the train" } })]);
    await reopened.answer({ kind: "saved", item: item({ version: 2, title: "typed on the train" }) });
    expect([...storage.keys()]).toEqual([]);
  });
});
