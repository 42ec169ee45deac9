import { randomUUID } from "node:crypto";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";

/** How long a sync holds its plan (ms): a sync killed mid-way frees the plan after this, on the settable clock. */
export const SYNC_LEASE_MS = 2 * 60_000;

/**
 * Runs `work` while holding the project's plan lease (`planner_plans.sync_lease_until/owner`):
 * taken by one atomic UPDATE, so of two instances polling at once exactly one gets the row, and
 * released when `work` settles (only if still ours). Returns "busy", calling nothing, when another
 * sync holds an unexpired lease. `now` is the settable clock's.
 */
export async function withPlanLease<T>(db: Db, scope: { tenantId: string; projectId: string }, now: Date, work: () => Promise<T>): Promise<T | "busy"> {
  const planWhere = and(eq(t.plannerPlans.tenantId, scope.tenantId), eq(t.plannerPlans.projectId, scope.projectId));
  const owner = randomUUID();
  const [held] = await db
    .update(t.plannerPlans)
    .set({ syncLeaseUntil: new Date(now.getTime() + SYNC_LEASE_MS).toISOString(), syncLeaseOwner: owner })
    .where(and(planWhere, or(isNull(t.plannerPlans.syncLeaseUntil), lt(t.plannerPlans.syncLeaseUntil, now.toISOString()))))
    .returning({ owner: t.plannerPlans.syncLeaseOwner });
  if (held?.owner !== owner) return "busy";
  try {
    return await work();
  } finally {
    await db
      .update(t.plannerPlans)
      .set({ syncLeaseUntil: null, syncLeaseOwner: null })
      .where(and(planWhere, eq(t.plannerPlans.syncLeaseOwner, owner)));
  }
}
