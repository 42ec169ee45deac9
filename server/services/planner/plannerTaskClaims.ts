import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import type { PlannerTaskState } from "../../graph/plannerClient";
import { dueDateOfPlanner, plannerDone } from "../../domain/planner/plannerTask";
import type { PlannerLinkRow, RaidRow } from "./plannerTaskLinks";

// Claims (`planner_task_claims`): Planner has no idempotency key on POST /planner/tasks, so the
// sync stores what it is about to create before the POST. A claim still there at the next sync
// means the answer was lost; the task it made is found in the plan and adopted (claimedTask).
//
// No marker of ours can ride on the create: Graph v1.0 "Create plannerTask" takes plannerTask
// properties only; the details (description, references) are a read-only relationship there and
// are written by a second call once the task id is known, which a lost answer never gives us. The
// writable task properties are all shown to people in Planner (title, dates, categories, priority)
// or are recomputed by Planner (orderHint, assigneePriority), or point at group conversations
// (conversationThreadId). What Planner itself writes and nobody can edit is `createdDateTime`:
// the task a lost create made was created in the few minutes after its claim was stored.

export type PlannerClaimRow = typeof t.plannerTaskClaims.$inferSelect;

/** What a create sends that identifies its task afterwards: title, due instant (Planner's UTC ISO, or null) and assignee (Entra object id, or null). */
export interface PlannerClaim {
  title: string;
  dueDateTime: string | null;
  assignee: string | null;
}

/**
 * Allowed difference between the database's clock and Planner's when comparing a claim with a
 * task's createdDateTime (ms): both are servers on network time, a few seconds apart at most.
 */
export const CLAIM_CLOCK_ALLOWANCE_MS = 2 * 60_000;
/** The longest a create's POST can be waited for after its claim (ms): GRAPH_TIMEOUT_MS is at most 300 s. */
export const CLAIM_ANSWER_WINDOW_MS = 5 * 60_000;

/**
 * Stores (or replaces) the item's claim for a create about to be sent to `planId`. `claimed_at` is
 * the database's real now(), not the settable clock: it is compared with Planner's createdDateTime.
 */
export async function storeClaim(db: Db, scope: { tenantId: string; projectId: string }, itemId: string, planId: string, sent: PlannerClaim): Promise<void> {
  const claim = { ...sent, planId, marker: randomUUID(), claimedAt: sql`now()` };
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
 * The task a lost create made, if the plan has it, or null. A candidate is in the claim's plan,
 * linked to no item, and was created by Planner between the claim (less CLAIM_CLOCK_ALLOWANCE_MS)
 * and the end of the POST's wait (CLAIM_ANSWER_WINDOW_MS, plus the allowance): a twin typed into
 * Planner before Callbook's create is never one. Of the candidates, the one still holding most of
 * the values sent (title, due instant, assignee) is taken when it holds at least two of them, so
 * a task renamed (or re-dated, or reassigned) in Planner before the next sync is still found,
 * while a stranger made in the same minutes with one value in common is not. Ties go to the task
 * created closest to the claim. Tasks without createdDateTime are never candidates.
 */
export function claimedTask(claim: PlannerClaimRow, planId: string, tasks: Iterable<PlannerTaskState>, linked: Set<string>): PlannerTaskState | null {
  if (claim.planId !== planId) return null;
  const claimedAt = Date.parse(claim.claimedAt);
  const due = claim.dueDateTime ? Date.parse(claim.dueDateTime) : null;
  let best: { task: PlannerTaskState; score: number; distance: number } | null = null;
  for (const task of tasks) {
    if (linked.has(task.id) || task.planId !== planId || !task.createdDateTime) continue;
    const created = Date.parse(task.createdDateTime);
    if (!(created >= claimedAt - CLAIM_CLOCK_ALLOWANCE_MS && created <= claimedAt + CLAIM_ANSWER_WINDOW_MS + CLAIM_CLOCK_ALLOWANCE_MS)) continue;
    const sameAssignee = claim.assignee ? task.assignees.includes(claim.assignee) : task.assignees.length === 0;
    const sameDue = (task.dueDateTime ? Date.parse(task.dueDateTime) : null) === due;
    const score = Number(task.title === claim.title) + Number(sameDue) + Number(sameAssignee);
    if (score < 2) continue;
    const distance = Math.abs(created - claimedAt);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { task, score, distance };
  }
  return best?.task ?? null;
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
