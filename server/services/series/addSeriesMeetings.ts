import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import type { CallType } from "../../../contracts/types";
import type { SeriesTiming } from "../../graph/recurrenceFor";
import { SERIES_CHECK_DAYS } from "./draftSeries";
import { seriesOccurrences } from "./seriesOccurrences";

/**
 * Neither the outbox nor Graph mode syncs a new series back from a calendar, so its occurrences
 * in the next {@link SERIES_CHECK_DAYS} days become the project's calls here (they then show
 * under Calls). An occurrence with its own attendees (a backup for someone out) keeps them. In
 * Graph mode `join` carries the Teams meeting's identity (join link, join meeting id, thread;
 * every occurrence of a series shares one Teams meeting), so its links match these calls.
 * Idempotent per series: nothing is added when calls with its iCalUId exist. Returns how many were added.
 */
export async function addSeriesMeetings(
  db: Db,
  input: {
    tenantId: string;
    projectId: string;
    callType: CallType;
    subject: string;
    organizerEmail: string;
    attendees: { email: string; name: string }[];
    timing: SeriesTiming;
    iCalUId: string;
    now: Date;
    /** Occurrences with their own attendees, by local start in the series' zone ("YYYY-MM-DDTHH:MM:SS"). */
    occurrenceAttendees?: { localStart: string; attendees: { email: string; name: string }[] }[];
    join?: Partial<Pick<typeof t.meetings.$inferInsert, "joinWebUrl" | "joinMeetingId" | "joinThreadKey">>;
  },
): Promise<number> {
  const [existing] = await db
    .select({ id: t.meetings.id })
    .from(t.meetings)
    .where(and(eq(t.meetings.tenantId, input.tenantId), eq(t.meetings.iCalUId, input.iCalUId)))
    .limit(1);
  if (existing) return 0;
  const horizon = new Date(input.now.getTime() + SERIES_CHECK_DAYS * 86_400_000);
  const own = new Map((input.occurrenceAttendees ?? []).map((o) => [o.localStart, o.attendees]));
  const rows = seriesOccurrences(input.timing, horizon).map((o) => ({
    id: randomUUID(),
    tenantId: input.tenantId,
    projectId: input.projectId,
    subject: input.subject,
    startsAt: o.start.toISOString(),
    endsAt: o.end.toISOString(),
    organizerEmail: input.organizerEmail,
    attendees: (own.get(o.localStart) ?? input.attendees).map(({ email, name }) => ({ email, name })),
    callType: input.callType,
    callTypeOverride: input.callType,
    iCalUId: input.iCalUId,
    ...input.join,
  }));
  if (rows.length > 0) await db.insert(t.meetings).values(rows);
  return rows.length;
}
