import type { DateFormat, ImportMapping } from "../../contracts/importExport";
import type { Cell, Table } from "./readTable";

// Which column holds which field: recognised by header names (SmartSheet and Excel layouts),
// or a mapping the project saved. Dates in d/m/y or m/d/y are told apart by the file itself.

export type ImportKind = "tasks" | "raid";

export const importFields = {
  tasks: ["callbookId", "externalRef", "name", "owner", "startDate", "dueDate", "status", "dependsOn"],
  raid: ["callbookId", "kind", "title", "description", "owner", "dueDate", "status"],
} as const;
export type TaskField = (typeof importFields.tasks)[number];
export type RaidField = (typeof importFields.raid)[number];

/** Header names per field, compared without case, spaces or punctuation. */
const aliases: Record<ImportKind, Record<string, string[]>> = {
  tasks: {
    callbookId: ["callbook id"],
    externalRef: ["id", "task id", "ref", "external ref", "reference", "row id", "wbs"],
    name: ["task name", "task", "name", "activity", "title"],
    owner: ["assigned to", "owner", "resource", "resource names", "responsible"],
    startDate: ["start date", "start", "begin"],
    dueDate: ["end date", "finish", "finish date", "due", "due date", "end"],
    status: ["status", "state"],
    dependsOn: ["predecessors", "predecessor", "depends on", "dependency"],
  },
  raid: {
    callbookId: ["callbook id"],
    kind: ["type", "kind", "category", "raid type", "item type"],
    title: ["title", "summary", "item", "name"],
    description: ["description", "details", "notes"],
    owner: ["owner", "assigned to", "action owner", "responsible"],
    dueDate: ["due date", "due", "target date", "date due"],
    status: ["status", "state"],
  },
};

const required: Record<ImportKind, string[]> = { tasks: ["name"], raid: ["kind", "title"] };
export const fieldLabels: Record<string, string> = {
  callbookId: "Callbook ID",
  externalRef: "ID",
  name: "task name",
  title: "title",
  kind: "type",
  description: "description",
  owner: "owner",
  startDate: "start date",
  dueDate: "due date",
  status: "status",
  dependsOn: "predecessor",
};

export type { DateFormat, ImportMapping };

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

export class MappingProblem extends Error {
  constructor(readonly fields: string[]) {
    super(fields.join("; "));
    this.name = "MappingProblem";
  }
}

/** The saved mapping when the file has all its columns; else one detected from the headers. */
export function mappingFor(kind: ImportKind, table: Table, saved: ImportMapping | null): { mapping: ImportMapping; layout: string } {
  const has = new Set(table.headers);
  if (saved && Object.values(saved.columns).every((h) => has.has(h))) return { mapping: saved, layout: "saved" };
  const byNorm = new Map(table.headers.map((h) => [norm(h), h]));
  const columns: Record<string, string> = {};
  for (const [field, names] of Object.entries(aliases[kind])) {
    const header = names.map((n) => byNorm.get(norm(n))).find((h) => h !== undefined && !Object.values(columns).includes(h));
    if (header) columns[field] = header;
  }
  if (kind === "raid" && !columns.title && columns.description) {
    columns.title = columns.description;
    delete columns.description;
  }
  const missing = required[kind].filter((f) => !columns[f]);
  if (missing.length) {
    throw new MappingProblem(
      missing.map((f) => `file: no column for the ${fieldLabels[f]} (a header like ${(aliases[kind][f] ?? []).slice(0, 3).map(title).join(", ")})`),
    );
  }
  const layout = kind === "raid" ? "raid_log" : has.has("Task Name") || has.has("Assigned To") || has.has("Predecessors") ? "smartsheet" : "excel";
  return { mapping: { columns, dateFormat: detectDateFormat(table, columns) }, layout };
}

/** Checks a mapping a person chose: known fields, required ones present. */
export function checkMapping(kind: ImportKind, columns: Record<string, string>): string[] {
  const known = importFields[kind] as readonly string[];
  return [
    ...Object.keys(columns).filter((f) => !known.includes(f)).map((f) => `columns.${f}: is not a field of ${kind} (${known.join(", ")})`),
    ...required[kind].filter((f) => !columns[f]).map((f) => `columns.${f}: is required`),
  ];
}

const title = (s: string) => s.replace(/\b\w/g, (c) => c.toUpperCase());

const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;

function detectDateFormat(table: Table, columns: Record<string, string>): DateFormat {
  const dateHeaders = [columns.startDate, columns.dueDate].filter((h): h is string => h !== undefined);
  let dayFirst = false;
  for (const r of table.rows) {
    for (const h of dateHeaders) {
      const m = SLASHED.exec(String(r.cells.get(h) ?? "").trim());
      if (m && Number(m[2]) > 12) return "mdy";
      if (m && Number(m[1]) > 12) dayFirst = true;
    }
  }
  return dayFirst ? "dmy" : "mdy";
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const pad = (n: number) => String(n).padStart(2, "0");

function isoOf(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** A date cell as 2026-12-31; null for an empty cell; undefined when it is not a date. */
export function dateOf(cell: Cell, format: DateFormat): string | null | undefined {
  if (cell === null) return null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : cell.toISOString().slice(0, 10);
  if (typeof cell === "number") {
    // An Excel serial day number (1900 date system).
    if (!Number.isInteger(cell) || cell < 1 || cell > 2_958_465) return undefined;
    return new Date(Date.UTC(1899, 11, 30) + cell * 86_400_000).toISOString().slice(0, 10);
  }
  const s = String(cell).trim();
  if (s === "") return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(s);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3])) ?? undefined;
  m = SLASHED.exec(s);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const year = y < 100 ? 2000 + y : y;
    return (format === "dmy" ? isoOf(year, b, a) : isoOf(year, a, b)) ?? undefined;
  }
  m = /^(\d{1,2})[ -]([a-z]{3})[a-z]*\.?[ -](\d{4})$/i.exec(s) ?? null;
  if (m) return monthNamed(Number(m[3]), m[2] ?? "", Number(m[1]));
  m = /^([a-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/i.exec(s);
  if (m) return monthNamed(Number(m[3]), m[1] ?? "", Number(m[2]));
  return undefined;
}

function monthNamed(year: number, month: string, day: number): string | undefined {
  const index = MONTHS.indexOf(month.toLowerCase());
  return index < 0 ? undefined : (isoOf(year, index + 1, day) ?? undefined);
}

/** A text cell, trimmed; a CSV formula guard (a leading ') is taken off. */
export function textOf(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const s = String(cell).trim();
  return /^'[=+\-@]/.test(s) ? s.slice(1) : s;
}
