import { goLiveText } from "../agendaLines";
import type { Agenda, AgendaFlag, AgendaLine } from "../../../contracts/agenda";
import { compareOptionalDates, formatLongDate } from "../isoDates";
import type { IsoDate, Project } from "../../../contracts/types";
import { INTERNAL_TAG, ragWords, type RecapBlock, type RecapBullet, type RecapSection } from "./recapDocument";
import type { CapturedItem } from "./recapInput";
import { zonedLongDate } from "./zonedDateTime";

// The customer status call's status report and the steering committee's stakeholder
// report. Milestones and tasks come from the agenda lines that point at them (ref.kind
// "milestone" / "task"), in agenda order; agenda lines about RAID items are never shown,
// since only the captured items carry the internal-only flag. Top risks are the captured
// open risks, ranked by the agenda's critical/high flag on the same item, then due date.

export const NEXT_TASK_COUNT = 10;
export const TOP_RISK_COUNT = 3;

export interface StatusReportContext {
  project: Project;
  agenda: Agenda;
  /** Already filtered for the audience. */
  items: readonly CapturedItem[];
  today: IsoDate;
  timeZone: string;
}

const flagWords: Partial<Record<AgendaFlag, string>> = {
  past_due: "past due",
  blocked: "blocked",
  no_due_date: "no due date",
  critical: "critical",
  high: "high",
  unanswered: "unanswered",
  out_of_office: "out of office",
};

function linesOf(agenda: Agenda, kind: "task" | "milestone"): AgendaLine[] {
  const seen = new Set<string>();
  return agenda.items
    .flatMap((item) => item.lines)
    .filter((line) => {
      if (line.ref?.kind !== kind || seen.has(line.ref.id)) return false;
      seen.add(line.ref.id);
      return true;
    });
}

function lineBullet(line: AgendaLine, extraFlags: Partial<Record<AgendaFlag, string>> = {}): RecapBullet {
  const words = { ...flagWords, ...extraFlags };
  const tags = line.flags.map((f) => words[f]).filter((w): w is string => w !== undefined);
  return { text: line.text, tags, details: line.detail ? [line.detail] : [] };
}

function bulletsOr(bullets: RecapBullet[], empty: string): RecapBlock {
  return bullets.length > 0 ? { kind: "bullets", bullets } : { kind: "empty", text: empty };
}

function ragBlocks(project: Project, timeZone: string): RecapBlock[] {
  const blocks: RecapBlock[] = [{ kind: "rag", rag: project.rag }];
  if (project.rag === "green") blocks.push({ kind: "paragraph", text: "On track." });
  else {
    blocks.push({ kind: "paragraph", lead: "Why:", text: project.ragReason || "not recorded" });
    blocks.push({ kind: "paragraph", lead: "Path to green:", text: project.pathToGreen || "not yet agreed" });
  }
  if (project.previousRag && project.ragChangedAt && project.previousRag !== project.rag) {
    const when = zonedLongDate(project.ragChangedAt, timeZone);
    blocks.push({ kind: "paragraph", lead: "Changed:", text: `from ${ragWords[project.previousRag]} on ${when}` });
  }
  return blocks;
}

function goLiveBlock(project: Project, today: IsoDate): RecapBlock {
  const text = goLiveText(project.goLiveDate, today);
  return text ? { kind: "paragraph", text } : { kind: "empty", text: "No go-live date is set yet." };
}

function topRisks(ctx: StatusReportContext): RecapBullet[] {
  const rank = new Map<string, number>();
  for (const line of ctx.agenda.items.flatMap((i) => i.lines)) {
    if (line.ref?.kind !== "raid") continue;
    const r = line.flags.includes("critical") ? 0 : line.flags.includes("high") ? 1 : 2;
    rank.set(line.ref.id, Math.min(r, rank.get(line.ref.id) ?? 2));
  }
  return ctx.items
    .filter((i) => i.kind === "risk" && i.status === "open")
    .sort((a, b) => (rank.get(a.id) ?? 2) - (rank.get(b.id) ?? 2) || compareOptionalDates(a.dueDate, b.dueDate) || a.title.localeCompare(b.title))
    .slice(0, TOP_RISK_COUNT)
    .map((r) => ({
      text: r.title,
      tags: r.internalOnly ? [INTERNAL_TAG] : [],
      details: [`Owner: ${r.ownerName ?? "not assigned"} · ${r.dueDate === null ? "No due date" : `Due ${formatLongDate(r.dueDate)}`}`],
    }));
}

export function statusReportSection(ctx: StatusReportContext): RecapSection {
  const milestones = linesOf(ctx.agenda, "milestone");
  const achieved = milestones.filter((l) => l.flags.includes("achieved")).map((l) => lineBullet(l));
  const upcoming = milestones.filter((l) => !l.flags.includes("achieved")).map((l) => lineBullet(l));
  const tasks = linesOf(ctx.agenda, "task")
    .slice(0, NEXT_TASK_COUNT)
    .map((l) => lineBullet(l));
  return {
    key: "status_report",
    heading: "Status report",
    blocks: [
      ...ragBlocks(ctx.project, ctx.timeZone),
      { kind: "subheading", text: "Milestones achieved" },
      bulletsOr(achieved, "No milestones were achieved since the last call."),
      { kind: "subheading", text: "Upcoming milestones" },
      bulletsOr(upcoming, "No upcoming milestones."),
      { kind: "subheading", text: "Next tasks" },
      bulletsOr(tasks, "No open tasks on the schedule."),
      { kind: "subheading", text: "Go-live" },
      goLiveBlock(ctx.project, ctx.today),
    ],
  };
}

export function stakeholderReportSection(ctx: StatusReportContext): RecapSection {
  const milestones = linesOf(ctx.agenda, "milestone").map((l) => lineBullet(l, { achieved: "achieved", upcoming: "upcoming" }));
  return {
    key: "stakeholder_report",
    heading: "Stakeholder report",
    blocks: [
      ...ragBlocks(ctx.project, ctx.timeZone),
      { kind: "subheading", text: "Milestones" },
      bulletsOr(milestones, "No milestones in the plan."),
      { kind: "subheading", text: "Go-live" },
      goLiveBlock(ctx.project, ctx.today),
      { kind: "subheading", text: "Top risks" },
      bulletsOr(topRisks(ctx), "No open risks."),
    ],
  };
}
