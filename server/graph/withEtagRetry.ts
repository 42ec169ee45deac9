import { GraphRequestFailed } from "./MailCalendarGateway";

/**
 * An optimistic-concurrency write to Microsoft Graph, tried again after the resource is re-read.
 * Planner versions every resource with an ETag; a PATCH carries the last ETag read in `If-Match`
 * and Graph answers 412 Precondition Failed when the resource changed since (Microsoft Graph,
 * "Planner resource versioning" in the Planner API overview, and "Update plannerTask").
 *
 * `write(state)` makes one attempt against `state` (the resource as last read, e.g. a task with
 * its ETag, or null when it is gone: `write` decides what that means). When it throws
 * GraphRequestFailed 412, `onConflict()` runs, `reread()` fetches the resource again and `write`
 * is tried with that, at most `maxRetries` times after the first attempt; the last 412, and any
 * other error, is thrown to the caller unchanged. Returns what the successful attempt returned.
 */
export async function withEtagRetry<S, R>(
  first: S,
  write: (state: S) => Promise<R>,
  reread: () => Promise<S>,
  options: { maxRetries: number; onConflict?: () => void },
): Promise<R> {
  let state = first;
  for (let retry = 0; ; retry++) {
    try {
      return await write(state);
    } catch (error) {
      if (!(error instanceof GraphRequestFailed) || error.status !== 412 || retry >= options.maxRetries) throw error;
      options.onConflict?.();
      state = await reread();
    }
  }
}
