import { z } from "zod";
import type { RequestIdentity } from "../auth/verifyTeamsToken";
import { GraphRequestFailed } from "./MailCalendarGateway";
import type { GraphRequester } from "./graphRequester";
import { nextLinkPath } from "./nextLinkPath";
import { withEtagRetry } from "./withEtagRetry";

/** Re-reads of a task's details after a 412 before the link back gives up (and throws the 412). */
const LINK_BACK_CONFLICT_RETRIES = 3;

// Microsoft Planner through Graph v1.0 (issue 17 §4): plans, tasks, task details, and the user id
// an assignment needs. Writes carry the ETag in If-Match (Graph "Update plannerTask": 412 when it
// is stale) and ask for the updated task back (Prefer: return=representation) for its new ETag.
// Planner has no v1.0 change notifications, so changes made there are found by listing the plan.

/** What Callbook reads of a plannerTask. */
export interface PlannerTaskState {
  id: string;
  /** `@odata.etag`, e.g. `W/"JzEtVGFzayAgQEBAQEBAQEBAQEBAQEBARCc="`. */
  etag: string;
  title: string;
  planId: string;
  /** UTC ISO instant, or null. */
  dueDateTime: string | null;
  /** 0, 50 or 100 in Planner's UI; any 0–100 through Graph. */
  percentComplete: number;
  /** Entra object ids of the assignees. */
  assignees: string[];
  /** When Planner created the task (its own UTC ISO instant, read-only; null when not answered). */
  createdDateTime: string | null;
}

/** The body of POST /planner/tasks and PATCH /planner/tasks/{id} that Callbook sends (plannerTask properties only). */
export interface PlannerTaskWrite {
  planId?: string;
  title?: string;
  dueDateTime?: string | null;
  percentComplete?: number;
  /** Object id → `{ "@odata.type": "#microsoft.graph.plannerAssignment", orderHint }`, or null to remove. */
  assignments?: Record<string, { "@odata.type": "#microsoft.graph.plannerAssignment"; orderHint: string } | null>;
}

/** Planner for one identity: the signed-in caller (on-behalf-of) or a PM's stored consent (§5). */
export interface PlannerClient {
  /** The plan, or null when Graph answers 404 (no such plan, or not visible to this user). */
  getPlan(planId: string): Promise<{ id: string; title: string } | null>;
  /** Every task of the plan (follows @odata.nextLink). */
  listPlanTasks(planId: string): Promise<PlannerTaskState[]>;
  /** One task, or null when it was deleted (404). */
  getTask(taskId: string): Promise<PlannerTaskState | null>;
  createTask(body: PlannerTaskWrite & { planId: string; title: string }): Promise<PlannerTaskState>;
  /** PATCH with If-Match: `etag`. Throws GraphRequestFailed 412 when the ETag is stale, 404 when the task is gone. */
  updateTask(taskId: string, etag: string, body: PlannerTaskWrite): Promise<PlannerTaskState>;
  /** Adds a link back to Callbook to the task's details (references + description), If-Match the details' ETag; on 412 re-reads the details and tries again (3 times), then throws the 412. */
  addLinkBack(taskId: string, link: { url: string; alias: string; description: string; referenceKey: string }): Promise<void>;
  /** Entra object id of a user by UPN or e-mail (GET /users/{upn}); null when Graph does not know them. */
  findUserId(email: string): Promise<string | null>;
}

const taskSchema = z.object({
  id: z.string(),
  "@odata.etag": z.string(),
  title: z.string().nullish(),
  planId: z.string().nullish(),
  dueDateTime: z.string().nullish(),
  createdDateTime: z.string().nullish(),
  percentComplete: z.number().nullish(),
  assignments: z.record(z.string(), z.unknown()).nullish(),
});
const taskList = z.object({ value: z.array(taskSchema), "@odata.nextLink": z.string().nullish() });
const planSchema = z.object({ id: z.string(), title: z.string().nullish() });
const detailsSchema = z.object({ "@odata.etag": z.string() });
const userSchema = z.object({ id: z.string() });

