import { tallyText, type AgendaTally, type TallyPart, type TalliedRaid } from "../../contracts/agendaTally";
import type { AgendaFlag, AgendaLine } from "../../contracts/agenda";
import type { AgendaContext, AgendaItemContent } from "./agendaTypes";
import { addDays, compareOptionalDates, daysBetween, formatLongDate, utcDateOf } from "./isoDates";
import { projectPeople } from "./projectPeople";
import type { IsoDate, Milestone, Project, RaidItem, RaidKind, SupportCase, Task, Vendor } from "../../contracts/types";

// Line builders and orderings shared by the agenda items of several call types.
// "Past due" means due before today (the UTC date of `now`); due today is still on time.

/** A milestone planned within this many days from today is flagged "upcoming". */
export const UPCOMING_WINDOW_DAYS = 14;

const raidKindLabels: Record<RaidKind, string> = { risk: "Risk", action: "Action", issue: "Issue", decision: "Decision" };
const taskStatusLabels: Record<Task["status"], string> = {
  not_started: "not started",
  in_progress: "in progress",
  blocked: "blocked",
  done: "done",
};
const severityRank: Record<SupportCase["severity"], number> = { critical: 0, high: 1, medium: 2, low: 3 };

export function dueFlags(due: IsoDate | null, today: IsoDate): AgendaFlag[] {
  if (due === null) return ["no_due_date"];
  return due < today ? ["past_due"] : [];
}

