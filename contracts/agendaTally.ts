import type { IsoDate, RaidKind } from "./types";

// The counts in an agenda item's summary that depend on RAID rows ("11 open items: 3 past due, 2
// without a due date"), kept as parts so the panel can recount them from its live rows: a re-date,
// re-assign or close made in the call changes the heading at once, for everyone, as it changes the
// line. One function writes the text on both sides: the server's agenda (summary) and the panel.

/** A RAID row a summary counts, as the server saw it when it built the agenda. */
export interface TalliedRaid {
  id: string;
  kind: RaidKind;
  dueDate: IsoDate | null;
  status: "open" | "closed";
}

/**
 * A piece of the summary: plain text, or a count of the tallied rows that are open, open and past
 * due (due before today), or open without a due date (decisions never lack one: issue 16). With
 * `noun`, the count is written with its noun, pluralised ("1 open item", "3 open items").
 */
export type TallyPart = { text: string } | { count: "open" | "past_due" | "no_due_date"; noun?: string };

export interface AgendaTally {
  raid: TalliedRaid[];
  parts: TallyPart[];
}

/** "1 open item", "3 open items". */
export const pluralCount = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`;

type Counted = Pick<TalliedRaid, "kind" | "dueDate" | "status">;

function counts(rows: readonly Counted[], today: IsoDate): Record<"open" | "past_due" | "no_due_date", number> {
  const open = rows.filter((r) => r.status === "open");
  return {
    open: open.length,
    past_due: open.filter((r) => r.dueDate !== null && r.dueDate < today).length,
    no_due_date: open.filter((r) => r.dueDate === null && r.kind !== "decision").length,
  };
}

/**
 * The summary's text. `live(id)` gives the row as it is now (the panel's live model) or undefined
 * to use the row as the server saw it. `today` is the viewer's ISO date (the server's clock on the
 * server). Pure.
 */
export function tallyText(tally: AgendaTally, today: IsoDate, live: (id: string) => Counted | undefined = () => undefined): string {
  const c = counts(
    tally.raid.map((r) => live(r.id) ?? r),
    today,
  );
  return tally.parts.map((p) => ("text" in p ? p.text : p.noun ? pluralCount(c[p.count], p.noun) : String(c[p.count]))).join("");
}
