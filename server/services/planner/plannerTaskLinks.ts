import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import type { PlannerTaskFields } from "../../domain/planner/plannerTask";

// The `planner_tasks` rows of the sync: an action item's task id, the task's ETag, and the values
// last agreed with Planner (what both sides held after the last push or pull).

export type RaidRow = typeof t.raidItems.$inferSelect;
export type PlannerLinkRow = typeof t.plannerTasks.$inferSelect;

/** The task fields last agreed with Planner, as stored on the link. */
export function syncedOf(link: PlannerLinkRow): PlannerTaskFields {
  return { title: link.syncedTitle, dueDate: link.syncedDueDate, done: link.syncedDone, assignee: link.syncedAssignee };
}

/** Stores the task's new ETag and the values now agreed (at the item's `version`); throws when the link row is gone. */
export async function recordSynced(db: Db, link: PlannerLinkRow, etag: string, fields: PlannerTaskFields, version: number, now: Date): Promise<PlannerLinkRow> {
  const [updated] = await db
    .update(t.plannerTasks)
    .set({ etag, syncedTitle: fields.title, syncedDueDate: fields.dueDate, syncedDone: fields.done, syncedAssignee: fields.assignee, syncedVersion: version, updatedAt: now.toISOString() })
    .where(and(eq(t.plannerTasks.tenantId, link.tenantId), eq(t.plannerTasks.raidItemId, link.raidItemId)))
    .returning();
  if (!updated) throw new Error("planner link vanished");
  return updated;
}

/** Marks the link deleted (its task is gone from Planner): the item is reported, never given a new task. */
export async function unlinkPlannerTask(db: Db, link: PlannerLinkRow, now: Date): Promise<void> {
  await db
    .update(t.plannerTasks)
    .set({ state: "deleted", unlinkedAt: now.toISOString(), updatedAt: now.toISOString() })
    .where(and(eq(t.plannerTasks.tenantId, link.tenantId), eq(t.plannerTasks.raidItemId, link.raidItemId)));
}
