import { and, eq, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { AppDeps } from "../../appDeps";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import type { RequestContext } from "../../http/requestContext";
import type { lookupMeetingQuery, MeetingLookup } from "../../../contracts/meetings";
import { findMeetingByTeamsLink, nearestTo, teamsLinkKeys } from "./findMeetingByTeamsLink";

/**
 * How an Outlook appointment finds its Callbook meeting, tried in order: the same Teams link,
 * thread or join meeting id (any host and link form; Graph resolves unknown ones), then the
 * iCalUId, then subject + start (an ISO instant). Returns the first tenant meeting found and what
 * matched, or null when none matches or the match is on no project yet (the caller then links it
 * like an unknown one). A series' calls share its Teams link and iCalUId: of those, the one
 * nearest the appointment's `start` is meant (the occurrence Outlook has open), else the one
 * nearest now. Visibility is the caller's to check (loadMeetingContext).
 */
export async function lookupMeeting(
  deps: Pick<AppDeps, "mail" | "mailMode" | "clock">,
  db: Db,
  ctx: RequestContext,
  q: z.infer<typeof lookupMeetingQuery>,
): Promise<{ id: string; matchedBy: NonNullable<MeetingLookup["matchedBy"]> } | null> {
  const near = q.start ? new Date(q.start) : deps.clock();
  const link = teamsLinkKeys({ joinUrl: q.joinUrl, joinMeetingId: q.joinMeetingId });
  const linked = link ? await findMeetingByTeamsLink(deps, db, ctx, link, near) : null;
  const tries: [NonNullable<MeetingLookup["matchedBy"]>, SQL | undefined][] = [
    ["joinUrl", linked ? eq(t.meetings.id, linked) : undefined],
    ["iCalUId", q.iCalUId ? eq(t.meetings.iCalUId, q.iCalUId) : undefined],
    ["subjectAndStart", q.subject && q.start ? and(eq(t.meetings.subject, q.subject), eq(t.meetings.startsAt, new Date(q.start).toISOString())) : undefined],
  ];
  for (const [matchedBy, condition] of tries) {
    if (!condition) continue;
    // A series' occurrences share its iCalUId (and Teams link): the one nearest the appointment is meant.
    const [row] = await db.select({ id: t.meetings.id }).from(t.meetings).where(and(eq(t.meetings.tenantId, ctx.tenantId), condition)).orderBy(nearestTo(near)).limit(1);
    if (row) {
      const [withProject] = await db.select({ projectId: t.meetings.projectId }).from(t.meetings).where(eq(t.meetings.id, row.id));
      // Known to Callbook but on no project yet: the caller links it like an unknown one.
      if (!withProject?.projectId) return null;
      return { id: row.id, matchedBy };
    }
  }
  return null;
}
