import { plural } from "../agendaLines";
import { compareOptionalDates, formatLongDate } from "../isoDates";
import type { IsoDate, RaidKind } from "../../../contracts/types";
import { INTERNAL_TAG, type RecapBlock, type RecapBullet, type RecapSection } from "./recapDocument";
import type { CapturedItem } from "./recapInput";
import { zonedLongDate, zonedLongDateTime } from "./zonedDateTime";

// The RAID part of the recap: decisions (who, when), action items (owner, due, dependency),
// risks and issues (issue log fields), what changed in the log, and for the internal call
// the review of every open item. `items` must already be filtered for the audience.
// "Past due" means due before today in the recap's time zone.

export interface RaidContext {
  timeZone: string;
  today: IsoDate;
}

const kindWords: Record<RaidKind, string> = { risk: "Risk", action: "Action", issue: "Issue", decision: "Decision" };

const byOpenThenDue = (a: CapturedItem, b: CapturedItem): number =>
  (a.status === b.status ? 0 : a.status === "open" ? -1 : 1) || compareOptionalDates(a.dueDate, b.dueDate) || a.title.localeCompare(b.title);

/** Labels for an item; `flagUndated` adds "no due date" (only the internal RAID review asks for it). */
function statusTags(item: CapturedItem, today: IsoDate, flagUndated = false): string[] {
  const tags: string[] = [];
  if (item.internalOnly) tags.push(INTERNAL_TAG);
  if (item.status === "closed") tags.push("closed");
  else if (item.dueDate === null) {
    if (flagUndated && item.kind !== "decision") tags.push("no due date");
  } else if (item.dueDate < today) tags.push("past due");
  return tags;
}

/** "Owner: Rachel Stone · Due Wed 25 Nov 2026", with an empty field left out; [] when both are empty. */
function ownerAndDue(item: CapturedItem): string[] {
  const parts = [
    ...(item.ownerName ? [`Owner: ${item.ownerName}`] : []),
    ...(item.dueDate !== null && item.kind !== "decision" ? [`Due ${formatLongDate(item.dueDate)}`] : []),
  ];
  return parts.length > 0 ? [parts.join(" · ")] : [];
}

/** "Tom Alvarez provides the rejects file spec to Priya Raman before UAT round 1", or null. */
export function dependencySentence(item: CapturedItem): string | null {
  if (!item.provider || !item.deliverable) return null;
  const to = item.recipient ? ` to ${item.recipient}` : "";
  const before = item.neededFor ? ` before ${item.neededFor}` : "";
  return `${item.provider} provides ${item.deliverable}${to}${before}`;
}

/** "Decided by Rachel Stone on Wed 18 Nov 2026"; an empty field is left out, [] when both are. */
function decidedText(item: CapturedItem, timeZone: string): string[] {
  const when = item.decidedAt ? zonedLongDate(item.decidedAt, timeZone) : null;
  if (item.decidedBy && when) return [`Decided by ${item.decidedBy} on ${when}`];
  if (item.decidedBy) return [`Decided by ${item.decidedBy}`];
  if (when) return [`Decided on ${when}`];
  return [];
}

/** Issue log lines (reporter, where, how to reproduce), each only when it was recorded. */
function issueDetails(item: CapturedItem, timeZone: string): string[] {
  const when = item.reportedAt ? zonedLongDateTime(item.reportedAt, timeZone) : null;
  const reported = item.reportedBy ? `Reported by ${item.reportedBy}${when ? ` on ${when}` : ""}` : when ? `Reported on ${when}` : null;
  return [
    ...(reported ? [reported] : []),
    ...(item.location?.trim() ? [`Where: ${item.location.trim()}`] : []),
    ...(item.reproSteps?.trim() ? [`How to reproduce: ${item.reproSteps.trim()}`] : []),
  ];
}

function section(key: string, heading: string, bullets: RecapBullet[], empty: string): RecapSection {
  return { key, heading, blocks: [bullets.length > 0 ? { kind: "bullets", bullets } : { kind: "empty", text: empty }] };
}

