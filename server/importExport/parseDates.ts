// One module per function and per locale: the "date-fns" and "date-fns/locale" indexes load
// every function and every locale (about 800 modules, some 40 MB of a server's idle RSS).
import { format as formatDate } from "date-fns/format";
import { isValid } from "date-fns/isValid";
import { parse } from "date-fns/parse";
import type { Locale } from "date-fns";
import { de } from "date-fns/locale/de";
import { enGB } from "date-fns/locale/en-GB";
import { enUS } from "date-fns/locale/en-US";
import { es } from "date-fns/locale/es";
import { fr } from "date-fns/locale/fr";
import { it } from "date-fns/locale/it";
import { nl } from "date-fns/locale/nl";
import { pt } from "date-fns/locale/pt";
import type { Cell } from "./table";

// Dates as MS Project, SmartSheet and Excel write them: "2026 January 02 8:00 AM", "Fri 1/2/26",
// "02 January 2026 08:00", "2 janvier 2026", "2. Januar 2026", "02/01/2026", "2026-01-02", Excel
// serial numbers and real date cells. Month names are read with date-fns's locales; a numeric
// date is read day-first or month-first as the whole column decides (decideDateOrder).
// Only the calendar date is kept (tasks and RAID items hold dates, not times).

export type DateOrder = "mdy" | "dmy";

const locales: Locale[] = [enUS, enGB, fr, de, es, it, nl, pt];
const named = [
  "yyyy MMMM d", "yyyy MMM d", "d MMMM yyyy", "d MMM yyyy", "MMMM d, yyyy", "MMM d, yyyy", "MMMM d yyyy", "MMM d yyyy",
  "d. MMMM yyyy", "d. MMM yyyy", "d-MMM-yyyy", "d-MMM-yy", "d MMM yy", "d MMMM, yyyy", "d 'de' MMMM 'de' yyyy",
];
const REF = new Date(2026, 0, 1);
const TIME = /(?:\s+|T)\d{1,2}[:h]\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?\s?m\.?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$/i;
const WEEKDAY = /^([^\d\s,.]{2,})[.,]?\s+(?=\S)/u;
const NUMERIC = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})$/;
const pad = (n: number) => String(n).padStart(2, "0");

const iso = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
function isoOf(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1900 && y <= 2200 ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** A weekday word ("Fri", "vendredi", "Fr.") names the day of `isoDate` in some locale. */
function weekdayFits(word: string, isoDate: string): boolean {
  const [y, m, d] = isoDate.split("-").map(Number);
  const date = new Date(y ?? 0, (m ?? 1) - 1, d ?? 1);
  const w = norm(word);
  return locales.some((locale) => ["EEE", "EEEE", "EEEEEE"].some((f) => norm(formatDate(date, f, { locale })) === w));
}

/** The parts of a date cell once its time and weekday are taken off. */
interface Shape {
  core: string;
  weekday: string | null;
}
const norm = (w: string) => w.toLowerCase().replace(/\.$/, "");
/** Every weekday name and abbreviation of the locales ("fri", "vendredi", "fr"). */
const weekdayWords = new Set(
  locales.flatMap((locale) =>
    [5, 6, 7, 8, 9, 10, 11].flatMap((d) => ["EEE", "EEEE", "EEEEEE"].map((f) => norm(formatDate(new Date(2026, 0, d), f, { locale })))),
  ),
);

function shapeOf(text: string): Shape {
  let core = text.trim().replace(/\s+/g, " ");
  core = core.replace(TIME, "").trim();
  const w = WEEKDAY.exec(core);
  let weekday: string | null = null;
  if (w?.[1] && weekdayWords.has(norm(w[1])) && w[0].length < core.length) {
    weekday = w[1];
    core = core.slice(w[0].length);
  }
  return { core, weekday };
}

/** Readings of a numeric date: each order that gives a real date (and fits its weekday, if any). */
function numericReadings(s: Shape): Partial<Record<DateOrder | "ymd", string>> | null {
  const m = NUMERIC.exec(s.core);
  if (!m) return null;
  const [a, b, c] = [m[1] ?? "", m[3] ?? "", m[4] ?? ""];
  const year = (t: string) => (t.length === 2 ? 2000 + Number(t) : t.length === 4 ? Number(t) : NaN);
  const out: Partial<Record<DateOrder | "ymd", string>> = {};
  if (a.length === 4) {
    const v = isoOf(Number(a), Number(b), Number(c));
    if (v) out.ymd = v;
  } else {
    const dmy = isoOf(year(c), Number(b), Number(a));
    const mdy = isoOf(year(c), Number(a), Number(b));
    if (dmy && (!s.weekday || weekdayFits(s.weekday, dmy))) out.dmy = dmy;
    if (mdy && (!s.weekday || weekdayFits(s.weekday, mdy))) out.mdy = mdy;
  }
  return out;
}

const lastNamed: { format: string; locale: Locale }[] = [];
/** A date with its month written as a word, in any of the locales. */
function namedDate(s: Shape): string | null {
  const tries = [...lastNamed, ...named.flatMap((format) => locales.map((locale) => ({ format, locale })))];
  for (const t of tries) {
    const d = parse(s.core, t.format, REF, { locale: t.locale });
    if (isValid(d) && d.getFullYear() >= 1900 && d.getFullYear() <= 2200) {
      const v = iso(d);
      if (s.weekday && !weekdayFits(s.weekday, v)) continue;
      if (lastNamed[0]?.format !== t.format || lastNamed[0]?.locale !== t.locale) lastNamed.unshift(t);
      if (lastNamed.length > 4) lastNamed.pop();
      return v;
    }
  }
  return null;
}

/** What a cell can mean: nothing (empty), not a date, one date, or a numeric date read two ways. */
export type DateReading = { kind: "empty" } | { kind: "bad" } | { kind: "date"; iso: string } | { kind: "numeric"; dmy: string | null; mdy: string | null };

const memo = new Map<string, DateReading>();

/** Reads one date cell. Strings are memoised (schedules repeat their dates). */
export function readDate(cell: Cell): DateReading {
  if (cell === null) return { kind: "empty" };
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? { kind: "bad" } : { kind: "date", iso: cell.toISOString().slice(0, 10) };
  if (typeof cell === "number") {
    // An Excel serial day number (1900 date system).
    if (cell < 1 || cell > 2_958_465) return { kind: "bad" };
    return { kind: "date", iso: new Date(Date.UTC(1899, 11, 30) + Math.floor(cell) * 86_400_000).toISOString().slice(0, 10) };
  }
  const text = String(cell).trim();
  if (text === "" || /^(na|n\/a|-|tbd)$/i.test(text)) return { kind: "empty" };
  const known = memo.get(text);
  if (known) return known;
  const reading = readText(text);
  if (memo.size > 50_000) memo.clear();
  memo.set(text, reading);
  return reading;
}

function readText(text: string): DateReading {
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text);
  if (isoMatch) {
    const v = isoOf(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));
    return v ? { kind: "date", iso: v } : { kind: "bad" };
  }
  const shape = shapeOf(text);
  const numeric = numericReadings(shape);
  if (numeric) {
    if (numeric.ymd) return { kind: "date", iso: numeric.ymd };
    if (!numeric.dmy && !numeric.mdy) return { kind: "bad" };
    if (numeric.dmy === numeric.mdy) return { kind: "date", iso: numeric.dmy ?? "" };
    return { kind: "numeric", dmy: numeric.dmy ?? null, mdy: numeric.mdy ?? null };
  }
  const v = namedDate(shape);
  return v ? { kind: "date", iso: v } : { kind: "bad" };
}

