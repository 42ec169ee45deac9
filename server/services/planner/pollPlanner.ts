import { and, eq, isNotNull } from "drizzle-orm";
import type { AppDeps } from "../../appDeps";
import * as t from "../../db/tables";
import type { RequestIdentity } from "../../auth/verifyTeamsToken";
import type { RequestContext } from "../../http/requestContext";
import { identityOf } from "../../graph/identityOf";
import { callerAudience } from "../audience/callerAudience";
import { syncProjectPlanner, type PlannerSyncResult } from "./syncProjectPlanner";

/** A project page or panel opening polls Planner at most once a minute per project. */
export const OPEN_POLL_THROTTLE_MS = 60_000;

/**
 * The poll when the project page or side panel opens (issue 17 §4), as the caller: skipped (null)
 * without Graph, without a plan, or when the plan was polled less than a minute ago on the
 * settable clock. Failures are recorded on the plan (shown on the project page), never thrown.
 */
export async function pollPlannerOnOpen(deps: AppDeps, identity: RequestIdentity, projectId: string): Promise<PlannerSyncResult | null> {
  const planner = deps.planner;
  if (!planner) return null;
  const now = deps.clock();
  const { db } = deps.database;
  const [plan] = await db.select().from(t.plannerPlans).where(and(eq(t.plannerPlans.tenantId, identity.tenantId), eq(t.plannerPlans.projectId, projectId)));
  if (!plan) return null;
  if (plan.polledAt && now.getTime() - Date.parse(plan.polledAt) < OPEN_POLL_THROTTLE_MS) return null;
  try {
    return await syncProjectPlanner({ db, bus: deps.bus, clock: deps.clock }, { tenantId: identity.tenantId, projectId, linkBase: planner.linkBase }, planner.forRequest(identity), now);
  } catch (error) {
    deps.logger.warn({ projectId, err: { message: error instanceof Error ? error.message : String(error) } }, "planner poll on open failed");
    return null;
  }
}

/** The same poll for the project of a meeting (the side panel opens on a meeting), for internal callers only. */
export async function pollPlannerForMeeting(deps: AppDeps, identity: RequestIdentity, personId: string | null, meetingId: string): Promise<void> {
  if (!deps.planner || !personId) return;
  const [caller] = await deps.database.db
    .select({ organisation: t.people.organisation })
    .from(t.people)
    .where(and(eq(t.people.tenantId, identity.tenantId), eq(t.people.id, personId)));
  if (caller?.organisation !== "internal") return;
  const [meeting] = await deps.database.db
    .select({ projectId: t.meetings.projectId })
    .from(t.meetings)
    .where(and(eq(t.meetings.tenantId, identity.tenantId), eq(t.meetings.id, meetingId), isNotNull(t.meetings.projectId)));
  if (meeting?.projectId) await pollPlannerOnOpen(deps, identity, meeting.projectId);
}

/**
 * After an action item is created or changed in Callbook: sync its project's plan now, in the
 * background (the change reaches Planner without waiting for the 15-minute job). As the caller
 * when internal, else as the PM who named the plan (stored consent). Does nothing without Graph,
 * without a plan, or for other kinds of RAID item; failures are recorded on the plan.
 */
export function syncPlannerAfterWrite(deps: AppDeps, ctx: RequestContext, projectId: string, kind: string): void {
  const planner = deps.planner;
  if (!planner || kind !== "action") return;
  const internal = callerAudience(ctx) === "internal" && ctx.token !== undefined;
  const run = async () => {
    const { db } = deps.database;
    const [plan] = await db.select().from(t.plannerPlans).where(and(eq(t.plannerPlans.tenantId, ctx.tenantId), eq(t.plannerPlans.projectId, projectId)));
    if (!plan) return;
    const client = internal ? planner.forRequest(identityOf(ctx)) : plan.setByPersonId ? planner.forPerson(ctx.tenantId, plan.setByPersonId) : null;
    if (!client) return;
    await syncProjectPlanner({ db, bus: deps.bus, clock: deps.clock }, { tenantId: ctx.tenantId, projectId, linkBase: planner.linkBase }, client, deps.clock());
  };
  void run().catch((error: unknown) => deps.logger.warn({ projectId, err: { message: error instanceof Error ? error.message : String(error) } }, "planner sync after a write failed"));
}

export interface PlannerJobResult {
  plans: number;
  created: number;
  pushed: number;
  pulled: number;
  unlinked: number;
  throttled: number;
  /** Plans whose PM must reconnect (stored consent refused) or whose sync failed. */
  failed: number;
}

/**
 * The 15-minute Planner job: every plan of every tenant, as the PM who named it (their stored
 * consent, issue 17 §5). One plan's failure is recorded on it and does not stop the others.
 */
export async function syncAllPlanners(deps: AppDeps, now: Date): Promise<PlannerJobResult> {
  const result: PlannerJobResult = { plans: 0, created: 0, pushed: 0, pulled: 0, unlinked: 0, throttled: 0, failed: 0 };
  const planner = deps.planner;
  if (!planner) return result;
  const { db } = deps.database;
  const plans = await db.select().from(t.plannerPlans);
  for (const plan of plans) {
    result.plans += 1;
    if (!plan.setByPersonId) {
      await db.update(t.plannerPlans).set({ lastError: "Nobody's consent is stored for this plan: name the plan again" }).where(and(eq(t.plannerPlans.tenantId, plan.tenantId), eq(t.plannerPlans.projectId, plan.projectId)));
      result.failed += 1;
      continue;
    }
    try {
      const r = await syncProjectPlanner({ db, bus: deps.bus, clock: deps.clock }, { tenantId: plan.tenantId, projectId: plan.projectId, linkBase: planner.linkBase }, planner.forPerson(plan.tenantId, plan.setByPersonId), now);
      result.created += r.created;
      result.pushed += r.pushed;
      result.pulled += r.pulled;
      result.unlinked += r.unlinked.length;
      if (r.throttledUntil) result.throttled += 1;
    } catch (error) {
      deps.logger.warn({ projectId: plan.projectId, err: { message: error instanceof Error ? error.message : String(error) } }, "planner sync failed");
      result.failed += 1;
    }
  }
  return result;
}
