/**
 * The one clock every runbook rule, route, job and the demo seed reads (CONVENTIONS habit 6).
 * A Clock answers the current instant as a Date. Token expiry, network time-outs and the
 * database's own now() do not use it: they stay on real time.
 */
export type Clock = () => Date;

/** Real time. */
export const systemClock: Clock = () => new Date();

/**
 * A clock that reads `startAt` at the moment it is made and then runs forward with real time
 * (so "10 minutes later" is 10 real minutes later). Used for CALLBOOK_NOW (demo rehearsals, tests).
 * `realNow` is milliseconds since the epoch (Date.now by default).
 */
export function clockStartingAt(startAt: Date, realNow: () => number = Date.now): Clock {
  const offsetMs = startAt.getTime() - realNow();
  return () => new Date(realNow() + offsetMs);
}
