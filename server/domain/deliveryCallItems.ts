import {
  caseLine,
  goLiveText,
  milestoneLine,
  openTasksByDue,
  pendingMilestones,
  plural,
  raidLine,
  UPCOMING_WINDOW_DAYS,
  vendorAlignmentLine,
} from "./agendaLines";
import type { AgendaLine } from "../../contracts/agenda";
import type { AgendaContext, AgendaItemContent, AgendaItemFillers } from "./agendaTypes";
import { cisChecklistQuestions } from "../../contracts/callTypeDefinitions";
import { addDays, compareOptionalDates, daysBetween, formatLongDate, utcDateOf } from "./isoDates";
import { projectPeople } from "./projectPeople";
import { cisChecklistKeys, type Milestone, type Task } from "../../contracts/types";

// Agenda items of the delivery calls: daily status check and milestone review (seed 004),
// and the vendors-only call (seeds 000, 004).

interface Team {
  name: string;
  vendorId: string | null;
  hasMembers: boolean;
  tasks: Task[];
}

/** Our team, the customer's, each vendor's; a task belongs to its owner's team. */
function teamsOf(ctx: AgendaContext): Team[] {
  const { project, vendors, tasks } = ctx.snapshot;
  const people = projectPeople(ctx.snapshot);
  const members = people.distinctMembers().map((m) => m.person);
  const ours: Team = { name: "Our team", vendorId: null, hasMembers: members.some((p) => p.organisation === "internal"), tasks: [] };
  const customer: Team = { name: project.customerName, vendorId: null, hasMembers: members.some((p) => p.organisation === "customer"), tasks: [] };
  const vendorTeams = new Map(
    [...vendors]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((v): [string, Team] => [v.id, { name: v.name, vendorId: v.id, hasMembers: members.some((p) => p.vendorId === v.id), tasks: [] }]),
  );
  const unassigned: Team = { name: "Unassigned", vendorId: null, hasMembers: false, tasks: [] };
  for (const task of openTasksByDue(tasks)) {
    const owner = people.person(task.ownerId);
    const team =
      owner?.organisation === "internal"
        ? ours
        : owner?.organisation === "customer"
          ? customer
          : (vendorTeams.get(owner?.vendorId ?? "") ?? unassigned);
    team.tasks.push(task);
  }
  return [ours, customer, ...vendorTeams.values(), unassigned].filter((t) => t.hasMembers || t.tasks.length > 0);
}

function teamUpdates(ctx: AgendaContext): AgendaItemContent {
  const lines = teamsOf(ctx).map((team): AgendaLine => {
    const count = (test: (t: Task) => boolean) => team.tasks.filter(test).length;
    const late = count((t) => t.dueDate !== null && t.dueDate < ctx.today);
    const blocked = count((t) => t.status === "blocked");
    const flags: AgendaLine["flags"] = [];
    if (late > 0) flags.push("past_due");
    if (blocked > 0) flags.push("blocked");
    return {
      text: team.name,
      detail: `${count((t) => t.status === "in_progress")} in progress · ${count((t) => t.dueDate === ctx.today)} due today · ${late} past due · ${blocked} blocked`,
      flags,
      ...(team.vendorId ? { ref: { kind: "vendor" as const, id: team.vendorId } } : {}),
    };
  });
  return { summary: "Done today, position against the schedule, issues found or resolved today", lines, empty: "No active teams" };
}

function schedulePosition(ctx: AgendaContext): AgendaItemContent {
  const { tasks, milestones, project } = ctx.snapshot;
  const late = openTasksByDue(tasks).filter((t) => t.dueDate !== null && t.dueDate < ctx.today).length;
  const horizon = addDays(ctx.today, UPCOMING_WINDOW_DAYS);
  const near = pendingMilestones(milestones).filter((m) => m.plannedDate !== null && m.plannedDate <= horizon);
  const next = pendingMilestones(milestones)[0];
  const nextText = next?.plannedDate ? `next milestone: ${next.name}, ${formatLongDate(next.plannedDate)} (${daysBetween(ctx.today, next.plannedDate)} days)` : "no dated milestone ahead";
  const goLive = goLiveText(project.goLiveDate, ctx.today);
  return {
    summary: `${plural(late, "open task")} past due; ${nextText}`,
    lines: [...near.map((m) => milestoneLine(m, ctx.today)), ...(goLive ? [{ text: goLive, flags: [] }] : [])],
    empty: `No milestone in the next ${UPCOMING_WINDOW_DAYS} days`,
  };
}

