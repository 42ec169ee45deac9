import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import type { LiveBus } from "../../live/liveBus";
import { GraphRequestFailed } from "../../graph/MailCalendarGateway";
import type { PlannerClient, PlannerTaskState, PlannerTaskWrite } from "../../graph/plannerClient";
import { withEtagRetry } from "../../graph/withEtagRetry";
import { changedFields, plannerDueDateTime, plannerReferenceKey, type PlannerTaskFields } from "../../domain/planner/plannerTask";
import { easternDateOf } from "../../domain/queue/easternDay";
import { plannerCall } from "./plannerGraphCall";
import { dropClaim, storeClaim } from "./plannerTaskClaims";
import { recordSynced, syncedOf, unlinkPlannerTask, type PlannerLinkRow, type RaidRow } from "./plannerTaskLinks";
import { pullPlannerTask } from "./pullPlannerTask";

// The sync's writes to Planner: a new task for an item, its link back to the call, and Callbook's
// changes to a linked task (with If-Match, after bringing Planner's own changes in).

type SyncDeps = { db: Db; bus: LiveBus };
type SyncScope = { tenantId: string; projectId: string; linkBase: string };

/** PATCHes that may meet 412 after a re-read before the sync gives up on the item (and throws the 412). */
const MAX_CONFLICT_RETRIES = 3;
const assignment = { "@odata.type": "#microsoft.graph.plannerAssignment", orderHint: " !" } as const;

/** What one linked task's sync did: items updated from Planner, PATCHes accepted, 412s resolved by a re-read, and whether the task was found deleted (the link is then marked deleted). */
export interface LinkedTaskOutcome {
  pulled: number;
  pushed: number;
  conflicts: number;
  unlinked: boolean;
}

/**
 * Syncs one linked item with its task (`task`: as listed in the plan, or null when Planner no
 * longer has it). Writes a link back cut short earlier; when the task's ETag moved, pulls
 * Planner's completion and due date first; then PATCHes what still differs from the last agreed
 * values with If-Match, re-reading the task on 412 (at most 3 times, `withEtagRetry`). A task
 * gone (null, or 404 on the PATCH) unlinks the item. A 429 throws PlannerThrottled; other Graph
 * failures throw GraphRequestFailed.
 */
export async function syncLinkedTask(
  deps: SyncDeps,
  scope: SyncScope,
  client: PlannerClient,
  item: RaidRow,
  link: PlannerLinkRow,
  task: PlannerTaskState | null,
  desiredOf: (item: RaidRow) => Promise<PlannerTaskFields>,
  now: Date,
): Promise<LinkedTaskOutcome> {
  const { db } = deps;
  const outcome: LinkedTaskOutcome = { pulled: 0, pushed: 0, conflicts: 0, unlinked: false };
  // A link back cut short by a 429 or a failure is written now.
  if (task && !link.linkedBack) await writeLinkBack(db, scope, client, item, link);
  let current = link;
  const unlink = async () => {
    await unlinkPlannerTask(db, current, now);
    outcome.unlinked = true;
  };
  await withEtagRetry(
    task,
    async (latest) => {
      if (!latest) return unlink();
      if (latest.etag !== current.etag) {
        const pulled = await pullPlannerTask(deps, scope, item, current, latest, now);
        item = pulled.item;
        current = pulled.link;
        if (pulled.changed) outcome.pulled += 1;
      }
      const desired = await desiredOf(item);
      const changed = changedFields(syncedOf(current), desired);
      if (changed.length === 0) return;
      let updated: PlannerTaskState;
      try {
        updated = await plannerCall(client.updateTask(current.taskId, current.etag, patchFor(changed, syncedOf(current), desired)));
      } catch (error) {
        if (error instanceof GraphRequestFailed && error.status === 404) return unlink();
        throw error;
      }
      current = await recordSynced(db, current, updated.etag, desired, item.version, now);
      outcome.pushed += 1;
    },
    () => plannerCall(client.getTask(current.taskId)),
    { maxRetries: MAX_CONFLICT_RETRIES, onConflict: () => (outcome.conflicts += 1) },
  );
  return outcome;
}

/** The PATCH body for the fields that differ: title, due date (midnight US Eastern), completion (0/100), assignee swapped. */
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

/**
 * Creates the item's task in `planId` (assigned to `desired.assignee`, due at midnight US Eastern)
 * and links it: the claim is stored before the POST, the link (with the claim dropped) right after
 * it, then the link back is written to the task's details.
 */
export async function createPlannerTask(
  deps: SyncDeps,
  scope: SyncScope,
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
  await storeClaim(db, scope, item.id, planId, { title: desired.title, dueDateTime, assignee: desired.assignee });
  const task = await plannerCall(
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
    await dropClaim(tx, scope.tenantId, item.id);
    return stored;
  });
  if (!link) throw new Error("planner link not stored");
  await writeLinkBack(db, scope, client, item, link);
}

/** Writes the link back to the call (or the RAID log) into the task's details, and records that it is there. */
async function writeLinkBack(db: Db, scope: SyncScope, client: PlannerClient, item: RaidRow, link: PlannerLinkRow): Promise<void> {
  const meeting = item.raisedInMeetingId
    ? (await db.select({ subject: t.meetings.subject, startsAt: t.meetings.startsAt }).from(t.meetings).where(and(eq(t.meetings.tenantId, scope.tenantId), eq(t.meetings.id, item.raisedInMeetingId))))[0]
    : undefined;
  const url = item.raisedInMeetingId ? `${scope.linkBase}/meetings/${item.raisedInMeetingId}` : `${scope.linkBase}/projects/${scope.projectId}`;
  const from = meeting ? `"${meeting.subject}" on ${easternDateOf(new Date(meeting.startsAt))}` : "the project's RAID log";
  // Writing details changes only the details' ETag, not the task's.
  await plannerCall(client.addLinkBack(link.taskId, { url, referenceKey: plannerReferenceKey(url), alias: meeting ? `Callbook: ${meeting.subject}` : "Callbook RAID log", description: `Action from ${from} in Callbook: ${url}` }));
  await db.update(t.plannerTasks).set({ linkedBack: true }).where(and(eq(t.plannerTasks.tenantId, link.tenantId), eq(t.plannerTasks.raidItemId, link.raidItemId)));
}
