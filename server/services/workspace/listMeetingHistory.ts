import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import * as t from "../../db/tables";
import { loadSnapshot, toMeeting } from "../../db/loadSnapshot";
import { resolveCallType } from "../../domain/resolveCallType";
import type { MeetingHistoryDto, Page, meetingHistoryQuery } from "../../../contracts/workspace";
import { meetingHistoryDto } from "../../presenters/workspace";
import { directoryFor } from "../meetings/loadMeetingContext";
import { pageByNewest } from "./pageRows";
import { callerAudience, isInternalMeeting } from "../audience/callerAudience";
import type { Scope } from "./projectScope";

/**
 * The project's meetings (with `q.series`, only the calls of that series: its iCalUId), newest first,
 * paged, each with its resolved call type and recap state at `s.now`.
 * An external caller's page leaves out internal meetings (it may come out shorter than the limit).
 */
export async function listMeetingHistory(s: Scope, q: z.infer<typeof meetingHistoryQuery>): Promise<Page<MeetingHistoryDto>> {
  const { db } = s;
  const m = t.meetings;
  const [snapshot, page] = await Promise.all([
    loadSnapshot(db, s.ctx.tenantId, s.project),
    pageByNewest(
      { at: m.startsAt, id: m.id },
      q,
      (where, orderBy, limit) =>
        db
          .select()
          .from(m)
          .where(and(eq(m.tenantId, s.ctx.tenantId), eq(m.projectId, s.project.id), q.series ? eq(m.iCalUId, q.series) : undefined, where))
          .orderBy(...orderBy)
          .limit(limit),
      (row) => ({ at: row.startsAt, id: row.id }),
    ),
  ]);
  const directory = directoryFor(snapshot);
  // An external caller's page leaves out internal meetings (it may come out shorter than the limit).
  const visible = page.items.filter((row) => callerAudience(s.ctx) === "internal" || !isInternalMeeting(toMeeting(row), directory));
  const items = visible.map((row) => {
    const meeting = toMeeting(row);
    const callType = resolveCallType(meeting, snapshot.project, directory).callType;
    return meetingHistoryDto(meeting, row.recapSentBy, callType, s.now);
  });
  return { items, nextCursor: page.nextCursor };
}
