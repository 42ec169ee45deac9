import type { TaskStatus } from "../../contracts/types";
import { dateOf, fieldLabels, textOf, type ImportMapping } from "./layouts";
import type { Table, TableRow } from "./readTable";
import { lookup, ownerResolver, rejectOf, shownKey, type ImportAdd, type ImportReject, type ImportUpdate, type PersonRef, type ShownValue } from "./importReport";

// Schedule import, planned without touching the database: which rows add a task, which
// change one (matched by Callbook ID, then the file's ID = external_ref, then the name), which
// change nothing, and which are refused and why.

export interface TaskValues {
  name: string;
  ownerId: string | null;
  startDate: string | null;
  dueDate: string | null;
  status: TaskStatus;
  dependsOnTaskId: string | null;
  externalRef: string | null;
}
export interface ExistingTask extends TaskValues {
  id: string;
}

export interface TaskPlan {
  add: ImportAdd[];
  update: ImportUpdate[];
  unchanged: number;
  reject: ImportReject[];
  inserts: ExistingTask[];
  updates: { id: string; set: Partial<TaskValues> }[];
}

const statuses: Record<string, TaskStatus> = {
  "": "not_started", notstarted: "not_started", todo: "not_started", new: "not_started", open: "not_started", planned: "not_started",
  inprogress: "in_progress", started: "in_progress", active: "in_progress", ontrack: "in_progress", atrisk: "in_progress",
  blocked: "blocked", onhold: "blocked",
  complete: "done", completed: "done", done: "done", closed: "done", finished: "done",
};
export const taskStatusLabels: Record<TaskStatus, string> = { not_started: "Not Started", in_progress: "In Progress", blocked: "Blocked", done: "Complete" };

interface Parsed {
  row: TableRow;
  values: TaskValues;
  depText: string;
  problems: string[];
  targetId: string;
  existing: ExistingTask | undefined;
}

