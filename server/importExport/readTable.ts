import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { unzipSync } from "fflate";
import { decodeText, delimiterNames, detectDelimiter, UndecodableText } from "./decodeText";
import { defaultImportLimits, ImportLimitExceeded, limitMessages, type ImportLimits } from "./importLimits";
import { UnreadableFile, type Cell, type Table, type TableSource } from "./table";

// A spreadsheet as rows of cells under named headers, from .xlsx (first worksheet) or delimited
// text (.csv, .txt, .tsv). Row numbers are the ones a person sees when opening the file: the header
// is row 1. Cells keep their leading spaces (MS Project writes the outline as indented names).

/**
 * Reads the first worksheet of an .xlsx, or a delimited text file, under the limits.
 * Throws UnreadableFile (a 400) or ImportLimitExceeded (413/422, naming the limit).
 */
export async function readTable(body: Buffer, filename: string, limits: ImportLimits = defaultImportLimits): Promise<Table> {
  if (/\.xlsx$/i.test(filename)) return readXlsx(body, limits);
  if (/\.(csv|txt|tsv)$/i.test(filename)) return readText(body, limits);
  throw new UnreadableFile("only .xlsx, .csv, .txt and .tsv files can be imported");
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

/** What the zip's directory says its parts expand to, read before anything is inflated. */
function declaredUnzippedBytes(body: Buffer): number {
  let total = 0;
  try {
    unzipSync(body, {
      filter: (f) => {
        total += f.originalSize;
        return false;
      },
    });
  } catch {
    throw new UnreadableFile("this is not a readable .xlsx workbook");
  }
  return total;
}

async function readXlsx(body: Buffer, limits: ImportLimits): Promise<Table> {
  if (declaredUnzippedBytes(body) > limits.unzippedBytes) throw new ImportLimitExceeded(413, limitMessages.unzipped(limits));
  const raw: { row: number; values: Cell[] }[] = [];
  let inflated = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([body]), {
      sharedStrings: "cache",
      styles: "cache",
      hyperlinks: "ignore",
      worksheets: "emit",
      entries: "emit",
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        if (values.length > limits.columns) throw new ImportLimitExceeded(422, limitMessages.columns(limits));
        const cells = values.map(plain);
        for (const c of cells) inflated += typeof c === "string" ? c.length : 8;
        if (inflated > limits.unzippedBytes) throw new ImportLimitExceeded(413, limitMessages.unzipped(limits));
        if (cells.some((c) => !isBlank(c))) raw.push({ row: row.number, values: cells });
        if (raw.length > limits.rows + 1) throw new ImportLimitExceeded(422, limitMessages.rows(limits));
      }
      break; // the first worksheet only
    }
  } catch (e) {
    if (e instanceof ImportLimitExceeded) throw e;
    throw new UnreadableFile("this is not a readable .xlsx workbook");
  }
  if (raw.length === 0) throw new UnreadableFile("the workbook has no worksheet with data");
  return tableOf(raw, { format: "xlsx", encoding: null, delimiter: null }, limits);
}

function readText(body: Buffer, limits: ImportLimits): Table {
  let decoded: ReturnType<typeof decodeText>;
  try {
    decoded = decodeText(body);
  } catch (e) {
    if (e instanceof UndecodableText) throw new UnreadableFile(e.message);
    throw e;
  }
  const delimiter = detectDelimiter(decoded.text);
  let records: string[][];
  try {
    // Read a little past the row limit, never the whole of a file that is over it.
    records = parse(decoded.text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, to: limits.rows + 12 }) as string[][];
  } catch (e) {
    throw new UnreadableFile(`this is not a readable delimited text file (${e instanceof Error ? e.message.split(":")[0] : "parse error"})`);
  }
  if (records.some((r) => r.length > limits.columns)) throw new ImportLimitExceeded(422, limitMessages.columns(limits));
  return tableOf(
    records.map((values, i) => ({ row: i + 1, values })),
    { format: "text", encoding: decoded.encoding, delimiter: delimiterNames[delimiter] },
    limits,
  );
}

const isBlank = (c: Cell | undefined) => c === null || c === undefined || (typeof c === "string" && c.trim() === "");

/** The first row with two or more filled cells is the header; rows with nothing in them are skipped. */
function tableOf(raw: { row: number; values: Cell[] }[], source: TableSource, limits: ImportLimits): Table {
  const headerAt = raw.findIndex((r) => r.values.filter((c) => !isBlank(c)).length >= 2);
  const header = raw[headerAt];
  if (!header) throw new UnreadableFile("the file has no header row");
  const headers = header.values.map((c) => (isBlank(c) ? "" : String(c).trim()));
  const rows = raw
    .slice(headerAt + 1)
    .filter((r) => r.values.some((c) => !isBlank(c)))
    .map((r) => ({ row: r.row, cells: new Map(headers.flatMap((h, i) => (h ? [[h, r.values[i] ?? null] as [string, Cell]] : []))) }));
  if (rows.length > limits.rows) throw new ImportLimitExceeded(422, limitMessages.rows(limits));
  return { headers: headers.filter(Boolean), headerRow: header.row, rows, source };
}
