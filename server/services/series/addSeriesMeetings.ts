import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import type { CallType } from "../../../contracts/types";
import type { SeriesTiming } from "../../graph/recurrenceFor";
import { SERIES_CHECK_DAYS } from "./draftSeries";
import { seriesOccurrences } from "./seriesOccurrences";

/**
 * Outbox mode has no calendar to sync the new series back from, so its occurrences in the next
 * {@link SERIES_CHECK_DAYS} days become the project's calls here (they then show under Calls).
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
  },
): Promise<number> {
  const [existing] = await db
    .select({ id: t.meetings.id })
    .from(t.meetings)
    .where(and(eq(t.meetings.tenantId, input.tenantId), eq(t.meetings.iCalUId, input.iCalUId)))
    .limit(1);
  if (existing) return 0;
  const horizon = new Date(input.now.getTime() + SERIES_CHECK_DAYS * 86_400_000);
  const rows = seriesOccurrences(input.timing, horizon).map((o) => ({
    id: randomUUID(),
    tenantId: input.tenantId,
    projectId: input.projectId,
    subject: input.subject,
    startsAt: o.start.toISOString(),
    endsAt: o.end.toISOString(),
    organizerEmail: input.organizerEmail,
    attendees: input.attendees.map(({ email, name }) => ({ email, name })),
    callType: input.callType,
    callTypeOverride: input.callType,
    iCalUId: input.iCalUId,
  }));
  if (rows.length > 0) await db.insert(t.meetings).values(rows);
  return rows.length;
}