export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`;

const dueText = (due: IsoDate | null): string => (due === null ? "no due date" : `due ${formatLongDate(due)}`);

export function taskLine(task: Task, ctx: AgendaContext): AgendaLine {
  const owner = projectPeople(ctx.snapshot).name(task.ownerId);
  const flags = dueFlags(task.dueDate, ctx.today);
  if (task.status === "blocked") flags.push("blocked");
  return {
    text: task.name,
    detail: `${owner} · ${dueText(task.dueDate)} · ${taskStatusLabels[task.status]}`,
    flags,
    ref: { kind: "task", id: task.id },
  };
}

export function raidLine(item: RaidItem, ctx: AgendaContext): AgendaLine {
  const owner = projectPeople(ctx.snapshot).name(item.ownerId);
  return {
    text: `${raidKindLabels[item.kind]}: ${item.title}`,
    // A decision has no due date: it is neither flagged nor described by one (issue 16).
    detail: `${owner}${item.kind === "decision" && item.dueDate === null ? "" : ` · ${dueText(item.dueDate)}`}${item.internalOnly ? " · internal only" : ""}`,
    flags: item.kind === "decision" && item.dueDate === null ? [] : dueFlags(item.dueDate, ctx.today),
    ref: { kind: "raid", id: item.id },
  };
}

export function milestoneLine(milestone: Milestone, today: IsoDate): AgendaLine {
  const ref = { kind: "milestone" as const, id: milestone.id };
  if (milestone.achievedDate !== null) {
    return { text: milestone.name, detail: `Achieved ${formatLongDate(milestone.achievedDate)} · ${milestone.deliverable}`, flags: ["achieved"], ref };
  }
  if (milestone.plannedDate === null) {
    return { text: milestone.name, detail: `No planned date · ${milestone.deliverable}`, flags: ["no_due_date"], ref };
  }
  const flags: AgendaFlag[] = dueFlags(milestone.plannedDate, today);
  if (flags.length === 0 && milestone.plannedDate <= addDays(today, UPCOMING_WINDOW_DAYS)) flags.push("upcoming");
  return { text: milestone.name, detail: `Planned ${formatLongDate(milestone.plannedDate)} · ${milestone.deliverable}`, flags, ref };
}

export function caseLine(supportCase: SupportCase, ctx: AgendaContext): AgendaLine {
  const owner = projectPeople(ctx.snapshot).name(supportCase.ownerId);
  const flags: AgendaFlag[] = supportCase.severity === "critical" || supportCase.severity === "high" ? [supportCase.severity] : [];
  const age = daysBetween(utcDateOf(new Date(supportCase.openedAt)), ctx.today);
  return {
    text: `${supportCase.caseNumber} — ${supportCase.title}`,
    detail: `${supportCase.severity} · ${supportCase.status.replaceAll("_", " ")} · ${owner} · opened ${plural(age, "day")} ago`,
    flags,
    ref: { kind: "case", id: supportCase.id },
  };
}

export function vendorAlignmentLine(vendor: Vendor): AgendaLine {
  const ref = { kind: "vendor" as const, id: vendor.id };
  if (vendor.goLiveAligned === true) return { text: `${vendor.name}: aligned on the go-live date`, flags: [], ref };
  if (vendor.goLiveAligned === false) return { text: `${vendor.name}: not aligned on the go-live date`, flags: ["high"], ref };
  return { text: `${vendor.name}: go-live alignment not confirmed`, flags: ["unanswered"], ref };
}

const rowOrder = new Intl.Collator("en", { numeric: true });

/**
 * Open tasks (status not done) by due date, undated last; tasks due the same day in schedule
 * order: start date (undated last), then the schedule's row id (numeric-aware), then name.
 */
export function openTasksByDue(tasks: readonly Task[]): Task[] {
  return tasks
    .filter((t) => t.status !== "done")
    .sort(
      (a, b) =>
        compareOptionalDates(a.dueDate, b.dueDate) ||
        compareOptionalDates(a.startDate, b.startDate) ||
        rowOrder.compare(a.externalRef ?? "", b.externalRef ?? "") ||
        a.name.localeCompare(b.name) ||
        a.id.localeCompare(b.id),
    );
}

/** Open RAID items by due date, undated last, ties by title; internal-only ones on request. */
export function openRaidItems(items: readonly RaidItem[], includeInternalOnly: boolean): RaidItem[] {
  return items
    .filter((r) => r.status === "open" && (includeInternalOnly || !r.internalOnly))
    .sort((a, b) => compareOptionalDates(a.dueDate, b.dueDate) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}

/** Milestones not yet achieved, by planned date, undated last. */
export function pendingMilestones(milestones: readonly Milestone[]): Milestone[] {
  return milestones
    .filter((m) => m.achievedDate === null)
    .sort((a, b) => compareOptionalDates(a.plannedDate, b.plannedDate) || a.name.localeCompare(b.name));
}

/** Open production cases: critical, high, medium, low; then oldest first. */
export function openCasesByPriority(cases: readonly SupportCase[]): SupportCase[] {
  return cases
    .filter((c) => c.status !== "resolved" && c.status !== "closed")
    .sort((a, b) => severityRank[a.severity] - severityRank[b.severity] || Date.parse(a.openedAt) - Date.parse(b.openedAt) || a.caseNumber.localeCompare(b.caseNumber));
}

/** "41 days to go-live — Tue 5 Jan 2027"; null when the project has no go-live date. */
export function goLiveText(goLiveDate: IsoDate | null, today: IsoDate): string | null {
  if (goLiveDate === null) return null;
  const days = daysBetween(today, goLiveDate);
  const date = formatLongDate(goLiveDate);
  if (days > 0) return `${plural(days, "day")} to go-live — ${date}`;
  if (days === 0) return `Go-live is today — ${date}`;
  return `Live for ${plural(-days, "day")} — ${date}`;
}

export function ragContent(project: Project): AgendaItemContent {
  if (project.rag === "green") return { summary: "Green", lines: [], empty: "Green: on track" };
  const flag: AgendaFlag = project.rag === "red" ? "critical" : "high";
  const label = project.rag === "red" ? "Red" : "Amber";
  return {
    summary: label,
    lines: [
      project.ragReason
        ? { text: `Why ${project.rag}: ${project.ragReason}`, flags: [flag] }
        : { text: `Why ${project.rag}: no reason recorded`, flags: [flag, "unanswered"] },
      project.pathToGreen
        ? { text: `Path to green: ${project.pathToGreen}`, flags: [] }
        : { text: "Path to green: not recorded", flags: ["unanswered"] },
    ],
  };
}

/** The rows a summary counts, as the server sees them: the panel recounts them from its live rows. */
export function talliedRaid(items: readonly RaidItem[]): TalliedRaid[] {
  return items.map((r) => ({ id: r.id, kind: r.kind, dueDate: r.dueDate, status: r.status }));
}

/** A summary with RAID counts: its text now (`today`, the server's clock) and its parts for the panel. */
export function withTally(tally: AgendaTally, today: IsoDate): { summary: string; tally: AgendaTally } {
  return { summary: tallyText(tally, today), tally };
}

/**
 * One-line status report: RAG, milestones, tasks, RAID, go-live. The RAID counts are a tally, so
 * a re-date or close in the call changes them in the panel at once.
 */
export function statusSummary(ctx: AgendaContext, includeInternalOnly: boolean): { summary: string; tally: AgendaTally } {
  const { project, milestones, tasks, raidItems } = ctx.snapshot;
  const achieved = milestones.filter((m) => m.achievedDate !== null).length;
  const open = openTasksByDue(tasks);
  const lateTasks = open.filter((t) => t.dueDate !== null && t.dueDate < ctx.today).length;
  const raid = openRaidItems(raidItems, includeInternalOnly);
  const before = [`RAG ${project.rag}`, `${achieved} of ${plural(milestones.length, "milestone")} achieved`, `${plural(open.length, "open task")} (${lateTasks} past due)`];
  const goLive = goLiveText(project.goLiveDate, ctx.today);
  const parts: TallyPart[] = [
    { text: `${before.join(" · ")} · ` },
    { count: "open", noun: "open RAID item" },
    { text: " (" },
    { count: "past_due" },
    { text: ` past due)${goLive ? ` · ${goLive}` : ""}` },
  ];
  return withTally({ raid: talliedRaid(raid), parts }, ctx.today);
}
