import { LRUCache } from "lru-cache";

/**
 * How long "no attendance report yet" is believed before Graph is asked again: 2 minutes on the
 * runbook clock. Teams writes a meeting's report some minutes after it ends, and until then every
 * recap preview (each panel open, each change of recipients) would cost two Graph calls
 * (onlineMeetings, attendanceReports) that answer the same. 2 minutes keeps a PM waiting for the
 * report at most 2 minutes past its arrival, and a busy preview session to one Graph read per 2
 * minutes per caller and meeting. A report once read is stored for good (migration 0020): this is
 * only for its absence.
 */
export const NO_REPORT_YET_MS = 2 * 60_000;

/**
 * The callers and meetings for which Graph said "no attendance report yet", until when (one per
 * process: each instance asks on its own). Keyed by tenant, meeting and caller, since what Graph
 * answers depends on who asks (only the organiser reads reports).
 */
export interface AttendancePending {
  /** True while a "no report yet" seen at or after `now - NO_REPORT_YET_MS` still holds. */
  holds(key: AttendancePendingKey, now: Date): boolean;
  /** Records Graph's "no report yet" at `now`. */
  note(key: AttendancePendingKey, now: Date): void;
}

export interface AttendancePendingKey {
  tenantId: string;
  meetingId: string;
  /** The caller (RequestContext.userId). */
  userId: string;
}

/** An in-memory AttendancePending (lru-cache, 5,000 entries at most). */
export function createAttendancePending(): AttendancePending {
  const until = new LRUCache<string, number>({ max: 5_000 });
  const keyOf = (k: AttendancePendingKey): string => `${k.tenantId}:${k.meetingId}:${k.userId}`;
  return {
    holds: (key, now) => now.getTime() < (until.get(keyOf(key)) ?? 0),
    note: (key, now) => void until.set(keyOf(key), now.getTime() + NO_REPORT_YET_MS),
  };
}
