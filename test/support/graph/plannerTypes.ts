import type { PlannerAssignment, PlannerExternalReference, PlannerPlan, PlannerTask, PlannerTaskDetails } from "@microsoft/microsoft-graph-types";

// Graph v1.0 Planner types as runtime key lists, derived from `@microsoft/microsoft-graph-types`
// (2.43): each record must name every property of its interface and nothing else (the compiler
// checks both ways), and says whether a client may write it (Microsoft Graph "Create plannerTask",
// "Update plannerTask", "Update plannerTaskDetails"). The fake Planner refuses any other key with
// Graph's 400 text.

type Access = "create" | "write" | "read";

/** plannerTask: "create" = only on POST, "write" = POST and PATCH, "read" = answered only. */
export const plannerTaskProperties: Record<keyof Required<PlannerTask>, Access> = {
  id: "read",
  activeChecklistItemCount: "read",
  appliedCategories: "write",
  assigneePriority: "write",
  assignments: "write",
  bucketId: "write",
  checklistItemCount: "read",
  completedBy: "read",
  completedDateTime: "read",
  conversationThreadId: "write",
  createdBy: "read",
  createdDateTime: "read",
  dueDateTime: "write",
  hasDescription: "read",
  orderHint: "write",
  percentComplete: "write",
  planId: "create",
  previewType: "write",
  priority: "write",
  referenceCount: "read",
  startDateTime: "write",
  title: "write",
  assignedToTaskBoardFormat: "read",
  bucketTaskBoardFormat: "read",
  details: "read",
  progressTaskBoardFormat: "read",
};

export const plannerTaskDetailsProperties: Record<keyof Required<PlannerTaskDetails>, Access> = {
  id: "read",
  checklist: "write",
  description: "write",
  previewType: "write",
  references: "write",
};

export const plannerPlanProperties: Record<keyof Required<PlannerPlan>, Access> = {
  id: "read",
  container: "create",
  createdBy: "read",
  createdDateTime: "read",
  owner: "create",
  title: "write",
  buckets: "read",
  details: "read",
  tasks: "read",
};

export const plannerAssignmentProperties: Record<keyof Required<PlannerAssignment>, Access> = {
  assignedBy: "read",
  assignedDateTime: "read",
  orderHint: "write",
};

export const plannerExternalReferenceProperties: Record<keyof Required<PlannerExternalReference>, Access> = {
  alias: "write",
  lastModifiedBy: "read",
  lastModifiedDateTime: "read",
  previewPriority: "write",
  type: "write",
};

/** A typed fixture of what Planner answers for a task (the fake's stored shape). */
export type StoredPlannerTask = Required<Pick<PlannerTask, "id" | "planId" | "title" | "createdDateTime" | "orderHint">> &
  Pick<PlannerTask, "dueDateTime" | "percentComplete" | "assignments" | "completedDateTime" | "bucketId" | "priority">;

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const dateTimeOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;

function keysProblems(type: string, body: Record<string, unknown>, properties: Record<string, Access>, allowed: readonly Access[]): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(body)) {
    if (key.startsWith("@odata.")) continue;
    const access = properties[key];
    if (access === undefined) problems.push(`The property '${key}' does not exist on type 'microsoft.graph.${type}'. Make sure to only use property names that are defined by the type.`);
    else if (!allowed.includes(access)) problems.push(`The property '${key}' of type 'microsoft.graph.${type}' cannot be set in this request.`);
  }
  return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Problems of a POST (create) or PATCH (update) plannerTask body; empty when Graph would accept it. */
export function plannerTaskBodyProblems(body: unknown, mode: "create" | "update"): string[] {
  if (!isObject(body)) return ["The request body must be a JSON object."];
  const problems = keysProblems("plannerTask", body, plannerTaskProperties, mode === "create" ? ["create", "write"] : ["write"]);
  if (mode === "create" && typeof body.planId !== "string") problems.push("planId: a plan id is required.");
  if (mode === "create" && typeof body.title !== "string") problems.push("title: a title is required.");
  if ("title" in body && (typeof body.title !== "string" || body.title.length > 255)) problems.push("title: a string of at most 255 characters is required.");
  if ("dueDateTime" in body && body.dueDateTime !== null && (typeof body.dueDateTime !== "string" || !dateTimeOffset.test(body.dueDateTime))) {
    problems.push(`Cannot convert ${JSON.stringify(body.dueDateTime)} to Edm.DateTimeOffset at 'dueDateTime'.`);
  }
  if ("percentComplete" in body && !(Number.isInteger(body.percentComplete) && (body.percentComplete as number) >= 0 && (body.percentComplete as number) <= 100)) {
    problems.push("percentComplete: an integer from 0 to 100 is required.");
  }
  if ("assignments" in body) {
    if (!isObject(body.assignments)) problems.push("assignments: an open type plannerAssignments object is required.");
    else
      for (const [userId, value] of Object.entries(body.assignments)) {
        if (!guid.test(userId)) problems.push(`assignments: '${userId}' is not a user id.`);
        if (value === null) continue;
        if (!isObject(value) || value["@odata.type"] !== "#microsoft.graph.plannerAssignment") {
          problems.push(`assignments.${userId}: a microsoft.graph.plannerAssignment with '@odata.type' is required.`);
          continue;
        }
        problems.push(...keysProblems("plannerAssignment", value, plannerAssignmentProperties, ["write"]));
        if (typeof value.orderHint !== "string") problems.push(`assignments.${userId}.orderHint: a string is required.`);
      }
  }
  return problems;
}

/** Problems of a PATCH plannerTaskDetails body (references keyed by encoded URLs). */
export function plannerTaskDetailsBodyProblems(body: unknown): string[] {
  if (!isObject(body)) return ["The request body must be a JSON object."];
  const problems = keysProblems("plannerTaskDetails", body, plannerTaskDetailsProperties, ["write"]);
  if ("description" in body && body.description !== null && typeof body.description !== "string") problems.push("description: a string is required.");
  if ("references" in body) {
    if (!isObject(body.references)) problems.push("references: an open type plannerExternalReferences object is required.");
    else
      for (const [key, value] of Object.entries(body.references)) {
        if (/[.:@#]/.test(key) || !/^https?%3A/i.test(key)) problems.push(`references: the key '${key}' must be a URL with '%', '.', ':', '@' and '#' encoded.`);
        if (value === null) continue;
        if (!isObject(value) || value["@odata.type"] !== "#microsoft.graph.plannerExternalReference") {
          problems.push(`references: a microsoft.graph.plannerExternalReference with '@odata.type' is required.`);
          continue;
        }
        problems.push(...keysProblems("plannerExternalReference", value, plannerExternalReferenceProperties, ["write"]));
      }
  }
  return problems;
}
