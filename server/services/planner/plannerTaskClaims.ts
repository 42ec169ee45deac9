import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import type { PlannerTaskState } from "../../graph/plannerClient";
import { dueDateOfPlanner, plannerDone } from "../../domain/planner/plannerTask";
import type { PlannerLinkRow, RaidRow } from "./plannerTaskLinks";

// Claims (`planner_task_claims`): Planner has no idempotency key on POST /planner/tasks, so the
// sync stores what it is about to create before the POST. A claim still there at the next sync
// means the answer was lost; the task it made is found in the plan by the values sent and adopted.

export type PlannerClaimRow = typeof t.plannerTaskClaims.$inferSelect;

/** What a create sends that identifies its task afterwards: title, due instant (Planner's UTC ISO, or null) and assignee (Entra object id, or null). */
export interface PlannerClaim {
  title: string;
  dueDateTime: string | null;
  assignee: string | null;
}

/** Stores (or replaces) the item's claim for a create about to be sent to `planId`. */
export async function storeClaim(db: Db, scope: { tenantId: string; projectId: string }, itemId: string, planId: string, sent: PlannerClaim, now: Date): Promise<void> {
  const claim = { ...sent, planId, marker: randomUUID(), claimedAt: now.toISOString() };
  await db
    .insert(t.plannerTaskClaims)
    .values({ tenantId: scope.tenantId, raidItemId: itemId, projectId: scope.projectId, ...claim })
    .onConflictDoUpdate({ target: t.plannerTaskClaims.raidItemId, set: claim });
}

/** Removes the item's claim (the create is answered, adopted, or no longer wanted); `db` may be a transaction. */
export async function dropClaim(db: Pick<Db, "delete">, tenantId: string, raidItemId: string): Promise<void> {
  await db.delete(t.plannerTaskClaims).where(and(eq(t.plannerTaskClaims.tenantId, tenantId), eq(t.plannerTaskClaims.raidItemId, raidItemId)));
}

/**
 * The task a lost create made, if the plan has it: the claim's exact title, due instant and
 * assignee, and linked to no other item. Planner cannot carry a client marker in the create
 * body (details are read-only there), so these three values sent are the marker.
 */
export function claimedTask(claim: PlannerClaimRow, planId: string, tasks: Iterable<PlannerTaskState>, linked: Set<string>): PlannerTaskState | null {
  if (claim.planId !== planId) return null;
  const due = claim.dueDateTime ? Date.parse(claim.dueDateTime) : null;
  for (const task of tasks) {
    if (linked.has(task.id) || task.title !== claim.title) continue;
    if ((task.dueDateTime ? Date.parse(task.dueDateTime) : null) !== due) continue;
    if (claim.assignee ? !task.assignees.includes(claim.assignee) : task.assignees.length > 0) continue;
    return task;
  }
  return null;
}

/** Links the item to the task its lost create made (values agreed = what the task holds now) and removes the claim; the link back is written by the sync that follows. */
export async function adoptClaimedTask(db: Db, scope: { tenantId: string; projectId: string }, raid: RaidRow, claim: PlannerClaimRow, task: PlannerTaskState, now: Date): Promise<PlannerLinkRow> {
  return db.transaction(async (tx) => {
    const [stored] = await tx
      .insert(t.plannerTasks)
      .values({
        tenantId: scope.tenantId,
        raidItemId: raid.id,
        projectId: scope.projectId,
        planId: claim.planId,
        taskId: task.id,
        etag: task.etag,
        syncedVersion: raid.version,
        syncedTitle: task.title,
        syncedDueDate: dueDateOfPlanner(task.dueDateTime),
        syncedDone: plannerDone(task.percentComplete),
        syncedAssignee: claim.assignee,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      })
      .returning();
    await dropClaim(tx, scope.tenantId, raid.id);
    if (!stored) throw new Error("planner link not stored");
    return stored;
  });
}
