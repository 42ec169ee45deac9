import type { DateOrder } from "./parseDates";
import type { ImportMapping } from "./layouts";

// The dry-run report, and the helpers both planners share. Types only here are what the client reads.
// Lists (add, update, reject, links) hold at most the report's line limit; `counts` has the totals.

export type ShownValue = string | null;

export interface ImportAdd {
  row: number;
  fields: Record<string, ShownValue>;
}

export interface ImportUpdate {
  row: number;
  id: string;
  key: string;
  changes: Record<string, { from: ShownValue; to: ShownValue }>;
}

export interface ImportReject {
  row: number;
  reason: string;
}

/** One resolved predecessor link, as the dry run shows it. */
export interface ImportLink {
  row: number;
  task: string;
  predecessor: string;
  /** The predecessor's row in the file; null when it is a task already in the project. */
  predecessorRow: number | null;
  /** As written: "22FS+2h". */
  written: string;
  /** "finish-to-start" … */
  type: string;
  /** "+2h (+120 working minutes)", "no lag", "+50% of the predecessor". */
  lag: string;
}

/** A question the dry run asks instead of guessing; the answer goes back as `?<id>=<value>`. */
export interface ImportQuestion {
  id: "dateOrder";
  question: string;
  answers: { value: DateOrder; label: string }[];
}

export interface ImportReport {
  kind: "tasks" | "raid";
  filename: string;
  /** "msproject", "smartsheet", "excel", "raid_log". */
  layout: string;
  /** "saved": the project's remembered mapping; "headers": recognised from the file. */
  mappingFrom: "saved" | "headers";
  mapping: ImportMapping;
  /** How the file was read: "xlsx" or text, with its encoding and delimiter. */
  source: { format: "xlsx" | "text"; encoding: string | null; delimiter: string | null };
  /** Day-first or month-first, and how it was decided (the file, the saved choice, the PM's answer). */
  dates: { order: DateOrder | null; decidedBy: "file" | "saved" | "answer" | "none" | "undecided"; example: string | null };
  /** How predecessors name their task: "ids" (the file's ID column), "rows" (SmartSheet row numbers), "names". */
  predecessorsBy: "ids" | "rows" | "names";
  questions: ImportQuestion[];
  add: ImportAdd[];
  update: ImportUpdate[];
  unchanged: number;
  reject: ImportReject[];
  links: ImportLink[];
  /** Totals; the lists above stop at `lineLimit` lines each. */
  counts: { add: number; update: number; unchanged: number; reject: number; links: number };
  lineLimit: number;
  /** Set once a confirmed import was written. */
  applied: boolean;
}

export interface PersonRef {
  id: string;
  name: string;
  email: string;
}

/** Resolves an owner cell (name or e-mail) to a person of the project, or says why not. */
export function ownerResolver(people: PersonRef[]): (text: string) => { id: string | null } | { problem: string } {
  const byKey = new Map<string, PersonRef[]>();
  for (const p of people) {
    for (const key of [p.name.trim().toLowerCase(), p.email.trim().toLowerCase()]) byKey.set(key, [...(byKey.get(key) ?? []), p]);
  }
  return (text) => {
    if (text === "") return { id: null };
    const found = byKey.get(text.toLowerCase()) ?? [];
    if (found.length === 1 && found[0]) return { id: found[0].id };
    if (found.length > 1) return { problem: `owner '${text}' matches ${found.length} people of this project: use the e-mail` };
    return { problem: `owner '${text}' is not a person of this project` };
  };
}

/** A status word as the stored value, by a table of accepted spellings (compared without case, spaces or punctuation). */
export function lookup<T extends string>(table: Record<string, T>, text: string): T | undefined {
  return table[foldText(text)];
}

/** Lower case, accents and punctuation off: "Échéance" → "echeance", "In Progress" → "inprogress". */
export const foldText = (s: string): string => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]/g, "");

/** "field" → "Row 7: due date '31/02/2026' is not a date; …" */
export function rejectOf(row: number, problems: string[]): ImportReject {
  return { row, reason: `Row ${row}: ${problems.join("; ")}` };
}

/** The report names people and tasks, so their fields are shown as "owner", "dependsOn" and "parent". */
export const shownKey = (field: string): string =>
  field === "ownerId" ? "owner" : field === "dependsOnTaskId" ? "dependsOn" : field === "parentTaskId" ? "parent" : field;
