import type { TextEncoding } from "./decodeText";

// The shape every import reader produces, and its one error: kept apart from readTable.ts so the
// server's main thread, which only receives tables from the parse workers (tablePool.ts), never
// loads exceljs, csv-parse, chardet or iconv-lite (about 35 MB of idle RSS).
// Row numbers are the ones a person sees when opening the file: the header is row 1.

export type Cell = string | number | boolean | Date | null;

export interface TableRow {
  row: number;
  cells: Map<string, Cell>;
}

/** How the file was read, for the report. */
export interface TableSource {
  format: "xlsx" | "text";
  /** Text files only. */
  encoding: TextEncoding | null;
  /** Text files only: "comma", "semicolon", "tab". */
  delimiter: string | null;
}

export interface Table {
  headers: string[];
  /** The header's row number: SmartSheet predecessors count data rows from the one after it. */
  headerRow: number;
  rows: TableRow[];
  source: TableSource;
}

/** A file no reader can make a table of (a 400 naming what is wrong with it). */
export class UnreadableFile extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableFile";
  }
}
