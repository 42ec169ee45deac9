import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import type { PlannerClient } from "../../graph/plannerClient";
import { fieldError } from "../../errors";

/**
 * Names the project's Planner plan after checking it exists for the caller (Graph
 * `GET /planner/plans/{id}`; 404 → 400 "planId: no Planner plan with this id is visible to you").
 * The caller becomes the person whose stored consent the 15-minute job uses. Changing the plan
 * forgets the links to the old plan's tasks (they stay in Planner).
 */
export async function setProjectPlan(
  db: Db,
  scope: { tenantId: string; projectId: string; personId: string | null },
  client: PlannerClient,
  planId: string,
  now: Date,
): Promise<void> {
  const plan = await client.getPlan(planId);
  if (!plan) throw fieldError("planId", "no Planner plan with this id is visible to you");
  await db.transaction(async (tx) => {
    const where = and(eq(t.plannerPlans.tenantId, scope.tenantId), eq(t.plannerPlans.projectId, scope.projectId));
    const [current] = await tx.select().from(t.plannerPlans).where(where);
    if (current && current.planId !== plan.id) {
      await tx.delete(t.plannerTasks).where(and(eq(t.plannerTasks.tenantId, scope.tenantId), eq(t.plannerTasks.projectId, scope.projectId)));
    }
    await tx
      .insert(t.plannerPlans)
      .values({ tenantId: scope.tenantId, projectId: scope.projectId, planId: plan.id, planTitle: plan.title, setByPersonId: scope.personId, setAt: now.toISOString() })
      .onConflictDoUpdate({
        target: t.plannerPlans.projectId,
        set: { planId: plan.id, planTitle: plan.title, setByPersonId: scope.personId, setAt: now.toISOString(), lastError: null, throttledUntil: null, ...(current?.planId !== plan.id ? { polledAt: null } : {}) },
      });
  });
}

/** Forgets the project's plan and its task links (the tasks stay in Planner). */
export async function clearProjectPlan(db: Db, scope: { tenantId: string; projectId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(t.plannerTasks).where(and(eq(t.plannerTasks.tenantId, scope.tenantId), eq(t.plannerTasks.projectId, scope.projectId)));
    await tx.delete(t.plannerPlans).where(and(eq(t.plannerPlans.tenantId, scope.tenantId), eq(t.plannerPlans.projectId, scope.projectId)));
  });
}
