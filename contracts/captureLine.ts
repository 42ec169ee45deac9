// One-line capture in the side panel: "Rachel: send the rota by Fri" → an action item owned by
// Rachel, due the coming Friday. Pure: the caller passes the people and today's date (ISO
// yyyy-mm-dd in the viewer's time zone); nothing here reads a clock.

export type CaptureKind = "action" | "decision" | "risk" | "issue";

export interface CapturePerson {
  id: string;
  name: string;
}

export interface ParsedCaptureLine {
  kind: CaptureKind;
  /** The text left once the kind, owner and date are taken out; "" when nothing is left. */
  title: string;
  ownerId: string | null;
  /** ISO date (yyyy-mm-dd), or null when the line names none. */
  dueDate: string | null;
  /** The words that were read as the due date ("by Fri"), for the preview. */
  dueText: string | null;
  /** A "Name:" prefix that matched nobody, or matched more than one person: shown so the user can pick. */
  unknownOwner: string | null;
}

const kindWords: Record<string, CaptureKind> = {
  action: "action",
  todo: "action",
  decision: "decision",
  decided: "decision",
  risk: "risk",
  issue: "issue",
};

const weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

function validDate(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

/** A day and month with no year: this year's, or next year's when this year's has passed. */
function nextDayMonth(today: string, month: number, day: number): string | null {
  const year = Number(today.slice(0, 4));
  const thisYear = validDate(year, month, day);
  if (thisYear && thisYear >= today) return thisYear;
  return validDate(year + 1, month, day);
}

const monthIndex = (word: string): number => months.indexOf(word.slice(0, 3).toLowerCase());
const weekdayIndex = (word: string): number => weekdays.indexOf(word.slice(0, 3).toLowerCase());

/**
 * Reads a date phrase ("Fri", "friday", "next Tuesday", "tomorrow", "today", "4 Dec", "Dec 4",
 * "2026-12-04", "end of week", "eow") relative to `today`. A bare weekday is the next such day
 * after today (on a Friday, "Fri" is a week away). Returns null for anything else.
 */
export function parseDuePhrase(phrase: string, today: string): string | null {
  const p = phrase.trim().toLowerCase().replace(/[.,]$/, "");
  if (p === "today" || p === "eod") return today;
  if (p === "tomorrow" || p === "tmrw") return addDays(today, 1);
  if (p === "end of week" || p === "eow" || p === "end of the week") return addDays(today, (5 - weekdayOf(today) + 7) % 7);
  if (p === "next week") return addDays(today, ((1 - weekdayOf(today) + 7) % 7) || 7);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(p);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
  const wd = /^(next\s+)?([a-z]+)$/.exec(p);
  if (wd?.[2] && weekdayIndex(wd[2]) >= 0 && isWeekdayWord(wd[2])) {
    const target = weekdayIndex(wd[2]);
    const ahead = ((target - weekdayOf(today) + 7) % 7) || 7;
    return addDays(today, ahead + (wd[1] && ahead < 7 ? 7 : 0));
  }
  const dm = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)$/.exec(p);
  if (dm?.[1] && dm[2] && isMonthWord(dm[2])) return nextDayMonth(today, monthIndex(dm[2]), Number(dm[1]));
  const md = /^([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?$/.exec(p);
  if (md?.[1] && md[2] && isMonthWord(md[1])) return nextDayMonth(today, monthIndex(md[1]), Number(md[2]));
  return null;
}

const weekdayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
function isWeekdayWord(w: string): boolean {
  return w.length >= 3 && weekdayNames.some((n) => n.startsWith(w) || (w === "tues" && n === "tuesday") || (w === "thur" && n === "thursday") || (w === "thurs" && n === "thursday"));
}
const monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
function isMonthWord(w: string): boolean {
  return w.length >= 3 && (monthNames.some((n) => n.startsWith(w)) || w === "sept");
}

/** The person a "Name:" prefix means: a unique full-name, first-name or surname match, case-insensitive. */
export function matchPerson(name: string, people: CapturePerson[]): CapturePerson | null {
  const n = name.trim().toLowerCase();
  if (!n) return null;
  const full = people.filter((p) => p.name.toLowerCase() === n);
  if (full.length === 1) return full[0] ?? null;
  const byPart = people.filter((p) => p.name.toLowerCase().split(/\s+/).includes(n));
  if (byPart.length === 1) return byPart[0] ?? null;
  const byStart = people.filter((p) => p.name.toLowerCase().startsWith(n));
  return byStart.length === 1 ? (byStart[0] ?? null) : null;
}

/**
 * Parses one capture line. Shapes understood, in any combination:
 * "[Kind:] [Name:] text [by|due|before|on <date>]" — e.g. "Rachel: send the rota by Fri",
 * "Risk: Marcus: data migration slips due 4 Dec", "Decision: go live on the 14th" (a decision keeps
 * its text and gets no due date). Without a kind word the line is an action item.
 */
export function parseCaptureLine(line: string, people: CapturePerson[], today: string): ParsedCaptureLine {
  let rest = line.trim().replace(/\s+/g, " ");
  let kind: CaptureKind = "action";
  let ownerId: string | null = null;
  let unknownOwner: string | null = null;
  for (let i = 0; i < 2; i++) {
    const m = /^([^:]{1,40}):\s*(.*)$/.exec(rest);
    if (!m?.[1] || m[2] === undefined) break;
    const head = m[1].trim();
    const asKind = kindWords[head.toLowerCase()];
    if (asKind && i === 0) {
      kind = asKind;
      rest = m[2];
      continue;
    }
    if (ownerId || unknownOwner) break;
    if (head.split(" ").length > 3) break;
    const person = matchPerson(head, people);
    if (person) ownerId = person.id;
    else unknownOwner = head;
    rest = m[2];
  }
  let dueDate: string | null = null;
  let dueText: string | null = null;
  if (kind !== "decision") {
    // The last "by|due|before|on <phrase>" that ends the line and reads as a date.
    const re = /\s(by|due|before|on)\s+/gi;
    let found: { at: number; word: string; phrase: string } | null = null;
    for (const m of ` ${rest}`.matchAll(re)) {
      const phrase = ` ${rest}`.slice(m.index + m[0].length).replace(/[.!]$/, "");
      if (m[1] && parseDuePhrase(phrase, today)) {
        found = { at: m.index, word: m[1].toLowerCase(), phrase };
        break;
      }
    }
    if (found) {
      dueDate = parseDuePhrase(found.phrase, today);
      dueText = `${found.word} ${found.phrase}`;
      rest = ` ${rest}`.slice(0, found.at).trim();
    }
  }
  const title = rest.replace(/[\s,;.-]+$/, "").trim();
  return { kind, title: title ? title[0]?.toUpperCase() + title.slice(1) : "", ownerId, dueDate, dueText, unknownOwner };
}
