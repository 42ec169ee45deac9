import type { DateFormat, ImportMapping } from "../../contracts/importExport";
import type { Cell, Table } from "./table";
import { foldText } from "./importReport";

// Which column holds which field: recognised by header names (MS Project, SmartSheet and Excel
// layouts), or a mapping the project saved. Day-first or month-first is decided in parseDates.ts.

export type ImportKind = "tasks" | "raid";


export const importFields = {
  tasks: ["callbookId", "externalRef", "name", "owner", "startDate", "dueDate", "status", "dependsOn", "outlineLevel"],
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
    outlineLevel: ["outline level", "level", "indent level"],
  },
  raid: {
    callbookId: ["callbook id"],
    kind: ["type", "kind", "category", "raid type", "item type", "catégorie"],
    title: ["title", "summary", "item", "name", "titre", "intitulé", "titel"],
    description: ["description", "details", "notes", "détails", "beschreibung"],
    owner: ["owner", "assigned to", "action owner", "responsible", "responsable", "propriétaire", "verantwortlich"],
    dueDate: ["due date", "due", "target date", "date due", "échéance", "date d'échéance", "fällig", "fälligkeitsdatum"],
    status: ["status", "state", "statut", "état"],
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
  outlineLevel: "outline level",
};

export type { DateFormat, ImportMapping };

const norm = foldText;

export class MappingProblem extends Error {
  constructor(readonly fields: string[]) {
    super(fields.join("; "));
    this.name = "MappingProblem";
  }
}

/** Where the column mapping came from: the project's saved one, or the file's headers. */
export type MappingSource = "saved" | "headers";
export type Layout = "msproject" | "smartsheet" | "excel" | "raid_log";
/** How predecessor cells name their task: the file's ID column, SmartSheet row numbers, or task names. */
export type PredecessorMode = "ids" | "rows" | "names";

/** The saved mapping when the file has all its columns; else one detected from the headers. */
export function mappingFor(
  kind: ImportKind,
  table: Table,
  saved: ImportMapping | null,
): { mapping: ImportMapping; layout: Layout; mappingFrom: MappingSource; predecessors: PredecessorMode } {
  const has = new Set(table.headers);
  const layout = layoutOf(kind, has);
  if (saved && Object.values(saved.columns).every((h) => has.has(h))) {
    return { mapping: saved, layout, mappingFrom: "saved", predecessors: predecessorMode(saved.columns) };
  }
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
  return { mapping: { columns, dateFormat: saved?.dateFormat ?? "mdy" }, layout, mappingFrom: "headers", predecessors: predecessorMode(columns) };
}

/** MS Project writes ID, Task Mode, Duration and Outline Level; SmartSheet Task Name, Assigned To, Predecessors. */
function layoutOf(kind: ImportKind, has: Set<string>): Layout {
  if (kind === "raid") return "raid_log";
  const n = new Set([...has].map(norm));
  if (n.has("outlinelevel") || n.has("taskmode") || (n.has("id") && n.has("duration"))) return "msproject";
  if (n.has("taskname") || n.has("assignedto") || n.has("predecessors")) return "smartsheet";
  return "excel";
}

/**
 * A "Predecessors" column names tasks by the file's ID column when there is one (MS Project),
 * else by row number (SmartSheet); a "Depends on" column names them by ID or name.
 */
function predecessorMode(columns: Record<string, string>): PredecessorMode {
  const header = norm(columns.dependsOn ?? "");
  if (!header.startsWith("predecessor")) return "names";
  return columns.externalRef ? "ids" : "rows";
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

/** A text cell, trimmed; a CSV formula guard (a leading ') is taken off. */
export function textOf(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const s = String(cell).trim();
  return /^'[=+\-@]/.test(s) ? s.slice(1) : s;
}
