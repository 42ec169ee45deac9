import { EventEmitter } from "node:events";

/**
 * Tells listeners that a meeting has new events. It carries no content: listeners read the
 * event table from the last id they sent, so nothing is lost and order is the table's.
 */
export interface LiveBus {
  publish(meetingId: string): void;
  subscribe(meetingId: string, listener: () => void): () => void;
  close(): Promise<void>;
}

/** One process: an in-memory emitter (the embedded default). */
export function createLocalBus(): LiveBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: (meetingId) => {
      emitter.emit(meetingId);
    },
    subscribe: (meetingId, listener) => {
      emitter.on(meetingId, listener);
      return () => emitter.off(meetingId, listener);
    },
    close: async () => {
      emitter.removeAllListeners();
    },
  };
}
