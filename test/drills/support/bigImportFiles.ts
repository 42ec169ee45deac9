import { Zip, ZipDeflate, strToU8 } from "fflate";

// The drill's big inputs, built at run time (never committed): a zip-bomb .xlsx, a million-row
// .xlsx and a million-row CSV, each under the 5 MB upload limit.

const contentTypes =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const rootRels =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const workbook =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>';
const workbookRels =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

/** An .xlsx whose one sheet is `rows` rows made by `rowXml`, deflated as it is written. */
function xlsxOf(rows: number, rowXml: (n: number) => string, level: 1 | 6 | 9 = 9): Buffer {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  const small = (name: string, text: string) => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(strToU8(text), true);
  };
  small("[Content_Types].xml", contentTypes);
  small("_rels/.rels", rootRels);
  small("xl/workbook.xml", workbook);
  small("xl/_rels/workbook.xml.rels", workbookRels);
  const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level });
  zip.add(sheet);
  sheet.push(strToU8('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'));
  const batch = 10_000;
  for (let i = 1; i <= rows; i += batch) {
    let text = "";
    for (let n = i; n < Math.min(i + batch, rows + 1); n++) text += rowXml(n);
    sheet.push(strToU8(text));
  }
  sheet.push(strToU8("</sheetData></worksheet>"), true);
  zip.end();
  return Buffer.concat(chunks);
}

/** ~400 MB of sheet XML (one long repeated cell per row) in a file of well under 1 MB. */
export const zipBombXlsx = (): Buffer => {
  const cell = "x".repeat(4_000);
  return xlsxOf(100_000, (n) => `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>${cell}</t></is></c></row>`, 6);
};

/** A million data rows of two short cells. */
export const millionRowXlsx = (): Buffer =>
  xlsxOf(1_000_001, (n) => (n === 1 ? '<row r="1"><c r="A1" t="inlineStr"><is><t>Task</t></is></c><c r="B1" t="inlineStr"><is><t>Start</t></is></c></row>' : `<row r="${n}"><c r="A${n}"><v>1</v></c></row>`));

/** A million data rows under a two-column header: "Task,Start" then "t,\n". */
export const millionRowCsv = (): Buffer => Buffer.concat([Buffer.from("Task,Start\n"), Buffer.alloc(3_000_000, "t,\n")]);
