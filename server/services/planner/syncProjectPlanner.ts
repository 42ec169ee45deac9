import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import type { LiveBus } from "../../live/liveBus";
import { lockMeeting, recordEvent } from "../../live/recordEvent";
import { GraphRequestFailed } from "../../graph/MailCalendarGateway";
import type { PlannerClient, PlannerTaskState, PlannerTaskWrite } from "../../graph/plannerClient";
import {
  belongsInPlanner,
  changedFields,
  dueDateOfPlanner,
  plannerDone,
  plannerDueDateTime,
  plannerReferenceKey,
  type PlannerTaskFields,
} from "../../domain/planner/plannerTask";
import { easternDateOf } from "../../domain/queue/easternDay";

type RaidRow = typeof t.raidItems.$inferSelect;
type LinkRow = typeof t.plannerTasks.$inferSelect;
type ClaimRow = typeof t.plannerTaskClaims.$inferSelect;

export interface PlannerSyncDeps {
  db: Db;
  bus: LiveBus;
}

export interface PlannerSyncResult {
  /**
   * "no_plan": the project names no plan; "throttled": Graph's Retry-After has not passed yet
   * (nothing was called); "busy": another sync (this or another instance) holds the plan's lease.
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

/** Default wait when a 429 carries no Retry-After (seconds). */
const DEFAULT_RETRY_AFTER_S = 60;
const MAX_CONFLICT_RETRIES = 3;
/** How long a sync holds its plan (ms): a sync killed mid-way frees the plan after this, on the settable clock. */
export const SYNC_LEASE_MS = 2 * 60_000;
const assignment = { "@odata.type": "#microsoft.graph.plannerAssignment", orderHint: " !" } as const;

class Throttled extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("Planner throttled the sync");
  }
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
 *   atomic UPDATE, released at the end): another answers `skipped: "busy"`;
 * - each create is claimed first (`planner_task_claims`); a claim left by a lost answer is matched
 *   to the task in the plan (same title, due instant, assignee; not linked) and adopted.
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
  // The lease: one atomic UPDATE, so of two instances polling at once exactly one gets the row.
  const owner = randomUUID();
  const [held] = await db
    .update(t.plannerPlans)
    .set({ syncLeaseUntil: new Date(now.getTime() + SYNC_LEASE_MS).toISOString(), syncLeaseOwner: owner })
    .where(and(planWhere, or(isNull(t.plannerPlans.syncLeaseUntil), lt(t.plannerPlans.syncLeaseUntil, now.toISOString()))))
    .returning({ owner: t.plannerPlans.syncLeaseOwner });
  if (held?.owner !== owner) return { ...result, skipped: "busy" };
  try {
    return await syncHeld(deps, scope, plan.planId, client, now, result, planWhere);
  } finally {
    await db
      .update(t.plannerPlans)
      .set({ syncLeaseUntil: null, syncLeaseOwner: null })
      .where(and(planWhere, eq(t.plannerPlans.syncLeaseOwner, owner)));
  }
}

async function syncHeld(
  deps: PlannerSyncDeps,
  scope: { tenantId: string; projectId: string; linkBase: string },
  planId: string,
  client: PlannerClient,
  now: Date,
  result: PlannerSyncResult,
  planWhere: ReturnType<typeof and>,
): Promise<PlannerSyncResult> {
  const { db } = deps;
  try {
    await runSync(deps, scope, planId, client, now, result);
    await db.update(t.plannerPlans).set({ polledAt: now.toISOString(), throttledUntil: null, lastError: null }).where(planWhere);
    return result;
  } catch (error) {
    if (error instanceof Throttled) {
      const until = new Date(now.getTime() + error.retryAfterSeconds * 1000).toISOString();
      await db.update(t.plannerPlans).set({ polledAt: now.toISOString(), throttledUntil: until, lastError: "Planner asked Callbook to wait (429)" }).where(planWhere);
      return { ...result, throttledUntil: until };
    }
    const message = error instanceof Error ? error.message : String(error);
    await db.update(t.plannerPlans).set({ polledAt: now.toISOString(), lastError: message }).where(planWhere);
    throw error;
  }
}

