import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import type { PlannerStatusDto } from "../../../contracts/planner";
import type { PlannerSyncResult } from "./syncProjectPlanner";
import { iso } from "../../presenters/iso";

/**
 * The project's plan, how many actions are linked, those whose task was deleted in Planner (newest
 * first), and what this request's poll did (`poll`, null when it did not poll).
 */
export async function plannerStatus(db: Db, tenantId: string, projectId: string, available: boolean, poll: PlannerSyncResult | null = null): Promise<PlannerStatusDto> {
  const [plan] = await db.select().from(t.plannerPlans).where(and(eq(t.plannerPlans.tenantId, tenantId), eq(t.plannerPlans.projectId, projectId)));
  const links = await db
    .select({ itemId: t.plannerTasks.raidItemId, state: t.plannerTasks.state, unlinkedAt: t.plannerTasks.unlinkedAt, title: t.raidItems.title })
    .from(t.plannerTasks)
    .innerJoin(t.raidItems, eq(t.raidItems.id, t.plannerTasks.raidItemId))
    .where(and(eq(t.plannerTasks.tenantId, tenantId), eq(t.plannerTasks.projectId, projectId)));
  return {
    available,
    plan: plan
      ? { planId: plan.planId, title: plan.planTitle, polledAt: iso(plan.polledAt), throttledUntil: iso(plan.throttledUntil), lastError: plan.lastError }
      : null,
    linked: links.filter((l) => l.state === "linked").length,
    unlinked: links
      .filter((l) => l.state === "deleted")
      .map((l) => ({ itemId: l.itemId, title: l.title, unlinkedAt: iso(l.unlinkedAt) ?? "" }))
      .sort((a, b) => b.unlinkedAt.localeCompare(a.unlinkedAt)),
    poll: poll ? { skipped: poll.skipped, created: poll.created, adopted: poll.adopted } : null,
  };
}
