import type { TaskStatus } from "../../contracts/types";
import type { PredecessorLink } from "../db/schema";
import { fieldLabels, textOf, type ImportMapping, type PredecessorMode } from "./layouts";
import { dateIn, type DateOrder } from "./parseDates";
import { lagWords, linkTypeWords, parsePredecessors, type WrittenLink } from "./parsePredecessors";
import type { Table, TableRow } from "./table";
import { lookup, ownerResolver, rejectOf, shownKey, type ImportAdd, type ImportLink, type ImportReject, type ImportUpdate, type PersonRef, type ShownValue } from "./importReport";

// Schedule import, planned without touching the database: which rows add a task, which
// change one (matched by Callbook ID, then the file's ID = external_ref, then the name), which
// change nothing, and which are refused and why. Predecessors are resolved through the file's
// ID column when it has one (MS Project), SmartSheet row numbers otherwise; a link that cannot be
// resolved refuses its row, never links to another task. The outline comes from "Outline Level"
// or from the indentation of the names.

export interface TaskValues {
  name: string;
  ownerId: string | null;
  startDate: string | null;
  dueDate: string | null;
  status: TaskStatus;
  dependsOnTaskId: string | null;
  externalRef: string | null;
  predecessors: string | null;
  predecessorLinks: PredecessorLink[] | null;
  parentTaskId: string | null;
  outlineLevel: number | null;
}
export interface ExistingTask extends TaskValues {
  id: string;
}

export interface TaskPlan {
  add: ImportAdd[];
  update: ImportUpdate[];
  unchanged: number;
  reject: ImportReject[];
  links: ImportLink[];
  inserts: ExistingTask[];
  updates: { id: string; set: Partial<TaskValues> }[];
}

export interface TaskPlanInput {
  table: Table;
  mapping: ImportMapping;
  predecessorMode: PredecessorMode;
  dateOrder: DateOrder | null;
  people: PersonRef[];
  existing: ExistingTask[];
  newId: () => string;
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
  written: WrittenLink[];
  problems: string[];
  targetId: string;
  existing: ExistingTask | undefined;
}

/** Leading spaces of a name cell ("    Build" under "Phase 1"); a tab counts as four. */
const indentOf = (cell: unknown) => (typeof cell === "string" ? (/^[ \t\u00a0]*/.exec(cell)?.[0] ?? "").replace(/\t/g, "    ").length : 0);

/**
 * Plans a schedule import (pure: no database, no clock). Rows that cannot be read, owners not in
 * the project and predecessors that do not resolve are refused with a reason; dates are read in
 * `input.dateOrder` (null: only dates that read one way).
 */
