import { afterAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { zipSync, strToU8 } from "fflate";
import { TablePool } from "../../../server/importExport/tablePool";
import { defaultImportLimits, ImportLimitExceeded } from "../../../server/importExport/importLimits";
import { UnreadableFile } from "../../../server/importExport/table";

// The caps a file cannot reach through a 5 MB upload in a quick test (decompressed size, parse
// time), with smaller limits; the HTTP answers for the others are in importRealworld.test.ts.

describe("the import reader's worker pool", () => {
  const pool = new TablePool(1);
  afterAll(async () => {
    await pool.close();
  });
  const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

  it("refuses a workbook whose parts expand past the decompressed size limit, before inflating it (413)", async () => {
    // A small zip bomb: 3 MB of one repeated row compresses to a few KB.
    const row = '<row><c t="inlineStr"><is><t>Placeholder</t></is></c></row>';
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${row.repeat(50_000)}</sheetData></worksheet>`;
    const bomb = Buffer.from(zipSync({ "xl/worksheets/sheet1.xml": strToU8(sheet) }, { level: 9 }));
    expect(bomb.length).toBeLessThan(100_000);
    const e = await refusal(pool.read(bomb, "bomb.xlsx", { ...defaultImportLimits, unzippedBytes: 1024 * 1024 }));
    expect(e).toBeInstanceOf(ImportLimitExceeded);
    expect(e).toMatchObject({ status: 413, message: "file: the workbook expands to more than 1 MB (the decompressed size limit)" });
  });

  it("stops a read past the parse time limit and keeps serving the next file (422)", async () => {
    const csv = Buffer.from("Task,Start\n" + "Placeholder,2026-01-02\n".repeat(40_000));
    const e = await refusal(pool.read(csv, "slow.csv", { ...defaultImportLimits, parseMs: 1 }));
    expect(e).toMatchObject({ status: 422, message: "file: took longer than 0.001 s to read (the parse time limit)" });
    const table = await pool.read(readFileSync("test/fixtures/import/raid-log.csv"), "raid.csv", defaultImportLimits);
    expect(table.rows).toHaveLength(4);
  });

  it("answers an unreadable file as such", async () => {
    expect(await refusal(pool.read(Buffer.from("PK not really"), "x.xlsx", defaultImportLimits))).toBeInstanceOf(UnreadableFile);
  });
});
