import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import { memberProjectIds } from "../../db/projectAccess";
import { EASTERN_TIME_ZONE, dateIn } from "../../domain/zonedTime";
import { iso } from "../../presenters/iso";
import type { RequestContext } from "../../http/requestContext";
import type { MyActionsDto } from "../../../contracts/myActions";
import { callerAudience } from "../audience/callerAudience";

/**
 * "My actions" (issue 17 §6): the caller's own action items across every project they are a
 * member of: open ones first (by due date, undated last), then those closed in the last 14 days.
 * An external caller (customer, vendor) gets only customer-safe items (never internal-only ones);
 * PostgreSQL's row-level security applies the same rule. `pastDue` compares with the caller's own
 * date at `now` (their time zone; US Eastern when unknown). No person row: an empty list.
 */
export async function listMyActions(db: Db, ctx: RequestContext, now: Date): Promise<MyActionsDto> {
  if (!ctx.personId) return { actions: [] };
  const projectIds = await memberProjectIds(db, ctx);
  if (projectIds.length === 0) return { actions: [] };
  const [me] = await db.select({ timeZone: t.people.timeZone }).from(t.people).where(and(eq(t.people.tenantId, ctx.tenantId), eq(t.people.id, ctx.personId)));
  const today = dateIn(now, me?.timeZone ?? EASTERN_TIME_ZONE);
  const since = new Date(now.getTime() - 14 * 86_400_000).toISOString();
  const ri = t.raidItems;
  const rows = await db
    .select({ item: ri, projectName: t.projects.name, meetingSubject: t.meetings.subject, meetingStartsAt: t.meetings.startsAt })
    .from(ri)
    .innerJoin(t.projects, and(eq(t.projects.tenantId, ri.tenantId), eq(t.projects.id, ri.projectId)))
    .leftJoin(t.meetings, and(eq(t.meetings.tenantId, ri.tenantId), eq(t.meetings.id, ri.raisedInMeetingId)))
    .where(
      and(
        eq(ri.tenantId, ctx.tenantId),
        inArray(ri.projectId, projectIds),
        eq(ri.kind, "action"),
        eq(ri.ownerId, ctx.personId),
        sql`(${ri.status} = 'open' or ${ri.closedAt} >= ${since})`,
        callerAudience(ctx) === "internal" ? undefined : eq(ri.internalOnly, false),
      ),
    )
    .orderBy(sql`case when ${ri.status} = 'open' then 0 else 1 end`, sql`${ri.dueDate} asc nulls last`, asc(ri.title));
  return {
    actions: rows.map(({ item, projectName, meetingSubject, meetingStartsAt }) => ({
      id: item.id,
      title: item.title,
      projectId: item.projectId,
      projectName,
      dueDate: item.dueDate,
      status: item.status,
      pastDue: item.status === "open" && item.dueDate !== null && item.dueDate < today,
      internalOnly: item.internalOnly,
      meeting: item.raisedInMeetingId && meetingSubject && meetingStartsAt ? { id: item.raisedInMeetingId, subject: meetingSubject, startsAt: iso(meetingStartsAt) ?? meetingStartsAt } : null,
      version: item.version,
    })),
  };
}
