import { randomBytes, randomUUID } from "node:crypto";
import type { GraphReply } from "./fakeGraphMailbox";
import { graphError } from "./fakeGraphMailbox";
import { plannerTaskBodyProblems, plannerTaskDetailsBodyProblems, type StoredPlannerTask } from "./plannerTypes";

// Microsoft Planner behind the fake Graph server: plans, tasks with ETags (If-Match required on
// PATCH, 412 when stale), task details, and users by UPN. Bodies are checked against the Graph
// types of @microsoft/microsoft-graph-types (plannerTypes.ts). Test hooks edit or delete tasks
// "in Planner", as a person would in the Planner app.

export type PlannerRouteName =
  | "getPlan"
  | "listPlanTasks"
  | "createPlannerTask"
  | "getPlannerTask"
  | "updatePlannerTask"
  | "getPlannerTaskDetails"
  | "updatePlannerTaskDetails"
  | "getUser";

export const plannerRoutes: { method: string; pattern: RegExp; name: PlannerRouteName }[] = [
  { method: "GET", pattern: /^\/planner\/plans\/([^/]+)$/, name: "getPlan" },
  { method: "GET", pattern: /^\/planner\/plans\/([^/]+)\/tasks$/, name: "listPlanTasks" },
  { method: "POST", pattern: /^\/planner\/tasks$/, name: "createPlannerTask" },
  { method: "GET", pattern: /^\/planner\/tasks\/([^/]+)$/, name: "getPlannerTask" },
  { method: "PATCH", pattern: /^\/planner\/tasks\/([^/]+)$/, name: "updatePlannerTask" },
  { method: "GET", pattern: /^\/planner\/tasks\/([^/]+)\/details$/, name: "getPlannerTaskDetails" },
  { method: "PATCH", pattern: /^\/planner\/tasks\/([^/]+)\/details$/, name: "updatePlannerTaskDetails" },
  { method: "GET", pattern: /^\/users\/([^/]+)$/, name: "getUser" },
];

interface StoredDetails {
  etag: string;
  description: string;
  references: Record<string, Record<string, unknown>>;
}

export class FakePlanner {
  readonly plans = new Map<string, { id: string; title: string }>();
  readonly tasks = new Map<string, StoredPlannerTask & { etag: string }>();
  readonly details = new Map<string, StoredDetails>();
  readonly users = new Map<string, string>();
  private readonly beforePatch: ((taskId: string) => void)[] = [];
  private readonly beforeDetailsPatch: ((taskId: string) => void)[] = [];
  /** Tasks per page of `GET /planner/plans/{id}/tasks`; Graph pages the list and gives `@odata.nextLink` (an opaque `$skiptoken`) for the rest. */
  taskPageSize = 100;

  constructor(private readonly baseUrl: string) {}

  addPlan(title: string): string {
    const id = randomBytes(21).toString("base64url").slice(0, 28);
    this.plans.set(id, { id, title });
    return id;
  }

  /** A user Graph knows (GET /users/{upn}); returns their object id. */
  addUser(email: string, objectId: string = randomUUID()): string {
    this.users.set(email.toLowerCase(), objectId);
    return objectId;
  }

  /** Someone changes the task in the Planner app: the ETag moves. */
  editTask(taskId: string, changes: Partial<Pick<StoredPlannerTask, "dueDateTime" | "percentComplete" | "title">>): void {
    const task = this.tasks.get(taskId);
    if (!task) throw new Error(`fake Planner: no task ${taskId}`);
    Object.assign(task, changes, { etag: newEtag() });
    if (changes.percentComplete !== undefined) task.completedDateTime = changes.percentComplete === 100 ? new Date().toISOString() : null;
  }

  deleteTask(taskId: string): void {
    this.tasks.delete(taskId);
    this.details.delete(taskId);
  }

  /** Someone edits the task's notes in the Planner app: the details' ETag moves. */
  editTaskDetails(taskId: string, description: string): void {
    const details = this.details.get(taskId);
    if (!details) throw new Error(`fake Planner: no details for task ${taskId}`);
    Object.assign(details, { description, etag: newEtag() });
  }