export function planTasks(table: Table, mapping: ImportMapping, people: PersonRef[], existing: ExistingTask[], newId: () => string): TaskPlan {
  const col = mapping.columns;
  const cell = (r: TableRow, field: string) => (col[field] ? (r.cells.get(col[field]) ?? null) : null);
  const owner = ownerResolver(people);
  const personName = new Map(people.map((p) => [p.id, p.name]));
  const byId = new Map(existing.map((e) => [e.id, e]));
  const byRef = new Map(existing.filter((e) => e.externalRef).map((e) => [(e.externalRef ?? "").toLowerCase(), e]));
  const byName = new Map<string, ExistingTask[]>();
  for (const e of existing) byName.set(e.name.toLowerCase(), [...(byName.get(e.name.toLowerCase()) ?? []), e]);

  const parsed: Parsed[] = [];
  const seen = new Map<string, number>();
  const reject: ImportReject[] = [];
  for (const r of table.rows) {
    const problems: string[] = [];
    const name = textOf(cell(r, "name"));
    const ref = textOf(cell(r, "externalRef"));
    if (!name) problems.push("task name is empty");
    else if (name.length > 500) problems.push("task name is longer than 500 characters");
    const date = (field: "startDate" | "dueDate") => {
      const value = dateOf(cell(r, field), mapping.dateFormat);
      if (value === undefined) problems.push(`${fieldLabels[field]} '${textOf(cell(r, field))}' is not a date`);
      return value ?? null;
    };
    const startDate = date("startDate");
    const dueDate = date("dueDate");
    if (startDate && dueDate && dueDate < startDate) problems.push(`due date ${dueDate} is before start date ${startDate}`);
    const ownerText = textOf(cell(r, "owner"));
    const who = owner(ownerText);
    if ("problem" in who) problems.push(who.problem);
    const statusText = textOf(cell(r, "status"));
    const status = lookup(statuses, statusText);
    if (!status) problems.push(`status '${statusText}' is not one of ${Object.values(taskStatusLabels).join(", ")}`);

    const byCallbookId = byId.get(textOf(cell(r, "callbookId")));
    const named = byName.get(name.toLowerCase()) ?? [];
    const nameMatch = named.filter((e) => !ref || !e.externalRef || e.externalRef.toLowerCase() === ref.toLowerCase());
    const match = byCallbookId ?? (ref ? byRef.get(ref.toLowerCase()) : undefined) ?? (nameMatch.length === 1 ? nameMatch[0] : undefined);
    if (!match && nameMatch.length > 1) problems.push(`task name '${name}' matches ${nameMatch.length} tasks: add an ID column`);

    const key = match ? `id:${match.id}` : ref ? `ref:${ref.toLowerCase()}` : `name:${name.toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined && name) {
      reject.push(rejectOf(r.row, [`duplicate of row ${first}`]));
      continue;
    }
    seen.set(key, r.row);
    const values: TaskValues = {
      name,
      ownerId: "id" in who ? who.id : null,
      startDate,
      dueDate,
      status: status ?? "not_started",
      dependsOnTaskId: null,
      externalRef: ref || null,
    };
    parsed.push({ row: r, values, depText: textOf(cell(r, "dependsOn")), problems, targetId: match?.id ?? newId(), existing: match });
  }

  // Dependencies: SmartSheet "Predecessors" hold row numbers (3, 3FS, 3SS+2d, "3, 5": the first counts);
  // other layouts name the task by its ID or name, in the file or already in the project.
  const header = col.dependsOn?.toLowerCase().replace(/[^a-z]/g, "") ?? "";
  const rowNumbers = header.startsWith("predecessor");
  const inFileByRow = new Map(parsed.map((p) => [p.row.row, p]));
  const inFile = new Map<string, Parsed>();
  for (const p of parsed) {
    if (p.values.externalRef) inFile.set(p.values.externalRef.toLowerCase(), p);
    if (!inFile.has(p.values.name.toLowerCase())) inFile.set(p.values.name.toLowerCase(), p);
  }
  const nameOfTask = (id: string) => parsed.find((p) => p.targetId === id)?.values.name ?? byId.get(id)?.name ?? null;
  for (const p of parsed) {
    if (!p.depText) continue;
    const first = p.depText.split(/[,;]/)[0]?.trim() ?? "";
    let target: string | undefined;
    if (rowNumbers) {
      const n = /^(\d+)/.exec(first);
      target = n ? inFileByRow.get(Number(n[1]) + table.headerRow)?.targetId : undefined;
      if (!target) p.problems.push(`predecessor '${p.depText}' is not a row of this file`);
    } else {
      const k = first.toLowerCase();
      target = inFile.get(k)?.targetId ?? byRef.get(k)?.id ?? ((byName.get(k) ?? []).length === 1 ? byName.get(k)?.[0]?.id : undefined);
      if (!target) p.problems.push(`predecessor '${p.depText}' is not a task in this file or project`);
    }
    if (target && target === p.targetId) p.problems.push(`predecessor '${p.depText}' is the task itself`);
    else if (target) p.values.dependsOnTaskId = target;
  }

  const plan: TaskPlan = { add: [], update: [], unchanged: 0, reject, inserts: [], updates: [] };
  const mapped = (field: keyof TaskValues) => Boolean(col[field === "ownerId" ? "owner" : field === "dependsOnTaskId" ? "dependsOn" : field]);
  const shown = (field: keyof TaskValues, v: TaskValues): ShownValue => {
    if (field === "ownerId") return v.ownerId ? (personName.get(v.ownerId) ?? v.ownerId) : null;
    if (field === "dependsOnTaskId") return v.dependsOnTaskId ? nameOfTask(v.dependsOnTaskId) : null;
    return v[field];
  };
  const fields: (keyof TaskValues)[] = ["name", "externalRef", "ownerId", "startDate", "dueDate", "status", "dependsOnTaskId"];
  for (const p of parsed) {
    if (p.problems.length) {
      plan.reject.push(rejectOf(p.row.row, p.problems));
      continue;
    }
    if (!p.existing) {
      plan.inserts.push({ id: p.targetId, ...p.values });
      plan.add.push({ row: p.row.row, fields: Object.fromEntries(fields.filter(mapped).map((f) => [shownKey(f), shown(f, p.values)])) });
      continue;
    }
    const before = p.existing;
    const changed = fields.filter((f) => mapped(f) && before[f] !== p.values[f]);
    if (changed.length === 0) {
      plan.unchanged += 1;
      continue;
    }
    plan.updates.push({ id: before.id, set: Object.fromEntries(changed.map((f) => [f, p.values[f]])) });
    plan.update.push({
      row: p.row.row,
      id: before.id,
      key: before.name,
      changes: Object.fromEntries(changed.map((f) => [shownKey(f), { from: shown(f, before), to: shown(f, p.values) }])),
    });
  }
  plan.reject.sort((a, b) => a.row - b.row);
  return plan;
}
