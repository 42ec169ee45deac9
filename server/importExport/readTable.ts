import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";

// A spreadsheet as rows of cells under named headers, from .xlsx (first worksheet) or .csv.
// Row numbers are the ones a person sees when opening the file: the header is row 1.

export type Cell = string | number | boolean | Date | null;

export interface TableRow {
  row: number;
  cells: Map<string, Cell>;
}

export interface Table {
  headers: string[];
  /** The header's row number: SmartSheet predecessors count data rows from the one after it. */
  headerRow: number;
  rows: TableRow[];
}

export class UnreadableFile extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableFile";
  }
}

export async function readTable(body: Buffer, filename: string): Promise<Table> {
  if (/\.xlsx$/i.test(filename)) return readXlsx(body);
  if (/\.csv$/i.test(filename)) return readCsv(body);
  throw new UnreadableFile("only .xlsx and .csv files can be imported");
}

/** exceljs's cell values (rich text, formulas, hyperlinks) as plain values. */
function plain(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return plain((value.result ?? null) as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return null;
  }
  return String(value as unknown);
}

async function readXlsx(body: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new UnreadableFile("this is not a readable .xlsx workbook");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFile("the workbook has no worksheet");
  const raw: { row: number; values: Cell[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      values[col - 1] = plain(cell.value);
    });
    raw.push({ row: rowNumber, values });
  });
  return tableOf(raw);
}

function readCsv(body: Buffer): Table {
  const text = body.toString("utf8");
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g) ?? []).length > (firstLine.match(/,/g) ?? []).length ? ";" : ",";
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    throw new UnreadableFile(`this is not a readable .csv file (${e instanceof Error ? e.message.split(":")[0] : "parse error"})`);
  }
  return tableOf(records.map((values, i) => ({ row: i + 1, values })));
}

const isBlank = (c: Cell | undefined) => c === null || c === undefined || (typeof c === "string" && c.trim() === "");

/** The first row with two or more filled cells is the header; rows with nothing in them are skipped. */
function tableOf(raw: { row: number; values: Cell[] }[]): Table {
  const headerAt = raw.findIndex((r) => r.values.filter((c) => !isBlank(c)).length >= 2);
  const header = raw[headerAt];
  if (!header) throw new UnreadableFile("the file has no header row");
  const headers = header.values.map((c) => (isBlank(c) ? "" : String(c).trim()));
  const rows = raw
    .slice(headerAt + 1)
    .filter((r) => r.values.some((c) => !isBlank(c)))
    .map((r) => ({ row: r.row, cells: new Map(headers.flatMap((h, i) => (h ? [[h, r.values[i] ?? null] as [string, Cell]] : []))) }));
  return { headers: headers.filter(Boolean), headerRow: header.row, rows };
}
