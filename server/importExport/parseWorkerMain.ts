import { parentPort } from "node:worker_threads";
import { readTable } from "./readTable";
import { UnreadableFile } from "./table";
import { ImportLimitExceeded, type ImportLimits } from "./importLimits";

// One import file read per message, off the server's event loop (see tablePool.ts).

export interface ParseRequest {
  body: Uint8Array;
  filename: string;
  limits: ImportLimits;
}

export type ParseAnswer =
  | { ok: true; table: Awaited<ReturnType<typeof readTable>> }
  | { ok: false; kind: "unreadable"; message: string }
  | { ok: false; kind: "limit"; status: 413 | 422; message: string }
  | { ok: false; kind: "crash"; message: string };

parentPort?.on("message", (req: ParseRequest) => {
  readTable(Buffer.from(req.body.buffer, req.body.byteOffset, req.body.byteLength), req.filename, req.limits).then(
    (table) => parentPort?.postMessage({ ok: true, table } satisfies ParseAnswer),
    (e: unknown) => {
      const answer: ParseAnswer =
        e instanceof ImportLimitExceeded
          ? { ok: false, kind: "limit", status: e.status, message: e.message }
          : e instanceof UnreadableFile
            ? { ok: false, kind: "unreadable", message: e.message }
            : { ok: false, kind: "crash", message: e instanceof Error ? e.name : "error" };
      parentPort?.postMessage(answer);
    },
  );
});
parentPort?.postMessage({ ready: true });