/** Turns a 429 into Throttled (with its Retry-After), anything else passes. */
async function graph<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof GraphRequestFailed && error.status === 429) throw new Throttled(error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_S);
    throw error;
  }
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
  const remote = new Map((await graph(client.listPlanTasks(planId))).map((task) => [task.id, task]));

  const assigneeOf = async (ownerId: string | null): Promise<string | null> => {
    const owner = ownerId ? owners.get(ownerId) : undefined;
    if (!owner) return null;
    if (owner.entraObjectId) return owner.entraObjectId;
    const oid = await graph(client.findUserId(owner.email));
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

  for (const original of items) {
    let item = original;
    let link = linkByItem.get(item.id);
    if (link?.state === "deleted") continue;
    const claim = claimByItem.get(item.id);
    if (!link && claim) {
      // A create whose answer was lost: the task may be in the plan already.
      const found = claimedTask(claim, planId, remote.values(), linkedTaskIds);
      if (found) {
        link = await adopt(db, scope, item, claim, found, now);
        linkedTaskIds.add(found.id);
        result.adopted += 1;
      }
    }
    if (!link && !belongsInPlanner(item, item.ownerId ? (owners.get(item.ownerId) ?? null) : null)) {
      if (claim) await dropClaim(db, claim);
      continue;
    }
    if (link && !belongsInPlanner(item, item.ownerId ? (owners.get(item.ownerId) ?? null) : null)) continue;
    if (!link) {
      if (item.status !== "open") {
        if (claim) await dropClaim(db, claim);
        continue;
      }
      await createTask(deps, scope, planId, client, item, await desiredOf(item), now);
      result.created += 1;
      continue;
    }
    let current: LinkRow = link;
    let task: PlannerTaskState | null = remote.get(link.taskId) ?? (await graph(client.getTask(link.taskId)));
    // A link back cut short by a 429 or a failure is written now.
    if (task && !link.linkedBack) await linkBack(deps, scope, client, item, link);
    for (let attempt = 0; ; attempt++) {
      if (!task) {
        await unlink(db, current, now);
        result.unlinked.push({ itemId: item.id, title: item.title });
        break;
      }
      if (task.etag !== current.etag) {
        const pulled = await pull(deps, scope, item, current, task, now);
        item = pulled.item;
        current = pulled.link;
        if (pulled.changed) result.pulled += 1;
      }
      const desired = await desiredOf(item);
      const changed = changedFields(syncedOf(current), desired);
      if (changed.length === 0) break;
      try {
        const updated = await graph(client.updateTask(current.taskId, current.etag, patchFor(changed, syncedOf(current), desired)));
        current = await recordSynced(db, current, updated.etag, desired, item.version, now);
        result.pushed += 1;
        break;
      } catch (error) {
        if (!(error instanceof GraphRequestFailed) || attempt >= MAX_CONFLICT_RETRIES) throw error;
        if (error.status === 404) task = null;
        else if (error.status === 412) {
          result.conflicts += 1;
          task = await graph(client.getTask(current.taskId));
        } else throw error;
      }
    }
  }
}

function syncedOf(link: LinkRow): PlannerTaskFields {
  return { title: link.syncedTitle, dueDate: link.syncedDueDate, done: link.syncedDone, assignee: link.syncedAssignee };
}

function patchFor(changed: (keyof PlannerTaskFields)[], from: PlannerTaskFields, to: PlannerTaskFields): PlannerTaskWrite {
  const body: PlannerTaskWrite = {};
  for (const field of changed) {
    if (field === "title") body.title = to.title;
    if (field === "dueDate") body.dueDateTime = to.dueDate ? plannerDueDateTime(to.dueDate) : null;
    if (field === "done") body.percentComplete = to.done ? 100 : 0;
    if (field === "assignee") {
      body.assignments = {};
      if (from.assignee) body.assignments[from.assignee] = null;
      if (to.assignee) body.assignments[to.assignee] = assignment;
    }
  }
  return body;
}

async function createTask(
  deps: PlannerSyncDeps,
  scope: { tenantId: string; projectId: string; linkBase: string },
  planId: string,
  client: PlannerClient,
  item: RaidRow,
  desired: PlannerTaskFields,
  now: Date,
): Promise<void> {
  const { db } = deps;
  const dueDateTime = desired.dueDate ? plannerDueDateTime(desired.dueDate) : null;
  // The claim is stored before the POST: Planner has no idempotency key, so when the answer is
  // lost (connection dropped after Planner accepted) the next sync finds the task by this claim.
  const claim = { title: desired.title, dueDateTime, assignee: desired.assignee, planId, marker: randomUUID(), claimedAt: now.toISOString() };
  await db
    .insert(t.plannerTaskClaims)
    .values({ tenantId: scope.tenantId, raidItemId: item.id, projectId: scope.projectId, ...claim })
    .onConflictDoUpdate({ target: t.plannerTaskClaims.raidItemId, set: claim });
  const task = await graph(
    client.createTask({
      planId,
      title: desired.title,
      ...(dueDateTime ? { dueDateTime } : {}),
      ...(desired.assignee ? { assignments: { [desired.assignee]: assignment } } : {}),
    }),
  );
  // The link is stored before the details are written: a failure there never creates a second
  // task. The claim goes in the same transaction.
  const link = await db.transaction(async (tx) => {
    const [stored] = await tx
      .insert(t.plannerTasks)
      .values({
        tenantId: scope.tenantId,
        raidItemId: item.id,
        projectId: scope.projectId,
        planId,
        taskId: task.id,
        etag: task.etag,
        syncedVersion: item.version,
        syncedTitle: desired.title,
        syncedDueDate: desired.dueDate,
        syncedDone: false,
        syncedAssignee: desired.assignee,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      })
      .returning();
    await tx.delete(t.plannerTaskClaims).where(and(eq(t.plannerTaskClaims.tenantId, scope.tenantId), eq(t.plannerTaskClaims.raidItemId, item.id)));
    return stored;
  });
  if (!link) throw new Error("planner link not stored");
  await linkBack(deps, scope, client, item, link);
}

