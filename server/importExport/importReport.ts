import type { ImportAdd, ImportLink, ImportQuestion, ImportReject, ImportReport, ImportUpdate, ShownValue } from "../../contracts/importExport";

// The dry-run report, and the helpers both planners share. Types only here are what the client reads.
// Lists (add, update, reject, links) hold at most the report's line limit; `counts` has the totals.

export type { ImportAdd, ImportLink, ImportQuestion, ImportReject, ImportReport, ImportUpdate, ShownValue };

export interface PersonRef {
  id: string;
  name: string;
  email: string;
}

/** Resolves an owner cell (name or e-mail) to a person of the project, or says why not. */
export function ownerResolver(people: PersonRef[]): (text: string) => { id: string | null } | { problem: string } {
  const byKey = new Map<string, PersonRef[]>();
  for (const p of people) {
    for (const key of [p.name.trim().toLowerCase(), p.email.trim().toLowerCase()]) byKey.set(key, [...(byKey.get(key) ?? []), p]);
  }
  return (text) => {
    if (text === "") return { id: null };
    const found = byKey.get(text.toLowerCase()) ?? [];
    if (found.length === 1 && found[0]) return { id: found[0].id };
    if (found.length > 1) return { problem: `owner '${text}' matches ${found.length} people of this project: use the e-mail` };
    return { problem: `owner '${text}' is not a person of this project` };
  };
}

/** A status word as the stored value, by a table of accepted spellings (compared without case, spaces or punctuation). */
export function lookup<T extends string>(table: Record<string, T>, text: string): T | undefined {
  return table[foldText(text)];
}

/** Lower case, accents and punctuation off: "Échéance" → "echeance", "In Progress" → "inprogress". */
export const foldText = (s: string): string => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]/g, "");

/** "field" → "Row 7: due date '31/02/2026' is not a date; …" */
export function rejectOf(row: number, problems: string[]): ImportReject {
  return { row, reason: `Row ${row}: ${problems.join("; ")}` };
}

/** The report names people and tasks, so their fields are shown as "owner", "dependsOn" and "parent". */
export const shownKey = (field: string): string =>
  field === "ownerId" ? "owner" : field === "dependsOnTaskId" ? "dependsOn" : field === "parentTaskId" ? "parent" : field;
