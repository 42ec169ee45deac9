import type { CaptureDto, CreateItemBody } from "../../../../contracts/capture";
import { api, authorization, takePrefetched } from "../../../api/client";
import { applyEvent, type AgendaChange, type Conflict, type ItemChanges, type NoteChanges, type Op, type ServerState } from "./captureModel";
import { loadQueue, newId, saveQueue } from "./opStorage";
import { openLiveStream, type ConnectionState, type LiveStream, type LiveStreamOptions } from "./liveStream";
import { sendOp } from "./sendOp";
import { settleOp, type Failure } from "./settleOp";
import { buildSnapshot, type CaptureSnapshot } from "./captureSnapshot";

export type { CaptureSnapshot } from "./captureSnapshot";
export type { Failure } from "./settleOp";

/** The store's edges (the server's answers, the live stream), replaced by fakes in tests. */
export interface CaptureDeps {
  sendOp: typeof sendOp;
  fetchCapture: (meetingId: string) => Promise<CaptureDto>;
  openLiveStream: (opts: LiveStreamOptions) => LiveStream;
}

const defaultDeps: CaptureDeps = {
  sendOp,
  fetchCapture: (id) => takePrefetched<CaptureDto>(`/meetings/${id}/capture`) ?? api<CaptureDto>(`/meetings/${id}/capture`),
  openLiveStream,
};

const MAX_RETRY_MS = 10_000;

/**
 * Everything the side panel captures for one meeting: the server's rows, kept current by the live
 * stream; the user's operations, queued in localStorage and sent in order; conflicts and failures.
 */
export class CaptureStore {
  private server: ServerState | null = null;
  private queue: Op[];
  private conflicts: Record<string, Conflict> = {};
  private failures: Failure[] = [];
  private load: CaptureSnapshot["load"] = { state: "loading" };
  private connection: ConnectionState = "connecting";
  private stored = true;
  private listeners = new Set<() => void>();
  private snapshot: CaptureSnapshot;
  private stream: LiveStream | null = null;
  private flushing = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryMs = 1_000;
  private running = false;
  private generation = 0;

