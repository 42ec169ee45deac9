import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import type { RequestContext } from "../../http/requestContext";
import type { CallType } from "../../../contracts/types";
import { loadMeetingContext } from "./loadMeetingContext";

/**
 * Overrides a meeting's call type (null clears the override and goes back to the classifier),
 * recording who set it and bumping the row's version. The caller must be able to see the
 * meeting: loadMeetingContext throws 404/403 otherwise. Tenant-scoped.
 */
export async function setCallType(db: Db, ctx: RequestContext, meetingId: string, callType: CallType | null): Promise<void> {
  const mc = await loadMeetingContext(db, ctx, meetingId);
  await db
    .update(t.meetings)
    .set({ callTypeOverride: callType, callTypeSetBy: callType ? ctx.name : null, version: mc.row.version + 1 })
    .where(and(eq(t.meetings.tenantId, ctx.tenantId), eq(t.meetings.id, meetingId)));
}
