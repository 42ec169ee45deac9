import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/schema";
import { loadClassifierView, loadProjectMeetings, toMeeting } from "../../db/loadSnapshot";
import { recogniseCallType } from "../../domain/resolveCallType";

/**
 * Stores what a just linked or created meeting is recognised as (issue 15 §1), so the call keeps
 * its type when the classifier later changes. A meeting that already has a stored type, or is on
 * no project, is left as it is. A meeting of a known series (same subject) takes the series' type. Tenant-scoped; returns the stored type, or null when none was written.
 */
export async function storeRecognisedCallType(db: Db, tenantId: string, meetingId: string): Promise<string | null> {
  const [row] = await db
    .select()
    .from(t.meetings)
    .where(and(eq(t.meetings.tenantId, tenantId), eq(t.meetings.id, meetingId)))
    .limit(1);
  if (!row?.projectId || row.callType !== null) return null;
  const [[project, directory], series] = await Promise.all([
    loadClassifierView(db, tenantId, row.projectId),
    loadProjectMeetings(db, tenantId, row.projectId),
  ]);
  const { callType } = recogniseCallType(toMeeting(row), project, directory, series);
  await db
    .update(t.meetings)
    .set({ callType })
    .where(and(eq(t.meetings.tenantId, tenantId), eq(t.meetings.id, meetingId), isNull(t.meetings.callType)));
  return callType;
}