function issuesToday(ctx: AgendaContext): AgendaItemContent {
  const { raidItems, supportCases } = ctx.snapshot;
  const loggedToday = (instant: string) => utcDateOf(new Date(instant)) === ctx.today;
  const issues = raidItems.filter((r) => r.kind === "issue" && r.status === "open" && loggedToday(r.createdAt)).map((r) => raidLine(r, ctx));
  const cases = supportCases.filter((c) => loggedToday(c.openedAt)).map((c) => caseLine(c, ctx));
  return {
    summary: "Logged today; each team adds what it resolved",
    lines: [...issues, ...cases],
    empty: "No issue or case logged today",
  };
}

/** The first milestone, by plan, still waiting for its sign-off. */
export function milestoneUnderReview(milestones: readonly Milestone[]): Milestone | undefined {
  return milestones
    .filter((m) => m.signedOffAt === null)
    .sort((a, b) => compareOptionalDates(a.plannedDate ?? a.achievedDate, b.plannedDate ?? b.achievedDate) || a.name.localeCompare(b.name))[0];
}

const ALL_SIGNED_OFF = "Every milestone is signed off";

function milestoneItem(ctx: AgendaContext): AgendaItemContent {
  const m = milestoneUnderReview(ctx.snapshot.milestones);
  return m ? { lines: [milestoneLine(m, ctx.today)] } : { lines: [], empty: ALL_SIGNED_OFF };
}

function deliverableItem(ctx: AgendaContext): AgendaItemContent {
  const m = milestoneUnderReview(ctx.snapshot.milestones);
  if (!m) return { lines: [], empty: ALL_SIGNED_OFF };
  const state = m.achievedDate ? `Achieved ${formatLongDate(m.achievedDate)}` : "Not achieved yet: demonstrate progress";
  const flags: AgendaLine["flags"] = m.achievedDate ? ["achieved"] : [];
  return { lines: [{ text: m.deliverable, detail: state, flags, ref: { kind: "milestone", id: m.id } }] };
}

function signOffItem(ctx: AgendaContext): AgendaItemContent {
  const m = milestoneUnderReview(ctx.snapshot.milestones);
  if (!m) return { lines: [], empty: ALL_SIGNED_OFF };
  const by = m.signedOffBy ? ` (${m.signedOffBy} named to sign)` : "";
  return {
    lines: [{ text: `Sign-off of "${m.name}" to capture${by}`, flags: ["unanswered"], ref: { kind: "milestone", id: m.id } }],
  };
}

function cisChecklist(ctx: AgendaContext): AgendaItemContent {
  const cisVendors = ctx.snapshot.vendors.filter((v) => v.kind === "cis");
  const lines = cisVendors.flatMap((vendor) =>
    cisChecklistKeys.map((key): AgendaLine => {
      const answer = (vendor.checklist[key] ?? "").trim();
      return {
        text: cisVendors.length > 1 ? `${vendor.name}: ${cisChecklistQuestions[key]}` : cisChecklistQuestions[key],
        detail: answer === "" ? "Not answered yet" : answer,
        flags: answer === "" ? ["unanswered"] : [],
        ref: { kind: "vendor", id: vendor.id },
      };
    }),
  );
  const open = lines.filter((l) => l.flags.includes("unanswered")).length;
  return {
    ...(cisVendors.length > 0 ? { summary: `${cisVendors.map((v) => v.name).join(", ")}: ${open} of ${lines.length} questions unanswered` } : {}),
    lines,
    empty: "No CIS vendor on this project",
  };
}

function scheduleDeliverables(ctx: AgendaContext): AgendaItemContent {
  const lines = ctx.snapshot.vendors.flatMap((vendor) =>
    vendor.deliverablesTouchingSchedule.map((deliverable): AgendaLine => ({
      text: deliverable,
      detail: vendor.name,
      flags: [],
      ref: { kind: "vendor", id: vendor.id },
    })),
  );
  return { lines, empty: "No vendor deliverable moves our schedule" };
}

function goLiveAlignment(ctx: AgendaContext): AgendaItemContent {
  const goLive = goLiveText(ctx.snapshot.project.goLiveDate, ctx.today);
  return {
    summary: goLive ? `Our go-live: ${goLive}` : "Our go-live date is not set",
    lines: ctx.snapshot.vendors.map(vendorAlignmentLine),
    empty: "No vendors on this project",
  };
}

export const deliveryCallItems: AgendaItemFillers = {
  daily_status_check: {
    team_updates: teamUpdates,
    schedule_position: schedulePosition,
    issues_today: issuesToday,
  },
  milestone_review: {
    milestone: milestoneItem,
    deliverable: deliverableItem,
    sign_off: signOffItem,
  },
  vendor: {
    cis_checklist: cisChecklist,
    schedule_deliverables: scheduleDeliverables,
    go_live_alignment: goLiveAlignment,
  },
};
