import { fetchEventSource, type EventSourceMessage } from "@microsoft/fetch-event-source";
import type { LiveEvent } from "../../../../contracts/capture";

export type ConnectionState = "connecting" | "live" | "reconnecting";

export interface LiveStreamOptions {
  /** The stream's URL resuming after an event id. It carries no credential (issue 13 §6). */
  url: (lastEventId: number) => string;
  /** The Authorization value, fetched afresh for every (re)connection (an SSO token may have expired). */
  authorization: () => Promise<string | null>;
  lastEventId: number;
  onEvent: (event: LiveEvent) => void;
  onState: (state: ConnectionState) => void;
  /** Each time the stream is (re)opened: a good moment to send what is queued. */
  onOpen: () => void;
  /**
   * Given: a refusal that asking again cannot change (401, 403, 404: the stage's ticket has expired
   * or is not for this meeting) ends the stream for good and is passed here with its status.
   * Absent: every refusal is retried with backoff (the panel's SSO token is fetched afresh each time).
   */
  onRefused?: (status: number) => void;
}

export interface LiveStream {
  close(): void;
}

const RECONNECT_EVENT_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;

/** The server refused the stream for good (see LiveStreamOptions.onRefused). */
class StreamRefused extends Error {
  constructor(readonly status: number) {
    super("stream refused");
  }
}

/** Ends one connection; the loop below decides when to open the next. */
class StreamEnded extends Error {
  constructor(readonly delayMs: number | null) {
    super("stream ended");
  }
}

/**
 * One meeting's Server-Sent Events over fetch (@microsoft/fetch-event-source), so the credential
 * travels in the Authorization header, never in the URL (EventSource cannot send headers, and a
 * URL lands in access logs and history). A dropped connection, an error status (429 when the
 * stream caps are reached, 5xx) or the server's `reconnect` event opens a new connection from the
 * last id seen, with backoff, so no event is missed. With `onRefused`, a 401/403/404 ends it instead.
 */
export function openLiveStream(opts: LiveStreamOptions): LiveStream {
  let last = opts.lastEventId;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | null = null;
  let stopped = false;
  let everOpen = false;
  let open = false;
  let backoff = 1_000;

  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void connect(), ms);
  };

  const onMessage = (m: EventSourceMessage) => {
    if (m.event === "reconnect") throw new StreamEnded(RECONNECT_EVENT_DELAY_MS);
    if (m.event && m.event !== "message") return;
    const id = Number(m.id);
    if (m.id && Number.isFinite(id) && id > 0) {
      if (id <= last) return;
      last = id;
    }
    if (!m.data) return;
    try {
      opts.onEvent(JSON.parse(m.data) as LiveEvent);
    } catch {
      // not an event of ours
    }
  };

  async function connect(): Promise<void> {
    if (stopped) return;
    clearTimeout(timer);
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    open = false;
    let delay: number | null = null;
    try {
      const auth = await opts.authorization();
      if (stopped || mine.signal.aborted) return;
      await fetchEventSource(opts.url(last), {
        signal: mine.signal,
        headers: auth ? { Authorization: auth } : {},
        // Keep the stream while the tab is hidden: a call's panel is often behind the meeting window.
        openWhenHidden: true,
        onopen: async (res) => {
          if (opts.onRefused && [401, 403, 404].includes(res.status)) throw new StreamRefused(res.status);
          if (!res.ok || !(res.headers.get("content-type") ?? "").startsWith("text/event-stream")) throw new StreamEnded(null);
          everOpen = true;
          open = true;
          backoff = 1_000;
          opts.onState("live");
          opts.onOpen();
        },
        onmessage: onMessage,
        onclose: () => {
          throw new StreamEnded(null);
        },
        // Never the library's own retry: ours resumes from the last id with a fresh credential.
        onerror: (error: unknown) => {
          throw error instanceof StreamEnded || error instanceof StreamRefused ? error : new StreamEnded(null);
        },
      });
    } catch (error) {
      if (error instanceof StreamRefused && !stopped && controller === mine) {
        stop();
        opts.onRefused?.(error.status);
        return;
      }
      delay = error instanceof StreamEnded ? error.delayMs : null;
    }
    if (stopped || controller !== mine) return;
    open = false;
    opts.onState(everOpen ? "reconnecting" : "connecting");
    if (delay !== null) schedule(delay);
    else {
      schedule(backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  }

  const onOnline = () => {
    if (!open) void connect();
  };
  window.addEventListener("online", onOnline);
  void connect();

  function stop(): void {
    stopped = true;
    clearTimeout(timer);
    controller?.abort();
    window.removeEventListener("online", onOnline);
  }

  return { close: stop };
}