/**
 * The task a lost create made, if the plan has it: the claim's exact title, due instant and
 * assignee, and linked to no other item. Planner cannot carry a client marker in the create
 * body (details are read-only there), so these three values sent are the marker.
 */
function claimedTask(claim: ClaimRow, planId: string, tasks: Iterable<PlannerTaskState>, linked: Set<string>): PlannerTaskState | null {
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
async function adopt(db: Db, scope: { tenantId: string; projectId: string }, item: RaidRow, claim: ClaimRow, task: PlannerTaskState, now: Date): Promise<LinkRow> {
  return db.transaction(async (tx) => {
    const [stored] = await tx
      .insert(t.plannerTasks)
      .values({
        tenantId: scope.tenantId,
        raidItemId: item.id,
        projectId: scope.projectId,
        planId: claim.planId,
        taskId: task.id,
        etag: task.etag,
        syncedVersion: item.version,
        syncedTitle: task.title,
        syncedDueDate: dueDateOfPlanner(task.dueDateTime),
        syncedDone: plannerDone(task.percentComplete),
        syncedAssignee: claim.assignee,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      })
      .returning();
    await tx.delete(t.plannerTaskClaims).where(and(eq(t.plannerTaskClaims.tenantId, scope.tenantId), eq(t.plannerTaskClaims.raidItemId, item.id)));
    if (!stored) throw new Error("planner link not stored");
    return stored;
  });
}

async function dropClaim(db: Db, claim: ClaimRow): Promise<void> {
  await db.delete(t.plannerTaskClaims).where(and(eq(t.plannerTaskClaims.tenantId, claim.tenantId), eq(t.plannerTaskClaims.raidItemId, claim.raidItemId)));
}

/** Writes the link back to the call (or the RAID log) into the task's details, and records that it is there. */
async function linkBack(
  deps: PlannerSyncDeps,
  scope: { tenantId: string; projectId: string; linkBase: string },
  client: PlannerClient,
  item: RaidRow,
  link: LinkRow,
): Promise<void> {
  const { db } = deps;
  const meeting = item.raisedInMeetingId
    ? (await db.select({ subject: t.meetings.subject, startsAt: t.meetings.startsAt }).from(t.meetings).where(and(eq(t.meetings.tenantId, scope.tenantId), eq(t.meetings.id, item.raisedInMeetingId))))[0]
    : undefined;
  const url = item.raisedInMeetingId ? `${scope.linkBase}/meetings/${item.raisedInMeetingId}` : `${scope.linkBase}/projects/${scope.projectId}`;
  const from = meeting ? `"${meeting.subject}" on ${easternDateOf(new Date(meeting.startsAt))}` : "the project's RAID log";
  // Writing details changes only the details' ETag, not the task's.
  await graph(client.addLinkBack(link.taskId, { url, referenceKey: plannerReferenceKey(url), alias: meeting ? `Callbook: ${meeting.subject}` : "Callbook RAID log", description: `Action from ${from} in Callbook: ${url}` }));
  await db.update(t.plannerTasks).set({ linkedBack: true }).where(and(eq(t.plannerTasks.tenantId, link.tenantId), eq(t.plannerTasks.raidItemId, link.raidItemId)));
}

async function recordSynced(db: Db, link: LinkRow, etag: string, fields: PlannerTaskFields, version: number, now: Date): Promise<LinkRow> {
  const [updated] = await db
    .update(t.plannerTasks)
    .set({ etag, syncedTitle: fields.title, syncedDueDate: fields.dueDate, syncedDone: fields.done, syncedAssignee: fields.assignee, syncedVersion: version, updatedAt: now.toISOString() })
    .where(and(eq(t.plannerTasks.tenantId, link.tenantId), eq(t.plannerTasks.raidItemId, link.raidItemId)))
    .returning();
  if (!updated) throw new Error("planner link vanished");
  return updated;
}

async function unlink(db: Db, link: LinkRow, now: Date): Promise<void> {
  await db
    .update(t.plannerTasks)
    .set({ state: "deleted", unlinkedAt: now.toISOString(), updatedAt: now.toISOString() })
    .where(and(eq(t.plannerTasks.tenantId, link.tenantId), eq(t.plannerTasks.raidItemId, link.raidItemId)));
}

/**
 * Brings a task's completion and due date into the RAID item when they moved in Planner since the
 * last agreed values: one versioned update (Planner wins for these two fields), audited, with a
 * live event on the call the item came from. Title and owner stay Callbook's.
 */
async function pull(
  deps: PlannerSyncDeps,
  scope: { tenantId: string; projectId: string },
  item: RaidRow,
  link: LinkRow,
  task: PlannerTaskState,
  now: Date,
): Promise<{ item: RaidRow; link: LinkRow; changed: boolean }> {
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
