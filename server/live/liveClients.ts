import type { Response } from "express";

/** Open live streams, so a shutting-down instance can tell each client to reconnect elsewhere. */
export interface LiveClients {
  add(res: Response): () => void;
  /** Sends a "reconnect" event to every stream and ends it. */
  closeAll(): number;
  size(): number;
}

export function createLiveClients(): LiveClients {
  const open = new Set<Response>();
  return {
    add(res) {
      open.add(res);
      return () => open.delete(res);
    },
    closeAll() {
      const n = open.size;
      for (const res of open) {
        res.write(`event: reconnect\ndata: {"reason":"server shutting down"}\n\n`);
        res.end();
      }
      open.clear();
      return n;
    },
    size: () => open.size,
  };
}
