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

function statusTags(item: CapturedItem, today: IsoDate): string[] {
  const tags: string[] = [];
  if (item.internalOnly) tags.push(INTERNAL_TAG);
  if (item.status === "closed") tags.push("closed");
  else if (item.dueDate === null) tags.push("no due date");
  else if (item.dueDate < today) tags.push("past due");
  return tags;
}

const ownerAndDue = (item: CapturedItem): string =>
  `Owner: ${item.ownerName ?? "not assigned"} · ${item.dueDate === null ? "No due date" : `Due ${formatLongDate(item.dueDate)}`}`;

/** "Tom Alvarez provides the rejects file spec to Priya Raman before UAT round 1", or null. */
export function dependencySentence(item: CapturedItem): string | null {
  if (!item.provider || !item.deliverable) return null;
  const to = item.recipient ? ` to ${item.recipient}` : "";
  const before = item.neededFor ? ` before ${item.neededFor}` : "";
  return `${item.provider} provides ${item.deliverable}${to}${before}`;
}

function decidedText(item: CapturedItem, timeZone: string): string {
  const when = item.decidedAt ? zonedLongDate(item.decidedAt, timeZone) : null;
  if (item.decidedBy && when) return `Decided by ${item.decidedBy} on ${when}`;
  if (item.decidedBy) return `Decided by ${item.decidedBy} (date not recorded)`;
  if (when) return `Decided on ${when} (by whom not recorded)`;
  return "Who decided, and when, was not recorded";
}

function issueDetails(item: CapturedItem, timeZone: string): string[] {
  const when = item.reportedAt ? zonedLongDateTime(item.reportedAt, timeZone) : null;
  const reported = item.reportedBy
    ? `Reported by ${item.reportedBy}${when ? ` on ${when}` : ""}`
    : when
      ? `Reported on ${when}`
      : "Reporter not recorded";
  return [
    reported,
    `Where: ${item.location || "not recorded"}`,
    `How to reproduce: ${item.reproSteps || "not recorded"}`,
  ];
}

function section(key: string, heading: string, bullets: RecapBullet[], empty: string): RecapSection {
  return { key, heading, blocks: [bullets.length > 0 ? { kind: "bullets", bullets } : { kind: "empty", text: empty }] };
}

export function decisionsSection(items: readonly CapturedItem[], ctx: RaidContext): RecapSection {
  const decisions = items.filter((i) => i.kind === "decision" && i.change !== "carried_over");
  const bullets = decisions.map(
    (d): RecapBullet => ({ text: d.title, tags: d.internalOnly ? [INTERNAL_TAG] : [], details: [decidedText(d, ctx.timeZone)] }),
  );
  return section("decisions", "Decisions", bullets, "No decisions were recorded.");
}

export function actionsSection(items: readonly CapturedItem[], ctx: RaidContext): RecapSection {
  const actions = items.filter((i) => i.kind === "action").sort(byOpenThenDue);
  const bullets = actions.map((a): RecapBullet => {
    const dependency = dependencySentence(a);
    return { text: a.title, tags: statusTags(a, ctx.today), details: [...(dependency ? [dependency] : []), ownerAndDue(a)] };
  });
  return section("actions", "Action items", bullets, "No action items were captured.");
}

export function risksAndIssuesSection(items: readonly CapturedItem[], ctx: RaidContext): RecapSection {
  const found = items.filter((i) => i.kind === "risk" || i.kind === "issue").sort(byOpenThenDue);
  const bullets = found.map(
    (i): RecapBullet => ({
      text: `${kindWords[i.kind]}: ${i.title}`,
      tags: statusTags(i, ctx.today),
      details: [ownerAndDue(i), ...(i.kind === "issue" ? issueDetails(i, ctx.timeZone) : [])],
    }),
  );
  return section("risks_issues", "Risks and issues", bullets, "No risks or issues were recorded.");
}

const changeHeadings = [
  ["new", "New"],
  ["updated", "Updated"],
  ["closed", "Closed"],
] as const;

export function raidChangesSection(items: readonly CapturedItem[]): RecapSection {
  const blocks: RecapBlock[] = changeHeadings.flatMap(([change, heading]): RecapBlock[] => {
    const changed = items.filter((i) => i.change === change);
    if (changed.length === 0) return [];
    const bullets = changed.map((i): RecapBullet => ({ text: `${kindWords[i.kind]}: ${i.title}`, tags: i.internalOnly ? [INTERNAL_TAG] : [] }));
    return [{ kind: "subheading", text: `${heading} (${changed.length})` }, { kind: "bullets", bullets }];
  });
  const carried = items.filter((i) => i.change === "carried_over").length;
  if (blocks.length === 0) blocks.push({ kind: "empty", text: "No RAID items changed in this call." });
  if (carried > 0) blocks.push({ kind: "paragraph", text: `${plural(carried, "item")} carried over unchanged.` });
  return { key: "raid_changes", heading: "RAID log changes", blocks };
}

/** Internal status call: every open item has a due date and is on track. */
export function raidReviewSection(items: readonly CapturedItem[], ctx: RaidContext): RecapSection {
  const open = items.filter((i) => i.status === "open").sort(byOpenThenDue);
  if (open.length === 0) return { key: "raid_review", heading: "RAID log review", blocks: [{ kind: "empty", text: "No open RAID items." }] };
  const late = open.filter((i) => i.dueDate !== null && i.dueDate < ctx.today).length;
  const undated = open.filter((i) => i.dueDate === null).length;
  const bullets = open.map((i): RecapBullet => ({ text: `${kindWords[i.kind]}: ${i.title}`, tags: statusTags(i, ctx.today), details: [ownerAndDue(i)] }));
  return {
    key: "raid_review",
    heading: "RAID log review",
    blocks: [
      { kind: "paragraph", text: `${plural(open.length, "open item")}: ${late} past due, ${undated} without a due date.` },
      { kind: "bullets", bullets },
    ],
  };
}
