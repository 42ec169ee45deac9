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
import { addDays, compareOptionalDates, daysBetween, formatLongDate } from "./isoDates";
import { dateIn } from "./zonedTime";
import { projectPeople } from "./projectPeople";
import { cisChecklistKeys, type Meeting, type Milestone, type Task } from "../../contracts/types";
import { checklistAnswer } from "./vendorChecklist";

// Agenda items of the delivery calls: daily status check and milestone review (seed 004),
// and the vendors-only call (seeds 000, 004).

interface Team {
  name: string;
  vendorId: string | null;
  hasMembers: boolean;
  tasks: Task[];
  /** Tasks finished today (by their last change, UTC date as `today`). */
  doneToday: Task[];
}

/** Our team, the customer's, each vendor's; a task belongs to its owner's team. */
function teamsOf(ctx: AgendaContext): Team[] {
  const { project, vendors, tasks } = ctx.snapshot;
  const people = projectPeople(ctx.snapshot);
  const members = people.distinctMembers().map((m) => m.person);
  const ours: Team = { name: "Our team", vendorId: null, hasMembers: members.some((p) => p.organisation === "internal"), tasks: [], doneToday: [] };
  const customer: Team = { name: project.customerName, vendorId: null, hasMembers: members.some((p) => p.organisation === "customer"), tasks: [], doneToday: [] };
  const vendorTeams = new Map(
    [...vendors]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((v): [string, Team] => [v.id, { name: v.name, vendorId: v.id, hasMembers: members.some((p) => p.vendorId === v.id), tasks: [], doneToday: [] }]),
  );
  const unassigned: Team = { name: "Unassigned", vendorId: null, hasMembers: false, tasks: [], doneToday: [] };
  const teamOf = (task: Task): Team => {
    const owner = people.person(task.ownerId);
    return owner?.organisation === "internal"
      ? ours
      : owner?.organisation === "customer"
        ? customer
        : (vendorTeams.get(owner?.vendorId ?? "") ?? unassigned);
  };
  for (const task of openTasksByDue(tasks)) teamOf(task).tasks.push(task);
  const done = ctx.snapshot.recentlyDoneTasks ?? tasks.filter((t) => t.status === "done");
  for (const task of done) if (task.updatedAt && dateIn(new Date(task.updatedAt), ctx.timeZone) === ctx.today) teamOf(task).doneToday.push(task);
  return [ours, customer, ...vendorTeams.values(), unassigned].filter((t) => t.hasMembers || t.tasks.length > 0 || t.doneToday.length > 0);
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
      detail: `Done today: ${team.doneToday.length > 0 ? team.doneToday.map((t) => t.name).join("; ") : "nothing recorded"} · ${count((t) => t.status === "in_progress")} in progress · ${count((t) => t.dueDate === ctx.today)} due today · ${late} past due · ${blocked} blocked`,
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
  const loggedToday = (instant: string) => dateIn(new Date(instant), ctx.timeZone) === ctx.today;
  const issues = raidItems.filter((r) => r.kind === "issue" && r.status === "open" && loggedToday(r.createdAt)).map((r) => raidLine(r, ctx));
  const cases = supportCases.filter((c) => loggedToday(c.openedAt)).map((c) => caseLine(c, ctx));
  return {
    summary: "Logged today; each team adds what it resolved",
    lines: [...issues, ...cases],
    empty: "No issue or case logged today",
  };
}

const words = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

/**
 * The milestone a milestone review is for (seed 004: "at each milestone"): the one the meeting's
 * subject names ("UAT start milestone review" reviews "UAT start"; the longest name wins), else
 * the first milestone, by plan, still waiting for its sign-off.
 */
export function milestoneUnderReview(milestones: readonly Milestone[], meeting?: Pick<Meeting, "subject"> | null): Milestone | undefined {
  if (meeting) {
    const subject = ` ${words(meeting.subject)} `;
    const named = milestones
      .filter((m) => words(m.name) !== "" && subject.includes(` ${words(m.name)} `))
      .sort((a, b) => b.name.length - a.name.length)[0];
    if (named) return named;
  }
  return milestones
    .filter((m) => m.signedOffAt === null)
    .sort((a, b) => compareOptionalDates(a.plannedDate ?? a.achievedDate, b.plannedDate ?? b.achievedDate) || a.name.localeCompare(b.name))[0];
}

const ALL_SIGNED_OFF = "Every milestone is signed off";

function milestoneItem(ctx: AgendaContext): AgendaItemContent {
  const m = milestoneUnderReview(ctx.snapshot.milestones, ctx.meeting);
  if (!m) return { lines: [], empty: ALL_SIGNED_OFF };
  const signed = m.signedOffAt ? `; signed off${m.signedOffBy ? ` by ${m.signedOffBy}` : ""} ${formatLongDate(m.signedOffAt.slice(0, 10))}` : "";
  return { summary: `Reviewing "${m.name}"${signed}`, lines: [milestoneLine(m, ctx.today)] };
}

function deliverableItem(ctx: AgendaContext): AgendaItemContent {
  const m = milestoneUnderReview(ctx.snapshot.milestones, ctx.meeting);
  if (!m) return { lines: [], empty: ALL_SIGNED_OFF };
  const state = m.achievedDate ? `Achieved ${formatLongDate(m.achievedDate)}` : "Not achieved yet: demonstrate progress";
  const flags: AgendaLine["flags"] = m.achievedDate ? ["achieved"] : [];
  return { lines: [{ text: m.deliverable, detail: state, flags, ref: { kind: "milestone", id: m.id } }] };
}

function signOffItem(ctx: AgendaContext): AgendaItemContent {
  const m = milestoneUnderReview(ctx.snapshot.milestones, ctx.meeting);
  if (!m) return { lines: [], empty: ALL_SIGNED_OFF };
  if (m.signedOffAt) {
    return { lines: [{ text: `"${m.name}" signed off${m.signedOffBy ? ` by ${m.signedOffBy}` : ""} ${formatLongDate(m.signedOffAt.slice(0, 10))}`, flags: ["achieved"], ref: { kind: "milestone", id: m.id } }] };
  }
  const by = m.signedOffBy ? ` (${m.signedOffBy} named to sign)` : "";
  return {
    lines: [{ text: `Sign-off of "${m.name}" to capture${by}`, flags: ["unanswered"], ref: { kind: "milestone", id: m.id } }],
  };
}

function cisChecklist(ctx: AgendaContext): AgendaItemContent {
  const cisVendors = ctx.snapshot.vendors.filter((v) => v.kind === "cis");
  const people = projectPeople(ctx.snapshot);
  const lines = cisVendors.flatMap((vendor) =>
    cisChecklistKeys.map((key): AgendaLine => {
      const answer = checklistAnswer(vendor, key, (id) => people.person(id)?.name ?? null);
      return {
        text: cisVendors.length > 1 ? `${vendor.name}: ${cisChecklistQuestions[key]}` : cisChecklistQuestions[key],
        detail: answer?.text ?? "Not answered yet",
        flags: answer === null ? ["unanswered"] : answer.high ? ["high"] : [],
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
