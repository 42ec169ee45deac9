import { and, desc, eq, inArray, isNull, or } from "drizzle-orm";
import * as t from "../../db/tables";
import { memberProjectIds } from "../../db/projectAccess";
import type { RequestContext } from "../../http/requestContext";
import type { Db } from "../../db/database";
import { outboxWall } from "../audience/callerAudience";

export type OutboxRow = typeof t.outboxItems.$inferSelect;

/** Outbox rows the caller may see: their tenant, projects they are on (or sent by them); external callers, their own mail. */
async function visible(db: Db, ctx: RequestContext) {
  const projectIds = await memberProjectIds(db, ctx);
  return and(
    eq(t.outboxItems.tenantId, ctx.tenantId),
    or(projectIds.length ? inArray(t.outboxItems.projectId, projectIds) : undefined, and(isNull(t.outboxItems.projectId), eq(t.outboxItems.fromEmail, ctx.email))),
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
