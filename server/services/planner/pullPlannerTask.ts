import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import type { LiveBus } from "../../live/liveBus";
import { lockMeeting, recordEvent } from "../../live/recordEvent";
import type { PlannerTaskState } from "../../graph/plannerClient";
import { dueDateOfPlanner, plannerDone, type PlannerTaskFields } from "../../domain/planner/plannerTask";
import { recordSynced, type PlannerLinkRow, type RaidRow } from "./plannerTaskLinks";

/**
 * Brings a task's completion and due date into the RAID item when they moved in Planner since the
 * last agreed values: one versioned update (Planner wins for these two fields), audited, with a
 * live event on the call the item came from. Title and owner stay Callbook's. Then records the
 * task's ETag and what is now agreed on the link. `changed` says whether the item was updated.
 */
export async function pullPlannerTask(
  deps: { db: Db; bus: LiveBus },
  scope: { tenantId: string; projectId: string },
  item: RaidRow,
  link: PlannerLinkRow,
  task: PlannerTaskState,
  now: Date,
): Promise<{ item: RaidRow; link: PlannerLinkRow; changed: boolean }> {
  const { db } = deps;
  const remoteDue = dueDateOfPlanner(task.dueDateTime);
  const remoteDone = plannerDone(task.percentComplete);
  const changes: Partial<Pick<RaidRow, "dueDate" | "status" | "closedAt">> = {};
  if (remoteDue !== link.syncedDueDate && remoteDue !== item.dueDate) changes.dueDate = remoteDue;
  if (remoteDone !== link.syncedDone && remoteDone !== (item.status === "closed")) {
    changes.status = remoteDone ? "closed" : "open";
    changes.closedAt = remoteDone ? now.toISOString() : null;
  }
  let next = item;
  if (Object.keys(changes).length > 0) {
    next = await db.transaction(async (tx) => {
      if (item.raisedInMeetingId) await lockMeeting(tx, item.raisedInMeetingId);
      const [updated] = await tx
        .update(t.raidItems)
        .set({ ...changes, version: item.version + 1, updatedAt: now.toISOString() })
        .where(and(eq(t.raidItems.tenantId, scope.tenantId), eq(t.raidItems.id, item.id)))
        .returning();
      if (!updated) throw new Error("RAID item vanished during the Planner sync");
      await tx.insert(t.auditLog).values({
        tenantId: scope.tenantId,
        projectId: scope.projectId,
        entity: "raid_item",
        entityId: item.id,
        action: "planner_changed",
        before: { dueDate: item.dueDate, status: item.status },
        after: { dueDate: updated.dueDate, status: updated.status, taskId: task.id },
        actor: "Microsoft Planner",
        at: now.toISOString(),
      });
      if (item.raisedInMeetingId) await recordEvent(tx, { tenantId: scope.tenantId, meetingId: item.raisedInMeetingId, type: "item", entityId: item.id });
      return updated;
    });
    if (item.raisedInMeetingId) deps.bus.publish(item.raisedInMeetingId);
  }
  // Our assignee stays agreed while Planner still has them (others added there are left alone).
  const assignee = link.syncedAssignee && task.assignees.includes(link.syncedAssignee) ? link.syncedAssignee : (task.assignees[0] ?? null);
  const agreed: PlannerTaskFields = { title: task.title, dueDate: remoteDue, done: remoteDone, assignee };
  const updatedLink = await recordSynced(db, link, task.etag, agreed, next.version, now);
  return { item: next, link: updatedLink, changed: next !== item };
}
