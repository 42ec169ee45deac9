import { and, desc, eq, isNull, or } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import type { CallType } from "../../../contracts/types";

/**
 * The project's calls of one type (the PM's override wins over the classifier's guess), newest
 * first, at most 20: what "Create series" reads its default day, time and length from.
 */
export async function existingCallsOfType(db: Db, tenantId: string, projectId: string, callType: CallType): Promise<{ subject: string; startsAt: string; endsAt: string }[]> {
  return db
    .select({ subject: t.meetings.subject, startsAt: t.meetings.startsAt, endsAt: t.meetings.endsAt })
    .from(t.meetings)
    .where(
      and(
        eq(t.meetings.tenantId, tenantId),
        eq(t.meetings.projectId, projectId),
        or(eq(t.meetings.callTypeOverride, callType), and(isNull(t.meetings.callTypeOverride), eq(t.meetings.callType, callType))),
      ),
    )
    .orderBy(desc(t.meetings.startsAt))
    .limit(20);
}