export function decisionsSection(items: readonly CapturedItem[], ctx: RaidContext): RecapSection {
  const decisions = items.filter((i) => i.kind === "decision" && i.change !== "carried_over");
  const bullets = decisions.map(
    (d): RecapBullet => ({ text: d.title, tags: d.internalOnly ? [INTERNAL_TAG] : [], details: decidedText(d, ctx.timeZone) }),
  );
  return section("decisions", "Decisions", bullets, "No decisions were recorded.");
}

const actionBullet = (a: CapturedItem, ctx: RaidContext): RecapBullet => {
  const dependency = dependencySentence(a);
  return { text: a.title, tags: statusTags(a, ctx.today), details: [...(dependency ? [dependency] : []), ...ownerAndDue(a)] };
};

/**
 * Action items (owner, due date). `owedByCustomer` tells the open actions the customer owns;
 * they are listed in `customerOwesSection` instead, so nothing is printed twice.
 */
export function actionsSection(items: readonly CapturedItem[], ctx: RaidContext, owedByCustomer: (i: CapturedItem) => boolean = () => false): RecapSection {
  const actions = items.filter((i) => i.kind === "action" && !(i.status === "open" && owedByCustomer(i))).sort(byOpenThenDue);
  return section("actions", "Action items", actions.map((a) => actionBullet(a, ctx)), "No action items were captured.");
}

/** "What Riverbend Utilities owes": open actions owned by someone of the customer's organisation; null when there are none. */
export function customerOwesSection(items: readonly CapturedItem[], ctx: RaidContext, customerName: string, owedByCustomer: (i: CapturedItem) => boolean): RecapSection | null {
  const owed = items.filter((i) => i.kind === "action" && i.status === "open" && owedByCustomer(i)).sort(byOpenThenDue);
  if (owed.length === 0) return null;
  return section("customer_owes", `What ${customerName} owes`, owed.map((a) => actionBullet(a, ctx)), "");
}

export function risksAndIssuesSection(items: readonly CapturedItem[], ctx: RaidContext): RecapSection {
  const found = items.filter((i) => i.kind === "risk" || i.kind === "issue").sort(byOpenThenDue);
  const bullets = found.map(
    (i): RecapBullet => ({
      text: `${kindWords[i.kind]}: ${i.title}`,
      tags: statusTags(i, ctx.today),
      details: [...ownerAndDue(i), ...(i.kind === "issue" ? issueDetails(i, ctx.timeZone) : [])],
    }),
  );
  return section("risks_issues", "Risks and issues", bullets, "No risks or issues were recorded.");
}

/**
 * "2 items carried over unchanged." or null. The new, updated and closed items are already listed
 * in the sections above, so the recap no longer repeats them as "RAID log changes: New (N)".
 */
export function carriedOverLine(items: readonly CapturedItem[]): RecapBlock | null {
  const carried = items.filter((i) => i.change === "carried_over").length;
  return carried > 0 ? { kind: "paragraph", text: `${plural(carried, "item")} carried over unchanged from earlier calls.` } : null;
}

/** Internal status call: every open item has a due date and is on track. */
export function raidReviewSection(items: readonly CapturedItem[], ctx: RaidContext): RecapSection {
  const open = items.filter((i) => i.status === "open").sort(byOpenThenDue);
  if (open.length === 0) return { key: "raid_review", heading: "RAID log review", blocks: [{ kind: "empty", text: "No open RAID items." }] };
  const late = open.filter((i) => i.dueDate !== null && i.dueDate < ctx.today).length;
  const undated = open.filter((i) => i.dueDate === null).length;
  const bullets = open.map((i): RecapBullet => ({ text: `${kindWords[i.kind]}: ${i.title}`, tags: statusTags(i, ctx.today, true), details: ownerAndDue(i) }));
  return {
    key: "raid_review",
    heading: "RAID log review",
    blocks: [
      { kind: "paragraph", text: `${plural(open.length, "open item")}: ${late} past due, ${undated} without a due date.` },
      { kind: "bullets", bullets },
    ],
  };
}