function toState(raw: z.infer<typeof taskSchema>): PlannerTaskState {
  return {
    id: raw.id,
    etag: raw["@odata.etag"],
    title: raw.title ?? "",
    planId: raw.planId ?? "",
    dueDateTime: raw.dueDateTime ?? null,
    percentComplete: raw.percentComplete ?? 0,
    assignees: Object.keys(raw.assignments ?? {}),
    createdDateTime: raw.createdDateTime ?? null,
  };
}

const returnRepresentation = { Prefer: "return=representation" };
const enc = encodeURIComponent;

async function orNull<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof GraphRequestFailed && error.status === 404) return null;
    throw error;
  }
}

/**
 * A PlannerClient over `graph` for `identity`. Build `graph` with maxRetries 0: a 429 then reaches
 * the caller with its Retry-After (GraphRequestFailed.retryAfterSeconds), and the sync defers the
 * plan until then on the settable clock instead of sleeping in a request.
 */
export function createPlannerClient(graph: GraphRequester, identity: RequestIdentity): PlannerClient {
  return {
    getPlan: (planId) =>
      orNull(
        graph
          .call(identity, { operation: "getPlan", method: "GET", path: `/planner/plans/${enc(planId)}`, policy: "safe" })
          .then((raw) => {
            const plan = planSchema.parse(raw);
            return { id: plan.id, title: plan.title ?? "" };
          }),
      ),

    async listPlanTasks(planId) {
      const tasks: PlannerTaskState[] = [];
      let path: string | null = `/planner/plans/${enc(planId)}/tasks`;
      while (path) {
        const page = taskList.parse(await graph.call(identity, { operation: "listPlanTasks", method: "GET", path, policy: "safe" }));
        tasks.push(...page.value.map(toState));
        const next = page["@odata.nextLink"];
        path = next ? nextLinkPath(next) : null;
      }
      return tasks;
    },

    getTask: (taskId) =>
      orNull(
        graph
          .call(identity, { operation: "getTask", method: "GET", path: `/planner/tasks/${enc(taskId)}`, policy: "safe" })
          .then((raw) => toState(taskSchema.parse(raw))),
      ),

    async createTask(body) {
      // Not idempotent: no replay of a dropped connection ("throttleOnly"); the next sync decides again.
      const raw = await graph.call(identity, { operation: "createTask", method: "POST", path: "/planner/tasks", body, policy: "throttleOnly" });
      return toState(taskSchema.parse(raw));
    },

    async updateTask(taskId, etag, body) {
      const raw = await graph.call(identity, {
        operation: "updateTask",
        method: "PATCH",
        path: `/planner/tasks/${enc(taskId)}`,
        headers: { "If-Match": etag, ...returnRepresentation },
        body,
        policy: "throttleOnly",
      });
      return toState(taskSchema.parse(raw));
    },

    async addLinkBack(taskId, link) {
      const path = `/planner/tasks/${enc(taskId)}/details`;
      const read = async () => detailsSchema.parse(await graph.call(identity, { operation: "getTaskDetails", method: "GET", path, policy: "safe" }));
      // A 412 (someone edited the details since our read): read them again for a fresh ETag, like the task PATCH does.
      await withEtagRetry(
        await read(),
        (details) =>
          graph.call(identity, {
            operation: "updateTaskDetails",
            method: "PATCH",
            path,
            headers: { "If-Match": details["@odata.etag"] },
            body: {
              description: link.description,
              references: { [link.referenceKey]: { "@odata.type": "#microsoft.graph.plannerExternalReference", alias: link.alias, type: "Other" } },
            },
            policy: "throttleOnly",
          }),
        read,
        { maxRetries: LINK_BACK_CONFLICT_RETRIES },
      );
    },

    findUserId: (email) =>
      orNull(
        graph
          .call(identity, { operation: "getUser", method: "GET", path: `/users/${enc(email)}?$select=id`, policy: "safe" })
          .then((raw) => userSchema.parse(raw).id),
      ),
  };
}

/** Planner for Callbook: as the caller of a request, or as a PM with no request present. */
export interface PlannerAccess {
  /** As the signed-in caller (their on-behalf-of token). */
  forRequest(identity: RequestIdentity): PlannerClient;
  /** As a PM through their stored consent (issue 17 §5); its calls throw ReconnectRequired when Entra refuses the refresh. */
  forPerson(tenantId: string, personId: string): PlannerClient;
  /** Callbook's public address, for the link back on each task ("https://callbook.example"). */
  linkBase: string;
}
