import { randomUUID } from "node:crypto";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import type { Clock } from "../../clock";
import type { PlannerClient } from "../../graph/plannerClient";

/** How long a sync holds its plan (ms): a sync killed mid-way frees the plan after this, on the settable clock. */
export const SYNC_LEASE_MS = 2 * 60_000;
/** A running sync also renews its lease this often in real time (ms), so one Graph call slower than the lease cannot lose it. */
export const SYNC_LEASE_RENEW_MS = SYNC_LEASE_MS / 4;

/** The sync's lease was taken by another sync (it ran out while this one stalled): this one stops writing. */
export class PlanLeaseLost extends Error {
  constructor() {
    super("another Planner sync took this plan's lease");
  }
}

/** The lease held by a running sync. */
export interface PlanLease {
  /**
   * Renews the lease to `clock() + SYNC_LEASE_MS` (one UPDATE, only while it is still this
   * sync's). Throws PlanLeaseLost when another sync holds the plan now; call it before each write.
   */
  keep(): Promise<void>;
}

/**
 * Runs `work` while holding the project's plan lease (`planner_plans.sync_lease_until/owner`):
 * taken by one atomic UPDATE, so of two instances polling at once exactly one gets the row,
 * renewed while `work` runs (each `lease.keep()`, and every SYNC_LEASE_RENEW_MS of real time), and
 * released when `work` settles (only if still ours). Returns "busy", calling nothing, when another
 * sync holds an unexpired lease. `clock` is the settable clock the lease's instants are read on.
 */
export async function withPlanLease<T>(db: Db, scope: { tenantId: string; projectId: string }, clock: Clock, work: (lease: PlanLease) => Promise<T>): Promise<T | "busy"> {
  const planWhere = and(eq(t.plannerPlans.tenantId, scope.tenantId), eq(t.plannerPlans.projectId, scope.projectId));
  const owner = randomUUID();
  const now = clock();
  const [held] = await db
    .update(t.plannerPlans)
    .set({ syncLeaseUntil: new Date(now.getTime() + SYNC_LEASE_MS).toISOString(), syncLeaseOwner: owner })
    .where(and(planWhere, or(isNull(t.plannerPlans.syncLeaseUntil), lt(t.plannerPlans.syncLeaseUntil, now.toISOString()))))
    .returning({ owner: t.plannerPlans.syncLeaseOwner });
  if (held?.owner !== owner) return "busy";

  let lost = false;
  const renew = async (): Promise<void> => {
    if (lost) throw new PlanLeaseLost();
    const [renewed] = await db
      .update(t.plannerPlans)
      .set({ syncLeaseUntil: new Date(clock().getTime() + SYNC_LEASE_MS).toISOString() })
      .where(and(planWhere, eq(t.plannerPlans.syncLeaseOwner, owner)))
      .returning({ owner: t.plannerPlans.syncLeaseOwner });
    if (renewed?.owner !== owner) {
      lost = true;
      throw new PlanLeaseLost();
    }
  };
  // A failed timed renewal is left to the next keep(), which throws if the lease is gone.
  const timer = setInterval(() => void renew().catch(() => undefined), SYNC_LEASE_RENEW_MS);
  timer.unref();
  try {
    return await work({ keep: renew });
  } finally {
    clearInterval(timer);
    await db
      .update(t.plannerPlans)
      .set({ syncLeaseUntil: null, syncLeaseOwner: null })
      .where(and(planWhere, eq(t.plannerPlans.syncLeaseOwner, owner)));
  }
}

/** `client` with the lease kept before every Planner call: a sync whose lease was taken stops at its next call (PlanLeaseLost). */
export function leasedPlannerClient(client: PlannerClient, lease: PlanLease): PlannerClient {
  const kept = async <R>(call: () => Promise<R>): Promise<R> => {
    await lease.keep();
    return call();
  };
  return {
    getPlan: (planId) => kept(() => client.getPlan(planId)),
    listPlanTasks: (planId) => kept(() => client.listPlanTasks(planId)),
    getTask: (taskId) => kept(() => client.getTask(taskId)),
    createTask: (body) => kept(() => client.createTask(body)),
    updateTask: (taskId, etag, body) => kept(() => client.updateTask(taskId, etag, body)),
    addLinkBack: (taskId, link) => kept(() => client.addLinkBack(taskId, link)),
    findUserId: (email) => kept(() => client.findUserId(email)),
  };
}
