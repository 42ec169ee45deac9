import chardet from "chardet";
import iconv from "iconv-lite";

// Bytes of a text export (.csv, Excel "Unicode Text" .txt) as a string, and the delimiter its
// columns use. Excel writes "CSV (Comma delimited)" in Windows-1252, "CSV UTF-8" with a BOM,
// and "Unicode Text" as tab-separated UTF-16 LE with a BOM.

/** Encodings the import names in its report. */
export type TextEncoding = "UTF-8" | "UTF-8 with BOM" | "UTF-16 LE" | "UTF-16 BE" | "Windows-1252" | "ISO-8859-2" | "ISO-8859-15";
export type Delimiter = "," | ";" | "\t" | "|";

export class UndecodableText extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UndecodableText";
  }
}

const REPLACEMENT = "\uFFFD";

/**
 * Decodes a text file: a BOM decides; else strict UTF-8; else UTF-16 without BOM (by its zero bytes);
 * else the single-byte code page chardet finds (Windows-1252 when it names ISO-8859-1, its subset).
 * Throws UndecodableText when the result would hold a replacement character the source did not.
 */
export function decodeText(body: Buffer): { text: string; encoding: TextEncoding } {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { text: strictUtf8(body.subarray(3)) ?? bad("UTF-8"), encoding: "UTF-8 with BOM" };
  if (body[0] === 0xff && body[1] === 0xfe) return { text: checked(iconv.decode(body.subarray(2), "utf-16le"), "UTF-16 LE"), encoding: "UTF-16 LE" };
  if (body[0] === 0xfe && body[1] === 0xff) return { text: checked(iconv.decode(body.subarray(2), "utf-16be"), "UTF-16 BE"), encoding: "UTF-16 BE" };
  const utf8 = strictUtf8(body);
  if (utf8 !== null) return { text: utf8, encoding: "UTF-8" };
  const sixteen = utf16WithoutBom(body);
  if (sixteen) return { text: checked(iconv.decode(body, sixteen === "UTF-16 LE" ? "utf-16le" : "utf-16be"), sixteen), encoding: sixteen };
  const guess = (chardet.detect(body.subarray(0, 64 * 1024)) ?? "").toUpperCase();
  const encoding: TextEncoding = guess === "ISO-8859-2" ? "ISO-8859-2" : guess === "ISO-8859-15" ? "ISO-8859-15" : "Windows-1252";
  return { text: checked(iconv.decode(body, encoding === "Windows-1252" ? "win1252" : encoding.toLowerCase()), encoding), encoding };
}

function strictUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Text in UTF-16 has a zero byte in every other position for Latin text. */
function utf16WithoutBom(bytes: Buffer): "UTF-16 LE" | "UTF-16 BE" | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero += 1;
    if (bytes[i + 1] === 0) oddZero += 1;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return "UTF-16 LE";
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return "UTF-16 BE";
  return null;
}

function checked(text: string, encoding: TextEncoding): string {
  return text.includes(REPLACEMENT) ? bad(encoding) : text;
}

function bad(encoding: string): never {
  throw new UndecodableText(`holds bytes that are not text in ${encoding}; save it again as "CSV UTF-8" and import that`);
}

/**
 * The delimiter of a delimited text: the candidate that splits the first lines (outside quotes)
 * into the same number of columns, most columns winning. Comma when nothing splits.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = firstLines(text, 20);
  const candidates: Delimiter[] = [",", ";", "\t", "|"];
  let best: { d: Delimiter; score: number } = { d: ",", score: 0 };
  for (const d of candidates) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const head = counts[0] ?? 0;
    if (head === 0) continue;
    const agreeing = counts.filter((c) => c === head).length;
    const score = agreeing * 1000 + head;
    if (score > best.score) best = { d, score };
  }
  return best.d;
}

function firstLines(text: string, n: number): string[] {
  const out: string[] = [];
  let start = 0;
  let inQuotes = false;
  for (let i = 0; i < text.length && out.length < n; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === "\n" && !inQuotes) {
      const line = text.slice(start, i).replace(/\r$/, "");
      if (line.trim() !== "") out.push(line);
      start = i + 1;
    }
  }
  if (out.length < n && start < text.length) out.push(text.slice(start));
  return out;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let inQuotes = false;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === d && !inQuotes) n += 1;
  }
  return n;
}

/** How the report names a delimiter. */
export const delimiterNames: Record<Delimiter, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar" };