/** How the file's numeric dates are to be read, and why. */
export interface DateOrderDecision {
  /** null: the file alone cannot tell, and nobody has said. */
  order: DateOrder | null;
  /** "file": a date only reads one way; "saved"/"answer": the project's choice; "none": no numeric dates. */
  decidedBy: "file" | "saved" | "answer" | "none" | "undecided";
  /** A date that reads both ways, for the question; null when none does. */
  example: string | null;
  /** A date that reads only day-first and one that reads only month-first: the file mixes orders. */
  conflict: { dmyOnly: string; mdyOnly: string } | null;
}

/**
 * Decides day-first or month-first from every numeric date of the columns: a date that only reads
 * one way decides; else the PM's answer, else the project's saved choice; else undecided.
 */
export function decideDateOrder(cells: Iterable<Cell>, answer: DateOrder | null, saved: DateOrder | null): DateOrderDecision {
  let dmyOnly: string | null = null;
  let mdyOnly: string | null = null;
  let example: string | null = null;
  let numeric = false;
  for (const cell of cells) {
    const r = readDate(cell);
    if (r.kind !== "numeric") continue;
    numeric = true;
    if (r.dmy && !r.mdy) dmyOnly ??= String(cell).trim();
    else if (r.mdy && !r.dmy) mdyOnly ??= String(cell).trim();
    else example ??= String(cell).trim();
  }
  const conflict = dmyOnly && mdyOnly ? { dmyOnly, mdyOnly } : null;
  if (!numeric) return { order: null, decidedBy: "none", example: null, conflict: null };
  if (dmyOnly && !mdyOnly) return { order: "dmy", decidedBy: "file", example, conflict };
  if (mdyOnly && !dmyOnly) return { order: "mdy", decidedBy: "file", example, conflict };
  if (answer) return { order: answer, decidedBy: "answer", example, conflict };
  if (saved && !conflict) return { order: saved, decidedBy: "saved", example, conflict };
  return { order: null, decidedBy: "undecided", example, conflict };
}

/** A date cell as 2026-12-31 under a decided order; null when empty; undefined when not a date. */
export function dateIn(cell: Cell, order: DateOrder | null): string | null | undefined {
  const r = readDate(cell);
  if (r.kind === "empty") return null;
  if (r.kind === "date") return r.iso;
  if (r.kind === "numeric") return (order ? r[order] : null) ?? undefined;
  return undefined;
}
