import type { RaidKind } from "../../contracts/types";
import { fieldLabels, textOf, type ImportMapping } from "./layouts";
import { dateIn, type DateOrder } from "./parseDates";
import type { Table, TableRow } from "./table";
import { lookup, ownerResolver, rejectOf, shownKey, type ImportAdd, type ImportLink, type ImportReject, type ImportUpdate, type PersonRef, type ShownValue } from "./importReport";

// RAID log import, planned without touching the database. Rows match items by Callbook ID,
// else by title (the RAID log has no external id column).

export interface RaidValues {
  kind: RaidKind;
  title: string;
  description: string | null;
  ownerId: string | null;
  dueDate: string | null;
  status: "open" | "closed";
}
export interface ExistingRaid extends RaidValues {
  id: string;
}

export interface RaidPlan {
  add: ImportAdd[];
  update: ImportUpdate[];
  unchanged: number;
  reject: ImportReject[];
  /** Always empty: RAID items have no links. */
  links: ImportLink[];
  inserts: ExistingRaid[];
  updates: { id: string; set: Partial<RaidValues> }[];
}

const kinds: Record<string, RaidKind> = {
  r: "risk", risk: "risk", risks: "risk",
  a: "action", action: "action", actions: "action", actionitem: "action", task: "action",
  i: "issue", issue: "issue", issues: "issue", problem: "issue",
  d: "decision", decision: "decision", decisions: "decision",
  risque: "risk", risques: "risk", risiko: "risk", probleme: "issue", aufgabe: "action", massnahme: "action", entscheidung: "decision",
};
export const raidKindLabels: Record<RaidKind, string> = { risk: "Risk", action: "Action", issue: "Issue", decision: "Decision" };
const statuses: Record<string, "open" | "closed"> = {
  "": "open", open: "open", new: "open", inprogress: "open", active: "open", ongoing: "open", pending: "open",
  closed: "closed", done: "closed", complete: "closed", completed: "closed", resolved: "closed", mitigated: "closed",
  ouvert: "open", encours: "open", offen: "open", ferme: "closed", clos: "closed", resolu: "closed", termine: "closed", geschlossen: "closed", erledigt: "closed",
};
export const raidStatusLabels = { open: "Open", closed: "Closed" } as const;

const fields: (keyof RaidValues)[] = ["kind", "title", "description", "ownerId", "dueDate", "status"];

/** Plans a RAID log import; numeric dates are read in `dateOrder` (null: only unambiguous ones). */
export function planRaid(
  table: Table,
  mapping: ImportMapping,
  dateOrder: DateOrder | null,
  people: PersonRef[],
  existing: ExistingRaid[],
  newId: () => string,
): RaidPlan {
  const col = mapping.columns;
  const cell = (r: TableRow, field: string) => (col[field] ? (r.cells.get(col[field]) ?? null) : null);
  const owner = ownerResolver(people);
  const personName = new Map(people.map((p) => [p.id, p.name]));
  const byId = new Map(existing.map((e) => [e.id, e]));
  const byTitle = new Map<string, ExistingRaid[]>();
  for (const e of existing) byTitle.set(e.title.toLowerCase(), [...(byTitle.get(e.title.toLowerCase()) ?? []), e]);
  const mapped = (f: keyof RaidValues) => Boolean(col[f === "ownerId" ? "owner" : f]);
  const shown = (f: keyof RaidValues, v: RaidValues): ShownValue => (f === "ownerId" ? (v.ownerId ? (personName.get(v.ownerId) ?? v.ownerId) : null) : v[f]);

  const plan: RaidPlan = { add: [], update: [], unchanged: 0, reject: [], links: [], inserts: [], updates: [] };
  const seen = new Map<string, number>();
  for (const r of table.rows) {
    const problems: string[] = [];
    const title = textOf(cell(r, "title"));
    if (!title) problems.push("title is empty");
    else if (title.length > 500) problems.push("title is longer than 500 characters");
    const kindText = textOf(cell(r, "kind"));
    const kind = lookup(kinds, kindText);
    if (!kind) problems.push(`type '${kindText}' is not one of ${Object.values(raidKindLabels).join(", ")}`);
    const dueDate = dateIn(cell(r, "dueDate"), dateOrder);
    if (dueDate === undefined) problems.push(`${fieldLabels.dueDate} '${textOf(cell(r, "dueDate"))}' is not a date`);
    const who = owner(textOf(cell(r, "owner")));
    if ("problem" in who) problems.push(who.problem);
    const statusText = textOf(cell(r, "status"));
    const status = lookup(statuses, statusText);
    if (!status) problems.push(`status '${statusText}' is not one of Open, Closed`);

    const named = byTitle.get(title.toLowerCase()) ?? [];
    const match = byId.get(textOf(cell(r, "callbookId"))) ?? (named.length === 1 ? named[0] : undefined);
    if (!match && named.length > 1) problems.push(`title '${title}' matches ${named.length} RAID items: add a Callbook ID column`);
    const key = match ? `id:${match.id}` : `title:${title.toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined && title) {
      plan.reject.push(rejectOf(r.row, [`duplicate of row ${first}`]));
      continue;
    }
    seen.set(key, r.row);
    if (problems.length) {
      plan.reject.push(rejectOf(r.row, problems));
      continue;
    }
    const values: RaidValues = {
      kind: kind ?? "action",
      title,
      description: textOf(cell(r, "description")) || null,
      ownerId: "id" in who ? who.id : null,
      dueDate: dueDate ?? null,
      status: status ?? "open",
    };
    if (!match) {
      plan.inserts.push({ id: newId(), ...values });
      plan.add.push({ row: r.row, fields: Object.fromEntries(fields.filter(mapped).map((f) => [shownKey(f), shown(f, values)])) });
      continue;
    }
    const changed = fields.filter((f) => mapped(f) && match[f] !== values[f]);
    if (changed.length === 0) {
      plan.unchanged += 1;
      continue;
    }
    plan.updates.push({ id: match.id, set: Object.fromEntries(changed.map((f) => [f, values[f]])) });
    plan.update.push({
      row: r.row,
      id: match.id,
      key: match.title,
      changes: Object.fromEntries(changed.map((f) => [shownKey(f), { from: shown(f, match), to: shown(f, values) }])),
    });
  }
  return plan;
}