  constructor(
    readonly meetingId: string,
    private readonly deps: CaptureDeps = defaultDeps,
  ) {
    this.queue = loadQueue(meetingId);
    this.snapshot = this.build();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CaptureSnapshot => this.snapshot;

  start(): void {
    if (this.running) return;
    this.running = true;
    window.addEventListener("online", this.onOnline);
    void this.reload();
  }

  stop(): void {
    this.running = false;
    this.generation++;
    window.removeEventListener("online", this.onOnline);
    clearTimeout(this.retryTimer);
    this.stream?.close();
    this.stream = null;
  }

  /** Loads the capture, then follows the live stream from the snapshot's last event. */
  async reload(): Promise<void> {
    const generation = ++this.generation;
    this.stream?.close();
    this.stream = null;
    this.load = { state: "loading" };
    this.emit();
    try {
      const capture = await this.deps.fetchCapture(this.meetingId);
      if (generation !== this.generation) return;
      const { lastEventId, ...state } = capture;
      this.server = state;
      this.load = { state: "ready" };
      this.openStream(lastEventId);
    } catch (e) {
      if (generation !== this.generation) return;
      this.load = { state: "error", message: e instanceof Error ? e.message : String(e) };
    }
    this.emit();
    void this.flush();
  }

  addItem(body: Omit<CreateItemBody, "id">): string {
    const id = newId();
    this.enqueue({ opId: newId(), type: "createItem", body: { ...body, id } });
    return id;
  }

  /**
   * Takes back an item I just added. Not sent yet: the create leaves the queue and nobody ever sees it.
   * Already on the server: it is closed, a versioned edit every participant sees ("dropped" | "closed").
   */
  undoAdd(itemId: string): "dropped" | "closed" {
    const inFlight = this.flushing ? this.queue[0] : undefined;
    const queued = this.queue.find((op) => op.type === "createItem" && op.body.id === itemId);
    if (queued && queued !== inFlight) {
      this.queue = this.queue.filter((op) => op !== queued && !(op.type === "updateItem" && op.itemId === itemId));
      this.persist();
      this.emit();
      return "dropped";
    }
    const item = this.snapshot.view?.items.find((i) => i.id === itemId);
    this.editItem(itemId, this.currentVersion(itemId) ?? item?.version ?? 1, { status: "closed" });
    return "closed";
  }

  /** `version` is the one the user was looking at when they started the edit. */
  editItem(itemId: string, version: number, changes: ItemChanges): void {
    this.enqueue({ opId: newId(), type: "updateItem", itemId, version, changes });
  }

  addNote(agendaItemKey: string, body: string, internalOnly: boolean): void {
    this.enqueue({ opId: newId(), type: "createNote", body: { id: newId(), agendaItemKey, body, internalOnly } });
  }

  editNote(noteId: string, version: number, changes: NoteChanges): void {
    this.enqueue({ opId: newId(), type: "updateNote", noteId, version, changes });
  }

  setAgenda(change: AgendaChange): void {
    this.enqueue({ opId: newId(), type: "agendaState", body: change });
  }

  /** Drops my conflicting change: the row stays as the other person left it. */
  keepTheirs(id: string): void {
    const { [id]: _gone, ...rest } = this.conflicts;
    this.conflicts = rest;
    this.emit();
  }

  /** Sends my change again on top of the row as it is now. */
  applyMineAgain(id: string): void {
    const c = this.conflicts[id];
    if (!c) return;
    this.keepTheirs(id);
    if (c.kind === "item") this.editItem(id, this.currentVersion(id) ?? c.theirs.version, c.mine);
    else this.editNote(id, this.currentVersion(id) ?? c.theirs.version, c.mine);
  }

  retryFailure(opId: string): void {
    const f = this.failures.find((x) => x.op.opId === opId);
    this.failures = this.failures.filter((x) => x.op.opId !== opId);
    if (f) this.enqueue({ ...f.op, opId: newId() });
    else this.emit();
  }

  discardFailure(opId: string): void {
    this.failures = this.failures.filter((x) => x.op.opId !== opId);
    this.emit();
  }

  private currentVersion(id: string): number | undefined {
    const s = this.server;
    return s?.items.find((i) => i.id === id)?.version ?? s?.carriedOver.find((i) => i.id === id)?.version ?? s?.projectRaid?.find((i) => i.id === id)?.version ?? s?.notes.find((n) => n.id === id)?.version;
  }

  private onOnline = () => {
    if (this.load.state === "error") void this.reload();
    else void this.flush();
  };

  private openStream(lastEventId: number): void {
    const base = `/api/meetings/${this.meetingId}/events`;
    this.stream = this.deps.openLiveStream({
      lastEventId,
      url: (last) => `${base}?lastEventId=${last}`,
      authorization,
      onEvent: (event) => {
        if (!this.server) return;
        this.server = applyEvent(this.server, event);
        this.emit();
      },
      onState: (state) => {
        this.connection = state;
        this.emit();
      },
      onOpen: () => void this.flush(),
    });
  }

  private enqueue(op: Op): void {
    this.queue = [...this.queue, op];
    this.persist();
    this.emit();
    void this.flush();
  }

  /** Sends the queue in order, one operation at a time; stops at the first that cannot reach the server. */
  private async flush(): Promise<void> {
    if (this.flushing || !this.running) return;
    this.flushing = true;
    clearTimeout(this.retryTimer);
    try {
      for (let op = this.queue[0]; op; op = this.queue[0]) {
        const result = await this.deps.sendOp(this.meetingId, op);
        if (!this.running) return;
        if (result.kind === "retry") {
          this.retryTimer = setTimeout(() => void this.flush(), this.retryMs);
          this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
          return;
        }
        this.retryMs = 1_000;
        const rest = this.queue.filter((q) => q.opId !== op?.opId);
        ({ server: this.server, queue: this.queue, conflicts: this.conflicts, failures: this.failures } = settleOp(
          { server: this.server, queue: rest, conflicts: this.conflicts, failures: this.failures },
          op,
          result,
        ));
        this.persist();
        this.emit();
      }
    } finally {
      this.flushing = false;
    }
  }

  private persist(): void {
    this.stored = saveQueue(this.meetingId, this.queue);
  }

  private build(): CaptureSnapshot {
    const { load, server, queue, connection, conflicts, failures, stored } = this;
    return buildSnapshot({ load, server, queue, connection, conflicts, failures, stored });
  }

  private emit(): void {
    this.snapshot = this.build();
    for (const l of this.listeners) l();
  }
}
