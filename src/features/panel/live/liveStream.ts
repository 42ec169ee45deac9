import type { LiveEvent } from "../../../../contracts/capture";

export type ConnectionState = "connecting" | "live" | "reconnecting";

export interface LiveStreamOptions {
  /** The stream's URL resuming after an event id (credential in the query: EventSource sends no headers). */
  url: (lastEventId: number) => string;
  lastEventId: number;
  onEvent: (event: LiveEvent) => void;
  onState: (state: ConnectionState) => void;
  /** Each time the stream is (re)opened: a good moment to send what is queued. */
  onOpen: () => void;
}

export interface LiveStream {
  close(): void;
}

const RECONNECT_EVENT_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;

/**
 * One meeting's Server-Sent Events. The browser reconnects by itself after a dropped connection
 * (sending Last-Event-ID); when it gives up (server down, error status) or the server asks with a
 * `reconnect` event, this opens a new EventSource from the last id seen, so no event is missed.
 */
export function openLiveStream(opts: LiveStreamOptions): LiveStream {
  let source: EventSource | null = null;
  let last = opts.lastEventId;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let everOpen = false;
  let backoff = 1_000;

  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(connect, ms);
  };

  function connect(): void {
    if (stopped) return;
    clearTimeout(timer);
    source?.close();
    const es = new EventSource(opts.url(last));
    source = es;
    es.onopen = () => {
      everOpen = true;
      backoff = 1_000;
      opts.onState("live");
      opts.onOpen();
    };
    es.onmessage = (m: MessageEvent<string>) => {
      const id = Number(m.lastEventId);
      if (Number.isFinite(id) && id > 0) {
        if (id <= last) return;
        last = id;
      }
      try {
        opts.onEvent(JSON.parse(m.data) as LiveEvent);
      } catch {
        // not an event of ours
      }
    };
    es.addEventListener("reconnect", () => {
      es.close();
      opts.onState("reconnecting");
      schedule(RECONNECT_EVENT_DELAY_MS);
    });
    es.onerror = () => {
      if (source !== es) return;
      opts.onState(everOpen ? "reconnecting" : "connecting");
      if (es.readyState === EventSource.CLOSED) {
        schedule(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    };
  }

  const onOnline = () => {
    if (!source || source.readyState !== EventSource.OPEN) connect();
  };
  window.addEventListener("online", onOnline);
  connect();

  return {
    close() {
      stopped = true;
      clearTimeout(timer);
      source?.close();
      window.removeEventListener("online", onOnline);
    },
  };
}
