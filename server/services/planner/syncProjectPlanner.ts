import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import type { LiveBus } from "../../live/liveBus";
import type { PlannerClient } from "../../graph/plannerClient";
import { belongsInPlanner, type PlannerTaskFields } from "../../domain/planner/plannerTask";
import { plannerCall, PlannerThrottled } from "./plannerGraphCall";
import { leasedPlannerClient, PlanLeaseLost, withPlanLease, type PlanLease } from "./plannerPlanLease";
import { clockStartingAt, type Clock } from "../../clock";
import { adoptClaimedTask, claimedTask, dropClaim } from "./plannerTaskClaims";
import type { RaidRow } from "./plannerTaskLinks";
import { createPlannerTask, syncLinkedTask } from "./pushPlannerTask";

// The sync of a project's action items with its Planner plan, in parts: this file (the entry, the
// per-process queue, the per-item decision, the outcome recorded on the plan), plannerPlanLease.ts
// (one sync per plan across instances), plannerTaskClaims.ts (creates whose answer was lost),
// pushPlannerTask.ts (create, link back, If-Match push), pullPlannerTask.ts (Planner's changes in).

export interface PlannerSyncDeps {
  db: Db;
  bus: LiveBus;
  /** The settable clock the plan's lease is renewed on (AppDeps.clock); default: `now` running on in real time. */
  clock?: Clock;
}

export interface PlannerSyncResult {
  /**
   * "no_plan": the project names no plan; "throttled": Graph's Retry-After has not passed yet
   * (nothing was called); "busy": another sync (this or another instance) holds the plan's lease,
   * or took it while this one ran (it stopped before its next Planner call; the counts say what it did).
   */
  skipped: "no_plan" | "throttled" | "busy" | null;
  created: number;
  /** Tasks found in the plan for a create whose answer was lost (a claim left behind), linked instead of created again. */
  adopted: number;
  /** Tasks patched from Callbook's changes. */
  pushed: number;
  /** RAID items changed from Planner (completion, due date). */
  pulled: number;
  /** 412 answers that were resolved by re-reading the task. */
  conflicts: number;
  /** Items whose task was deleted in Planner this run: unlinked, not recreated. */
  unlinked: { itemId: string; title: string }[];
  /** Set when Graph answered 429: no call for this plan before this instant (ISO). */
  throttledUntil: string | null;
}

/**
 * One sync of a project's action items with its Planner plan (issue 17 §4), as the identity
 * behind `client`:
 * - pull: tasks whose ETag moved bring their completion (percentComplete 100 ⇔ closed) and due
 *   date back into the RAID log as a versioned edit (version + 1, audit row by "Microsoft Planner",
 *   a live event for the panel of the call it came from);
 * - push: Callbook's title, due date, completion and owner go to the task with If-Match; a 412 is
 *   resolved by re-reading the task (pull first, then patch what still differs), at most 3 times;
 * - create: open actions owned by internal people get a task (assigned to the owner's Entra id,
 *   due at midnight US Eastern, a link back to the call in the task details);
 * - a task gone from Planner (404) is unlinked and reported, never silently recreated;
 * - a 429 stops the run and records `throttled_until = now + Retry-After` (60 s if absent); runs
 *   before that instant call nothing;
 * - across instances one sync holds the plan (a 2-minute lease on `planner_plans`, taken by one
 *   atomic UPDATE, renewed before every Planner call and every 30 s while the sync runs, released
 *   at the end): another answers `skipped: "busy"`; a sync that finds its lease taken stops;
 * - each create is claimed first (`planner_task_claims`); a claim left by a lost answer is matched
 *   to the task in the plan that Planner created just after the claim and that still holds two of
 *   the values sent (not linked to another item; plannerTaskClaims.ts claimedTask) and adopted.
 * `now` is the settable clock's. Throws other Graph failures (GraphRequestFailed) and token errors
 * (ReconnectRequired, ConsentRequired) after recording their message on the plan.
 */
export function syncProjectPlanner(
  deps: PlannerSyncDeps,
  scope: { tenantId: string; projectId: string; linkBase: string },
  client: PlannerClient,
  now: Date,
): Promise<PlannerSyncResult> {
  // One sync per project at a time in this process (page open, a write, the job): a second one
  // waits for the first. Across instances the plan's lease (syncOnce) lets one through; the
  // other answers skipped "busy" and calls nothing.
  const key = `${scope.tenantId}/${scope.projectId}`;
  const previous = running.get(key) ?? Promise.resolve();
  const next = previous.then(
    () => syncOnce(deps, scope, client, now),
    () => syncOnce(deps, scope, client, now),
  );
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  running.set(key, settled);
  void settled.then(() => {
    if (running.get(key) === settled) running.delete(key);
  });
  return next;
}

const running = new Map<string, Promise<void>>();

