// The server's clock, as the browser sees it (issue 15 §5: one clock). Every /api answer carries
// the server's current instant in the `X-Callbook-Now` header (ISO 8601, UTC). The first one read
// fixes an offset from the browser's clock; "now" and "today" in the UI are the browser's clock
// plus that offset, so a server started with CALLBOOK_NOW shows that moment's "today" everywhere.

import { panelDates } from "../features/panel/dates/panelDates";
import { sessionConfigResponse } from "./bootstrap";

/** The response header naming the server's current instant (ISO 8601 UTC). Mirrors server/app.ts. */
export const SERVER_NOW_HEADER = "X-Callbook-Now";

let offsetMs = 0;

/**
 * Reads the server's instant from a /api response, once per response; later answers refine the
 * offset (a set clock runs forward with real time, so the offset is steady). A missing or bad
 * header leaves the offset unchanged.
 */
export function noteServerTime(headers: Headers, browserNow: number = Date.now()): void {
  const sent = headers.get(SERVER_NOW_HEADER);
  const at = sent ? Date.parse(sent) : Number.NaN;
  if (Number.isFinite(at)) offsetMs = at - browserNow;
}

/** The server's current instant, in milliseconds since the epoch. */
export function serverNow(): number {
  return Date.now() + offsetMs;
}

/**
 * The server's "today" as a calendar date `YYYY-MM-DD`, in `timeZone` (an IANA name) when given,
 * else in the viewer's own zone.
 */
export function serverToday(timeZone?: string): string {
  return panelDates({ locale: undefined, timeZone }).today(serverNow());
}

/**
 * Reads the server's clock before the first screen renders (one unauthenticated GET of
 * /api/session/config). Never fails: without an answer the browser's clock stands.
 */
export async function syncServerClock(): Promise<void> {
  try {
    const res = await sessionConfigResponse();
    noteServerTime(res.headers);
  } catch {
    // offline or no server: keep the browser's clock
  }
}
