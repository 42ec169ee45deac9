import { and, desc, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import * as t from "../../db/tables";
import { memberProjectIds } from "../../db/projectAccess";
import type { RequestContext } from "../../http/requestContext";
import type { Db } from "../../db/database";
import { outboxWall } from "../audience/callerAudience";

export type OutboxRow = typeof t.outboxItems.$inferSelect;

/**
 * Outbox rows the caller may see: their tenant, and projects they are on; mail of no project when
 * they sent it or were sent it; a reminder digest (no project of its own) also when every project
 * it lists is one of theirs (the PM sees who was reminded of what, and nothing of other projects).
 * External callers: their own mail only (outboxWall).
 */
async function visible(db: Db, ctx: RequestContext) {
  const projectIds = await memberProjectIds(db, ctx);
  const o = t.outboxItems;
  const me = ctx.email.trim().toLowerCase();
  return and(
    eq(o.tenantId, ctx.tenantId),
    or(
      projectIds.length ? inArray(o.projectId, projectIds) : undefined,
      and(
        isNull(o.projectId),
        or(
          eq(o.fromEmail, ctx.email),
          sql`exists (select 1 from jsonb_array_elements(${o.recipients}) as r where lower(r->>'email') = ${me})`,
          projectIds.length ? and(isNotNull(o.reminderPersonId), sql`${o.reminderProjectIds} <@ ${JSON.stringify(projectIds)}::jsonb`) : undefined,
        ),
      ),
    ),
  );
}

/** The newest `limit` outbox items the caller may see (without the raw file), behind the audience wall. */
export async function listOutbox(db: Db, ctx: RequestContext, limit: number) {
  return db
    .select({
      id: t.outboxItems.id, kind: t.outboxItems.kind, subject: t.outboxItems.subject, fromEmail: t.outboxItems.fromEmail,
      recipients: t.outboxItems.recipients, status: t.outboxItems.status, error: t.outboxItems.error, createdBy: t.outboxItems.createdBy,
      createdAt: t.outboxItems.createdAt, sentAt: t.outboxItems.sentAt, meetingId: t.outboxItems.meetingId, projectId: t.outboxItems.projectId,
    })
    .from(t.outboxItems)
    .where(and(await visible(db, ctx), outboxWall(ctx)))
    .orderBy(desc(t.outboxItems.createdAt))
    .limit(limit);
}

/** One outbox item the caller's tenant and projects allow (the audience check is the caller's: requireOwnMailIfExternal), or undefined. */
export async function findOutboxItem(db: Db, ctx: RequestContext, id: string): Promise<OutboxRow | undefined> {
  const [row] = await db.select().from(t.outboxItems).where(and(await visible(db, ctx), eq(t.outboxItems.id, id)));
  return row;
}
