/** One thing a test starts, with how to close it again: `[start, close]`. */
export type Started<T> = readonly [Promise<T>, (started: T) => Promise<unknown>];

/**
 * Waits for several fixtures started at once (a database, local Entra, local Graph, a server,
 * Chromium…). Resolves with their values in order. If any start fails, every one that did start is
 * closed (errors while closing are ignored) and the first start error is thrown: nothing is left
 * running for the file's afterAll to miss, since its variables were never assigned.
 */
export async function startTogether<T extends unknown[]>(...parts: { [K in keyof T]: Started<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(parts.map(([start]) => start));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (!failed) return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as T;
  await Promise.all(
    settled.map((s, i) => (s.status === "fulfilled" ? Promise.resolve(parts[i]![1](s.value as never)).catch(() => undefined) : undefined)),
  );
  throw failed.reason;
}

/**
 * Reads a fixture a beforeAll sets: `what` named in the error when it was never set (the start
 * failed, or a test reads it at collection time).
 */
export function started<T>(what: string, value: T | undefined): T {
  if (value === undefined) throw new Error(`${what} did not start`);
  return value;
}
