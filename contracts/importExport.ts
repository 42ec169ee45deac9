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

export interface ImportReport {
  kind: "tasks" | "raid";
  filename: string;
  layout: string;
  mapping: ImportMapping;
  add: ImportAdd[];
  update: ImportUpdate[];
  unchanged: number;
  reject: ImportReject[];
  /** Set once a confirmed import was written. */
  applied: boolean;
}
