import { Worker } from "node:worker_threads";
import type { ParseAnswer, ParseRequest } from "./parseWorkerMain";
import { ImportLimitExceeded, limitMessages, type ImportLimits } from "./importLimits";
import { UnreadableFile, type Table } from "./table";

// Import files are read in worker threads, so a heavy file never holds the server's event loop
// (audience-walls issue, section 3). A small pool: at most `size` files are read at once, the
// others wait their turn; a worker past the parse-time limit is stopped and replaced.

const WORKER_HEAP_MB = 512;

interface Job {
  request: ParseRequest;
  resolve: (t: Table) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/** A pool of table readers. `read` resolves the table or rejects UnreadableFile / ImportLimitExceeded. */
export class TablePool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];

  constructor(private readonly size = 2) {}

  /** Reads `body` (named `filename`, which tells .xlsx from text) in a worker, under `limits`. */
  read(body: Buffer, filename: string, limits: ImportLimits): Promise<Table> {
    const copy = new Uint8Array(body.byteLength);
    copy.set(body);
    return new Promise<Table>((resolve, reject) => {
      this.queue.push({ request: { body: copy, filename, limits }, resolve, reject });
      this.pump();
    });
  }

  /** Stops every worker (tests, shutdown). */
  async close(): Promise<void> {
    const all = [...this.slots];
    this.slots.clear();
    await Promise.all(all.map((s) => s.worker.terminate()));
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.ready && !slot.job) this.start(slot, this.queue.shift() as Job);
    }
    if (this.queue.length > 0 && this.slots.size < this.size) this.spawn();
  }

  private spawn(): void {
    const worker = new Worker(new URL("./parseWorker.mjs", import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.unref();
    const slot: Slot = { worker, ready: false, job: null, timer: null };
    this.slots.add(slot);
    worker.on("message", (m: ParseAnswer | { ready: true }) => {
      if ("ready" in m) {
        slot.ready = true;
        this.pump();
        return;
      }
      const job = slot.job;
      this.finish(slot);
      if (!job) return;
      if (m.ok) job.resolve(m.table);
      else if (m.kind === "limit") job.reject(new ImportLimitExceeded(m.status, m.message));
      else if (m.kind === "unreadable") job.reject(new UnreadableFile(m.message));
      else job.reject(new Error(`the import reader failed (${m.message})`));
      this.pump();
    });
    worker.on("error", (e: Error & { code?: string }) => {
      const job = slot.job;
      this.drop(slot);
      const limits = job?.request.limits;
      if (job && limits && e.code === "ERR_WORKER_OUT_OF_MEMORY") job.reject(new ImportLimitExceeded(413, limitMessages.unzipped(limits)));
      else job?.reject(e);
      this.pump();
    });
    worker.on("exit", () => {
      const job = slot.job;
      this.drop(slot);
      job?.reject(new Error("the import reader stopped"));
      this.pump();
    });
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      this.drop(slot);
      void slot.worker.terminate();
      job.reject(new ImportLimitExceeded(422, limitMessages.parseMs(job.request.limits)));
      this.pump();
    }, job.request.limits.parseMs);
    slot.worker.postMessage(job.request, [job.request.body.buffer as ArrayBuffer]);
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker.unref();
  }

  private drop(slot: Slot): void {
    this.finish(slot);
    this.slots.delete(slot);
  }
}

let shared: TablePool | null = null;
/** The process's pool, made on first use. */
export const sharedTablePool = (): TablePool => (shared ??= new TablePool(2));
