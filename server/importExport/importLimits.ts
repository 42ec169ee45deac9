// The caps every import runs under (audience-walls issue, section 3): a file that passes
// them cannot hold the event loop or the heap. Each one is named in the answer that refuses it.

/** Sizes in bytes, time in milliseconds. */
export interface ImportLimits {
  /** The upload as sent (answered 413 by the body reader). */
  uploadBytes: number;
  /** What an .xlsx declares its parts expand to, summed (413). */
  unzippedBytes: number;
  /** Data rows after the header (422). */
  rows: number;
  /** Columns in any row (422). */
  columns: number;
  /** Reading the file in the worker (422; the worker is stopped). */
  parseMs: number;
  /** Lines per list (add, update, refused, links) in a report; beyond it, counts only. */
  reportLines: number;
}

export const defaultImportLimits: ImportLimits = {
  uploadBytes: 5 * 1024 * 1024,
  unzippedBytes: 100 * 1024 * 1024,
  rows: 50_000,
  columns: 200,
  parseMs: 20_000,
  reportLines: 200,
};

export class ImportLimitExceeded extends Error {
  constructor(
    readonly status: 413 | 422,
    message: string,
  ) {
    super(message);
    this.name = "ImportLimitExceeded";
  }
}

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
export const limitMessages = {
  upload: (l: ImportLimits) => `file: is larger than ${mb(l.uploadBytes)} (the upload limit)`,
  unzipped: (l: ImportLimits) => `file: the workbook expands to more than ${mb(l.unzippedBytes)} (the decompressed size limit)`,
  rows: (l: ImportLimits) => `file: has more than ${l.rows.toLocaleString("en-US")} rows (the row limit); split it and import the parts`,
  columns: (l: ImportLimits) => `file: has more than ${l.columns} columns (the column limit)`,
  parseMs: (l: ImportLimits) => `file: took longer than ${l.parseMs / 1000} s to read (the parse time limit)`,
};
