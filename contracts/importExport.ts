// The schedule / RAID import dry-run report (POST /api/workspace/projects/:id/import), as the
// workspace shows it; planned by server/importExport/planTasks.ts and planRaid.ts.

/** How a date column is read: month first (US) or day first. */
export type DateFormat = "mdy" | "dmy";

export interface ImportMapping {
  /** field → header of the column that holds it */
  columns: Record<string, string>;
  dateFormat: DateFormat;
}

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
  answers: { value: DateFormat; label: string }[];
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
  dates: { order: DateFormat | null; decidedBy: "file" | "saved" | "answer" | "none" | "undecided"; example: string | null };
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