async function syncOnce(
  deps: PlannerSyncDeps,
  scope: { tenantId: string; projectId: string; linkBase: string },
  client: PlannerClient,
  now: Date,
): Promise<PlannerSyncResult> {
  const { db } = deps;
  const result: PlannerSyncResult = { skipped: null, created: 0, adopted: 0, pushed: 0, pulled: 0, conflicts: 0, unlinked: [], throttledUntil: null };
  const planWhere = and(eq(t.plannerPlans.tenantId, scope.tenantId), eq(t.plannerPlans.projectId, scope.projectId));
  const [plan] = await db.select().from(t.plannerPlans).where(planWhere);
  if (!plan) return { ...result, skipped: "no_plan" };
  if (plan.throttledUntil && Date.parse(plan.throttledUntil) > now.getTime()) {
    return { ...result, skipped: "throttled", throttledUntil: new Date(plan.throttledUntil).toISOString() };
  }
  const held = await withPlanLease(db, scope, deps.clock ?? clockStartingAt(now), async (lease: PlanLease) => {
    try {
      await runSync(deps, scope, plan.planId, leasedPlannerClient(client, lease), now, result);
      await lease.keep();
      await db.update(t.plannerPlans).set({ polledAt: now.toISOString(), throttledUntil: null, lastError: null }).where(planWhere);
      return result;
    } catch (error) {
      // The plan is another sync's now: it records the outcome, this one writes nothing more.
      if (error instanceof PlanLeaseLost) return { ...result, skipped: "busy" as const };
      if (error instanceof PlannerThrottled) {
        const until = new Date(now.getTime() + error.retryAfterSeconds * 1000).toISOString();
        await db.update(t.plannerPlans).set({ polledAt: now.toISOString(), throttledUntil: until, lastError: "Planner asked Callbook to wait (429)" }).where(planWhere);
        return { ...result, throttledUntil: until };
      }
      const message = error instanceof Error ? error.message : String(error);
      await db.update(t.plannerPlans).set({ polledAt: now.toISOString(), lastError: message }).where(planWhere);
      throw error;
    }
  });
  return held === "busy" ? { ...result, skipped: "busy" } : held;
}

async function runSync(
  deps: PlannerSyncDeps,
  scope: { tenantId: string; projectId: string; linkBase: string },
  planId: string,
  client: PlannerClient,
  now: Date,
  result: PlannerSyncResult,
): Promise<void> {
  const { db } = deps;
  const items = await db
    .select()
    .from(t.raidItems)
    .where(and(eq(t.raidItems.tenantId, scope.tenantId), eq(t.raidItems.projectId, scope.projectId), eq(t.raidItems.kind, "action")));
  const links = await db.select().from(t.plannerTasks).where(and(eq(t.plannerTasks.tenantId, scope.tenantId), eq(t.plannerTasks.projectId, scope.projectId)));
  const ownerIds = [...new Set(items.map((i) => i.ownerId).filter((id): id is string => id !== null))];
  const owners = new Map(
    (ownerIds.length ? await db.select().from(t.people).where(and(eq(t.people.tenantId, scope.tenantId), inArray(t.people.id, ownerIds))) : []).map((p) => [p.id, p]),
  );
  const linkByItem = new Map(links.map((l) => [l.raidItemId, l]));
  const claims = await db.select().from(t.plannerTaskClaims).where(and(eq(t.plannerTaskClaims.tenantId, scope.tenantId), eq(t.plannerTaskClaims.projectId, scope.projectId)));
  const claimByItem = new Map(claims.map((c) => [c.raidItemId, c]));
  const linkedTaskIds = new Set(links.map((l) => l.taskId));
  const remote = new Map((await plannerCall(client.listPlanTasks(planId))).map((task) => [task.id, task]));

  const assigneeOf = async (ownerId: string | null): Promise<string | null> => {
    const owner = ownerId ? owners.get(ownerId) : undefined;
    if (!owner) return null;
    if (owner.entraObjectId) return owner.entraObjectId;
    const oid = await plannerCall(client.findUserId(owner.email));
    if (oid) {
      await db.update(t.people).set({ entraObjectId: oid }).where(and(eq(t.people.tenantId, scope.tenantId), eq(t.people.id, owner.id)));
      owners.set(owner.id, { ...owner, entraObjectId: oid });
    }
    return oid;
  };
  const desiredOf = async (item: RaidRow): Promise<PlannerTaskFields> => ({
    title: item.title,
    dueDate: item.dueDate,
    done: item.status === "closed",
    assignee: await assigneeOf(item.ownerId),
  });

  for (const item of items) {
    let link = linkByItem.get(item.id);
    if (link?.state === "deleted") continue;
    const claim = claimByItem.get(item.id);
    if (!link && claim) {
      // A create whose answer was lost: the task may be in the plan already.
      const found = claimedTask(claim, planId, remote.values(), linkedTaskIds);
      if (found) {
        link = await adoptClaimedTask(db, scope, item, claim, found, now);
        linkedTaskIds.add(found.id);
        result.adopted += 1;
      }
    }
    if (!link && !belongsInPlanner(item, item.ownerId ? (owners.get(item.ownerId) ?? null) : null)) {
      if (claim) await dropClaim(db, claim.tenantId, claim.raidItemId);
      continue;
    }
    if (link && !belongsInPlanner(item, item.ownerId ? (owners.get(item.ownerId) ?? null) : null)) continue;
    if (!link) {
      if (item.status !== "open") {
        if (claim) await dropClaim(db, claim.tenantId, claim.raidItemId);
        continue;
      }
      await createPlannerTask(deps, scope, planId, client, item, await desiredOf(item), now);
      result.created += 1;
      continue;
    }
    const task = remote.get(link.taskId) ?? (await plannerCall(client.getTask(link.taskId)));
    const outcome = await syncLinkedTask(deps, scope, client, item, link, task, desiredOf, now);
    result.pulled += outcome.pulled;
    result.pushed += outcome.pushed;
    result.conflicts += outcome.conflicts;
    if (outcome.unlinked) result.unlinked.push({ itemId: item.id, title: item.title });
  }
}