export function planTasks(input: TaskPlanInput): TaskPlan {
  const { table, mapping, people, existing, newId } = input;
  const col = mapping.columns;
  const cell = (r: TableRow, field: string) => (col[field] ? (r.cells.get(col[field]) ?? null) : null);
  const owner = ownerResolver(people);
  const personName = new Map(people.map((p) => [p.id, p.name]));
  const byId = new Map(existing.map((e) => [e.id, e]));
  const byRef = new Map(existing.filter((e) => e.externalRef).map((e) => [(e.externalRef ?? "").toLowerCase(), e]));
  const byName = new Map<string, ExistingTask[]>();
  for (const e of existing) byName.set(e.name.toLowerCase(), [...(byName.get(e.name.toLowerCase()) ?? []), e]);

  // The outline: the Outline Level column, else the names' indentation in steps of the smallest one.
  const indents = col.name ? table.rows.map((r) => indentOf(r.cells.get(col.name ?? ""))) : [];
  const step = Math.min(...indents.filter((n) => n > 0), Infinity);
  const hierarchy = Boolean(col.outlineLevel) || Number.isFinite(step);

  const parsed: Parsed[] = [];
  const seen = new Map<string, number>();
  const reject: ImportReject[] = [];
  table.rows.forEach((r, i) => {
    const problems: string[] = [];
    const name = textOf(cell(r, "name"));
    const ref = textOf(cell(r, "externalRef"));
    if (!name) problems.push("task name is empty");
    else if (name.length > 500) problems.push("task name is longer than 500 characters");
    const date = (field: "startDate" | "dueDate") => {
      const value = dateIn(cell(r, field), input.dateOrder);
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
    let outlineLevel: number | null = null;
    if (col.outlineLevel) {
      const levelText = textOf(cell(r, "outlineLevel"));
      if (levelText !== "" && !/^\d{1,2}$/.test(levelText)) problems.push(`outline level '${levelText}' is not a whole number`);
      else outlineLevel = levelText === "" ? null : Number(levelText);
    } else if (hierarchy) {
      outlineLevel = 1 + Math.round((indents[i] ?? 0) / step);
    }
    const depText = textOf(cell(r, "dependsOn"));
    let written: WrittenLink[] = [];
    if (depText && input.predecessorMode !== "names") {
      try {
        written = parsePredecessors(depText);
      } catch (e) {
        problems.push(`predecessor ${e instanceof Error ? e.message : "is not readable"}`);
      }
    } else if (depText) {
      written = [{ ref: depText.split(/[,;]/)[0]?.trim() ?? "", type: "FS", lagText: "", lagMinutes: 0, lagPercent: null, elapsed: false }];
    }

    const byCallbookId = byId.get(textOf(cell(r, "callbookId")));
    const named = byName.get(name.toLowerCase()) ?? [];
    const nameMatch = named.filter((e) => !ref || !e.externalRef || e.externalRef.toLowerCase() === ref.toLowerCase());
    const match = byCallbookId ?? (ref ? byRef.get(ref.toLowerCase()) : undefined) ?? (nameMatch.length === 1 ? nameMatch[0] : undefined);
    if (!match && nameMatch.length > 1) problems.push(`task name '${name}' matches ${nameMatch.length} tasks: add an ID column`);

    const key = match ? `id:${match.id}` : ref ? `ref:${ref.toLowerCase()}` : `name:${name.toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined && name) {
      reject.push(rejectOf(r.row, [`duplicate of row ${first}`]));
      return;
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
      predecessors: depText || null,
      predecessorLinks: null,
      parentTaskId: null,
      outlineLevel,
    };
    parsed.push({ row: r, values, written, problems, targetId: match?.id ?? newId(), existing: match });
  });

  // Parents: the nearest row above with a smaller outline level.
  if (hierarchy) {
    const stack: Parsed[] = [];
    for (const p of parsed) {
      const level = p.values.outlineLevel;
      if (level === null) continue;
      while (stack.length && (stack[stack.length - 1]?.values.outlineLevel ?? 0) >= level) stack.pop();
      p.values.parentTaskId = stack[stack.length - 1]?.targetId ?? null;
      stack.push(p);
    }
  }

  // Predecessors: by the file's ID column, by SmartSheet row number, or by ID or name.
  const inFileByRow = new Map(parsed.map((p) => [p.row.row, p]));
  const inFileByRef = new Map(parsed.filter((p) => p.values.externalRef).map((p) => [(p.values.externalRef ?? "").toLowerCase(), p]));
  const inFileByName = new Map<string, Parsed>();
  for (const p of parsed) if (!inFileByName.has(p.values.name.toLowerCase())) inFileByName.set(p.values.name.toLowerCase(), p);
  const nameById = new Map(parsed.map((p) => [p.targetId, p.values.name]));
  const nameOfTask = (id: string) => nameById.get(id) ?? byId.get(id)?.name ?? null;
  const links: ImportLink[] = [];
  for (const p of parsed) {
    if (p.written.length === 0) continue;
    const resolved: PredecessorLink[] = [];
    for (const w of p.written) {
      const k = w.ref.toLowerCase();
      let target: { id: string; name: string; row: number | null } | undefined;
      if (input.predecessorMode === "ids") {
        // Only this file's IDs: another file's ID 22 is another task.
        const f = inFileByRef.get(k);
        target = f ? { id: f.targetId, name: f.values.name, row: f.row.row } : undefined;
        if (!target) p.problems.push(`predecessor ${w.ref} is not an ID in this file's ${col.externalRef ?? "ID"} column`);
      } else if (input.predecessorMode === "rows") {
        const f = /^\d+$/.test(w.ref) ? inFileByRow.get(Number(w.ref) + table.headerRow) : undefined;
        target = f ? { id: f.targetId, name: f.values.name, row: f.row.row } : undefined;
        if (!target) p.problems.push(`predecessor '${w.ref}' is not a row of this file`);
      } else {
        const f = inFileByRef.get(k) ?? inFileByName.get(k);
        const e = f ? undefined : (byRef.get(k) ?? ((byName.get(k) ?? []).length === 1 ? byName.get(k)?.[0] : undefined));
        target = f ? { id: f.targetId, name: f.values.name, row: f.row.row } : e ? { id: e.id, name: e.name, row: null } : undefined;
        if (!target) p.problems.push(`predecessor '${w.ref}' is not a task in this file or project`);
      }
      if (!target) continue;
      if (target.id === p.targetId) {
        p.problems.push(`predecessor '${w.ref}' is the task itself`);
        continue;
      }
      const written = input.predecessorMode === "names" ? w.ref : `${w.ref}${w.type}${w.lagText}`;
      resolved.push({ taskId: target.id, type: w.type, written, lagMinutes: w.lagMinutes, lagPercent: w.lagPercent, elapsed: w.elapsed });
      links.push({ row: p.row.row, task: p.values.name, predecessor: target.name, predecessorRow: target.row, written: input.predecessorMode === "names" ? w.ref : w.ref + (w.lagText || w.type !== "FS" ? w.type + w.lagText : ""), type: linkTypeWords[w.type], lag: lagWords(w) });
    }
    if (resolved.length) {
      p.values.predecessorLinks = resolved;
      p.values.dependsOnTaskId = resolved[0]?.taskId ?? null;
    }
  }

  const plan: TaskPlan = { add: [], update: [], unchanged: 0, reject, links: [], inserts: [], updates: [] };
  const rejectedRows = new Set<number>();
  const mapped = (field: keyof TaskValues) => {
    if (field === "parentTaskId" || field === "outlineLevel") return hierarchy;
    if (field === "predecessorLinks" || field === "predecessors") return Boolean(col.dependsOn);
    return Boolean(col[field === "ownerId" ? "owner" : field === "dependsOnTaskId" ? "dependsOn" : field]);
  };
  const shown = (field: keyof TaskValues, v: TaskValues): ShownValue => {
    if (field === "ownerId") return v.ownerId ? (personName.get(v.ownerId) ?? v.ownerId) : null;
    if (field === "dependsOnTaskId") return v.dependsOnTaskId ? nameOfTask(v.dependsOnTaskId) : null;
    if (field === "parentTaskId") return v.parentTaskId ? nameOfTask(v.parentTaskId) : null;
    if (field === "predecessorLinks") return v.predecessorLinks ? v.predecessorLinks.map((l) => `${nameOfTask(l.taskId) ?? "?"} (${l.written})`).join(", ") : null;
    const value = v[field];
    return value === null ? null : String(value);
  };
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  // Links compare by what they mean (target, type, lag), not by how this file happened to write them;
  // a task with only a dependency (no stored links) means one finish-to-start link without lag.
  const meaning = (v: TaskValues) =>
    (v.predecessorLinks ?? (v.dependsOnTaskId ? [{ taskId: v.dependsOnTaskId, type: "FS", written: "", lagMinutes: 0, lagPercent: null, elapsed: false }] : [])).map(
      (l) => [l.taskId, l.type, l.lagMinutes, l.lagPercent, l.elapsed],
    );
  const fields: (keyof TaskValues)[] = ["name", "externalRef", "ownerId", "startDate", "dueDate", "status", "dependsOnTaskId", "parentTaskId"];
  for (const p of parsed) {
    if (p.problems.length) {
      plan.reject.push(rejectOf(p.row.row, p.problems));
      rejectedRows.add(p.row.row);
      continue;
    }
    if (!p.existing) {
      plan.inserts.push({ id: p.targetId, ...p.values });
      plan.add.push({ row: p.row.row, fields: Object.fromEntries(fields.filter(mapped).map((f) => [shownKey(f), shown(f, p.values)])) });
      continue;
    }
    const before = p.existing;
    const changed: (keyof TaskValues)[] = fields.filter((f) => mapped(f) && !same(before[f], p.values[f]));
    if (hierarchy && before.outlineLevel !== p.values.outlineLevel) changed.push("outlineLevel");
    // A "Depends on" column names one task and no link type or lag: only the target can change.
    const linksChanged =
      mapped("predecessorLinks") &&
      (input.predecessorMode === "names" ? before.dependsOnTaskId !== p.values.dependsOnTaskId : !same(meaning(before), meaning(p.values)));
    if (linksChanged) changed.push("predecessors", "predecessorLinks");
    if (changed.length === 0) {
      plan.unchanged += 1;
      continue;
    }
    plan.updates.push({ id: before.id, set: Object.fromEntries(changed.map((f) => [f, p.values[f]])) });
    const visible = changed.filter((f) => f !== "predecessors" && f !== "outlineLevel" && !same(shown(f, before), shown(f, p.values)));
    plan.update.push({
      row: p.row.row,
      id: before.id,
      key: before.name,
      changes: Object.fromEntries(visible.map((f) => [shownKey(f), { from: shown(f, before), to: shown(f, p.values) }])),
    });
  }
  plan.links = links.filter((l) => !rejectedRows.has(l.row));
  plan.reject.sort((a, b) => a.row - b.row);
  return plan;
}