  /** Runs `edit` with the task's id just before the next PATCH of task details is processed (its ETag is then stale); one PATCH per registered edit. */
  onNextDetailsPatch(edit: (taskId: string) => void): void {
    this.beforeDetailsPatch.push(edit);
  }

  /** Runs `edit` with the task's id just before the next PATCH of a task is processed (a concurrent edit: the PATCH's ETag is then stale). */
  onNextTaskPatch(edit: (taskId: string) => void): void {
    this.beforePatch.push(edit);
  }

  handle(route: PlannerRouteName, params: string[], headers: Record<string, string | string[] | undefined>, body: unknown, query: URLSearchParams = new URLSearchParams()): GraphReply {
    const id = params[0] ?? "";
    const ctx = `${this.baseUrl}/$metadata`;
    switch (route) {
      case "getPlan": {
        const plan = this.plans.get(id);
        if (!plan) return { status: 404, body: graphError("NotFound", "The requested item is not found.") };
        return { status: 200, body: { "@odata.context": `${ctx}#planner/plans/$entity`, "@odata.etag": newEtag(), ...plan, createdDateTime: "2026-11-01T12:00:00Z" } };
      }
      case "listPlanTasks": {
        if (!this.plans.has(id)) return { status: 404, body: graphError("NotFound", "The requested item is not found.") };
        const all = [...this.tasks.values()].filter((t) => t.planId === id).map((t) => this.present(t));
        const from = Number(Buffer.from(query.get("$skiptoken") ?? "", "base64url").toString() || "0");
        const value = all.slice(from, from + this.taskPageSize);
        const rest = from + this.taskPageSize < all.length;
        const skiptoken = Buffer.from(String(from + this.taskPageSize)).toString("base64url");
        return {
          status: 200,
          body: {
            "@odata.context": `${ctx}#planner/plans('${id}')/tasks`,
            ...(rest ? { "@odata.nextLink": `${this.baseUrl}/planner/plans/${id}/tasks?$skiptoken=${skiptoken}` } : {}),
            value,
          },
        };
      }
      case "createPlannerTask": {
        const problems = plannerTaskBodyProblems(body, "create");
        if (problems.length) return { status: 400, body: graphError("BadRequest", problems.join(" ")) };
        const input = body as Record<string, unknown>;
        if (!this.plans.has(String(input.planId))) return { status: 404, body: graphError("NotFound", "The requested item is not found.") };
        const task: StoredPlannerTask & { etag: string } = {
          id: randomBytes(21).toString("base64url").slice(0, 28),
          planId: String(input.planId),
          title: String(input.title),
          createdDateTime: new Date().toISOString(),
          orderHint: "8585269235419181615",
          dueDateTime: typeof input.dueDateTime === "string" ? input.dueDateTime : null,
          percentComplete: typeof input.percentComplete === "number" ? input.percentComplete : 0,
          assignments: assignmentsOf({}, input.assignments),
          completedDateTime: null,
          bucketId: null,
          priority: 5,
          etag: newEtag(),
        };
        this.tasks.set(task.id, task);
        this.details.set(task.id, { etag: newEtag(), description: "", references: {} });
        return { status: 201, body: { "@odata.context": `${ctx}#planner/tasks/$entity`, ...this.present(task) } };
      }
      case "getPlannerTask": {
        const task = this.tasks.get(id);
        if (!task) return { status: 404, body: graphError("NotFound", "The requested item is not found.") };
        return { status: 200, body: { "@odata.context": `${ctx}#planner/tasks/$entity`, ...this.present(task) } };
      }
      case "updatePlannerTask": {
        for (const edit of this.beforePatch.splice(0)) edit(id);
        const task = this.tasks.get(id);
        if (!task) return { status: 404, body: graphError("NotFound", "The requested item is not found.") };
        const ifMatch = headerOf(headers, "if-match");
        if (!ifMatch) return { status: 400, body: graphError("BadRequest", "The If-Match header must be specified for this kind of request.") };
        if (ifMatch !== task.etag) return { status: 412, body: graphError("PreconditionFailed", "The precondition given in one or more of the request-header fields evaluated to false.") };
        const problems = plannerTaskBodyProblems(body, "update");
        if (problems.length) return { status: 400, body: graphError("BadRequest", problems.join(" ")) };
        const input = body as Record<string, unknown>;
        if (typeof input.title === "string") task.title = input.title;
        if ("dueDateTime" in input) task.dueDateTime = (input.dueDateTime as string | null) ?? null;
        if (typeof input.percentComplete === "number") {
          task.percentComplete = input.percentComplete;
          task.completedDateTime = input.percentComplete === 100 ? new Date().toISOString() : null;
        }
        if ("assignments" in input) task.assignments = assignmentsOf({ ...task.assignments }, input.assignments);
        task.etag = newEtag();
        const representation = /return=representation/.test(headerOf(headers, "prefer") ?? "");
        return representation ? { status: 200, body: { "@odata.context": `${ctx}#planner/tasks/$entity`, ...this.present(task) } } : { status: 204 };
      }
      case "getPlannerTaskDetails": {
        const details = this.details.get(id);
        if (!details) return { status: 404, body: graphError("NotFound", "The requested item is not found.") };
        return { status: 200, body: { "@odata.etag": details.etag, id, description: details.description, references: details.references, previewType: "automatic", checklist: {} } };
      }
      case "updatePlannerTaskDetails": {
        this.beforeDetailsPatch.shift()?.(id);
        const details = this.details.get(id);
        if (!details) return { status: 404, body: graphError("NotFound", "The requested item is not found.") };
        const ifMatch = headerOf(headers, "if-match");
        if (!ifMatch) return { status: 400, body: graphError("BadRequest", "The If-Match header must be specified for this kind of request.") };
        if (ifMatch !== details.etag) return { status: 412, body: graphError("PreconditionFailed", "The precondition given in one or more of the request-header fields evaluated to false.") };
        const problems = plannerTaskDetailsBodyProblems(body);
        if (problems.length) return { status: 400, body: graphError("BadRequest", problems.join(" ")) };
        const input = body as { description?: string; references?: Record<string, Record<string, unknown> | null> };
        if (typeof input.description === "string") details.description = input.description;
        for (const [key, value] of Object.entries(input.references ?? {})) {
          if (value === null) delete details.references[key];
          else details.references[key] = { ...value, lastModifiedDateTime: new Date().toISOString() };
        }
        details.etag = newEtag();
        return { status: 204 };
      }
      case "getUser": {
        const oid = this.users.get(id.toLowerCase());
        if (!oid) return { status: 404, body: graphError("Request_ResourceNotFound", `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`) };
        return { status: 200, body: { "@odata.context": `${ctx}#users(id)/$entity`, id: oid } };
      }
    }
  }

  private present(task: StoredPlannerTask & { etag: string }): Record<string, unknown> {
    const { etag, ...rest } = task;
    return { "@odata.etag": etag, ...rest, hasDescription: (this.details.get(task.id)?.description ?? "") !== "", referenceCount: Object.keys(this.details.get(task.id)?.references ?? {}).length };
  }
}

function assignmentsOf(current: Record<string, unknown>, change: unknown): Record<string, unknown> {
  const next: Record<string, unknown> = { ...current };
  if (typeof change !== "object" || change === null) return next;
  for (const [userId, value] of Object.entries(change as Record<string, unknown>)) {
    if (value === null) delete next[userId];
    else next[userId] = { "@odata.type": "#microsoft.graph.plannerAssignment", assignedDateTime: new Date().toISOString(), orderHint: (value as { orderHint?: string }).orderHint ?? "", assignedBy: { user: { id: randomUUID() } } };
  }
  return next;
}

function headerOf(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

let etagCounter = 0;
function newEtag(): string {
  etagCounter += 1;
  return `W/"${Buffer.from(`'1-Task ${String(etagCounter).padStart(12, "@")}'`).toString("base64")}"`;
}
