import {
  caseLine,
  goLiveText,
  milestoneLine,
  openCasesByPriority,
  openRaidItems,
  openTasksByDue,
  pendingMilestones,
  plural,
  ragContent,
  raidLine,
  statusSummary,
  talliedRaid,
  taskLine,
  vendorAlignmentLine,
  withTally,
} from "./agendaLines";
import type { TallyPart } from "../../contracts/agendaTally";
import type { AgendaLine } from "../../contracts/agenda";
import type { AgendaContext, AgendaItemContent, AgendaItemFillers } from "./agendaTypes";
import { addDays, compareOptionalDates, formatLongDate, utcDateOf } from "./isoDates";
import { isMeetingOfProject, meetingCallType } from "./meetingCallType";
import { isOutOfOfficeOn, projectPeople, roleLabels } from "./projectPeople";
import type { IsoDate, Meeting } from "../../contracts/types";

// Agenda items of the status calls (seed 000): internal, customer, steering committee.

/** Without an earlier customer call, "accomplishments" look back this many days. */
export const ACCOMPLISHMENTS_FALLBACK_DAYS = 14;
export const UPCOMING_TASK_COUNT = 10;
const TOP_RISK_COUNT = 3;
const STEERING_MILESTONE_COUNT = 3;

/** The project's latest customer status call that started before now (not this meeting). */
export function previousCustomerCall(ctx: AgendaContext): Meeting | undefined {
  return ctx.history.meetings
    .filter((m) => m.id !== ctx.meetingId && isMeetingOfProject(m, ctx.snapshot.project.id))
    .filter((m) => meetingCallType(m) === "customer_status" && Date.parse(m.startsAt) < ctx.now.getTime())
    .sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt))[0];
}

/**
 * Milestones achieved on or after the day of the previous customer call (UTC date of its
 * start) up to today; with no previous call, over the last 14 days. Same-day achievements
 * are kept: repeating one beats missing one.
 */
function accomplishments(ctx: AgendaContext): AgendaItemContent {
  const previous = previousCustomerCall(ctx);
  const since: IsoDate = previous ? utcDateOf(new Date(previous.startsAt)) : addDays(ctx.today, -ACCOMPLISHMENTS_FALLBACK_DAYS);
  const achieved = ctx.snapshot.milestones
    .filter((m) => m.achievedDate !== null && m.achievedDate >= since && m.achievedDate <= ctx.today)
    .sort((a, b) => compareOptionalDates(a.achievedDate, b.achievedDate) || a.name.localeCompare(b.name));
  const summary = previous
    ? `Since the last customer call, ${formatLongDate(since)}`
    : `Since ${formatLongDate(since)} (no earlier customer call: last ${ACCOMPLISHMENTS_FALLBACK_DAYS} days)`;
  return {
    summary,
    lines: achieved.map((m) => milestoneLine(m, ctx.today)),
    empty: `No milestone achieved since ${formatLongDate(since)}`,
  };
}

function upcomingMilestones(ctx: AgendaContext): AgendaItemContent {
  return { lines: pendingMilestones(ctx.snapshot.milestones).map((m) => milestoneLine(m, ctx.today)), empty: "Every milestone is achieved" };
}

function upcomingTasks(ctx: AgendaContext): AgendaItemContent {
  const open = openTasksByDue(ctx.snapshot.tasks);
  const next = open.slice(0, UPCOMING_TASK_COUNT);
  return {
    summary: `Next ${next.length} of ${plural(open.length, "open task")}`,
    lines: next.map((t) => taskLine(t, ctx)),
    empty: "No open tasks",
  };
}

function raidLog(includeInternalOnly: boolean) {
  return (ctx: AgendaContext): AgendaItemContent => {
    const items = openRaidItems(ctx.snapshot.raidItems, includeInternalOnly);
    const lines = items.map((r) => raidLine(r, ctx));
    const parts: TallyPart[] = [{ count: "open", noun: "open item" }, { text: ": " }, { count: "past_due" }, { text: " past due, " }, { count: "no_due_date" }, { text: " without a due date" }];
    return {
      ...withTally({ raid: talliedRaid(items), parts }, ctx.today),
      lines,
      empty: "No open RAID items",
    };
  };
}

/** Without an earlier internal call, "done since" looks back this many days. */
export const STAKEHOLDER_FALLBACK_DAYS = 7;

/** The project's latest internal status call that started before now (not this meeting). */
export function previousInternalCall(ctx: AgendaContext): Meeting | undefined {
  return ctx.history.meetings
    .filter((m) => m.id !== ctx.meetingId && isMeetingOfProject(m, ctx.snapshot.project.id))
    .filter((m) => meetingCallType(m) === "internal_status" && Date.parse(m.startsAt) < ctx.now.getTime())
    .sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt))[0];
}

const listed = (names: string[], max = 3) => (names.length <= max ? names.join("; ") : `${names.slice(0, max).join("; ")} and ${names.length - max} more`);

/**
 * Seed 000's round: per internal person invited to this call, or involved (finished work since
 * the last internal call, or owns a blocked task): done since the last internal call, next up
 * (their next open task), blockers (blocked tasks and their open RAID items). Without the
 * meeting's invitees, every internal member.
 */
function stakeholderUpdates(ctx: AgendaContext): AgendaItemContent {
  const { tasks, raidItems } = ctx.snapshot;
  const previous = previousInternalCall(ctx);
  const since = previous ? new Date(previous.startsAt) : new Date(ctx.now.getTime() - STAKEHOLDER_FALLBACK_DAYS * 86_400_000);
  const doneSince = (ctx.snapshot.recentlyDoneTasks ?? tasks.filter((t) => t.status === "done")).filter(
    (t) => t.updatedAt !== undefined && Date.parse(t.updatedAt) >= since.getTime() && Date.parse(t.updatedAt) <= ctx.now.getTime(),
  );
  const open = openTasksByDue(tasks);
  const openRaid = openRaidItems(raidItems, true);
  const invited = ctx.meeting ? new Set(ctx.meeting.attendees.map((a) => a.email.toLowerCase())) : null;
  const people = projectPeople(ctx.snapshot)
    .distinctMembers()
    .filter(({ person }) => person.organisation === "internal")
    .filter(({ person }) => {
      if (!invited || invited.has(person.email.toLowerCase())) return true;
      return doneSince.some((t) => t.ownerId === person.id) || open.some((t) => t.ownerId === person.id && t.status === "blocked");
    });
  const lines = people.map(({ person, roles }): AgendaLine => {
    const done = doneSince.filter((t) => t.ownerId === person.id);
    const own = open.filter((t) => t.ownerId === person.id);
    const next = own.find((t) => t.status !== "blocked");
    const blocked = own.filter((t) => t.status === "blocked");
    const raid = openRaid.filter((r) => r.ownerId === person.id);
    const parts = [
      `Done: ${done.length > 0 ? listed(done.map((t) => t.name)) : "nothing recorded"}`,
      `Next: ${next ? `${next.name}${next.dueDate ? ` (due ${formatLongDate(next.dueDate)})` : ""}` : "no open task"}`,
      ...(blocked.length > 0 ? [`Blocked: ${listed(blocked.map((t) => t.name))}`] : []),
      ...(raid.length > 0 ? [`Open RAID: ${listed(raid.map((r) => r.title))}`] : []),
    ];
    const late = [...own.map((t) => t.dueDate), ...raid.map((r) => r.dueDate)].filter((d) => d !== null && d < ctx.today).length;
    const flags: AgendaLine["flags"] = [];
    if (late > 0) flags.push("past_due");
    if (blocked.length > 0) flags.push("blocked");
    if (isOutOfOfficeOn(person, ctx.today)) flags.push("out_of_office");
    return {
      text: `${person.name} (${roles.map((r) => roleLabels[r]).join(", ")})${invited && !invited.has(person.email.toLowerCase()) ? ", not invited" : ""}`,
      detail: parts.join(" · "),
      flags,
      ref: { kind: "person", id: person.id },
    };
  });
  const sinceText = previous ? `the last internal call, ${formatLongDate(utcDateOf(since))}` : `${formatLongDate(utcDateOf(since))} (no earlier internal call)`;
  return { summary: `Done since ${sinceText}, next up, blockers`, lines, empty: "No internal stakeholder invited or involved" };
}

function scheduleReview(ctx: AgendaContext): AgendaItemContent {
  const open = openTasksByDue(ctx.snapshot.tasks);
  const lines = open.map((t) => taskLine(t, ctx)).filter((l) => l.flags.length > 0);
  const count = (flag: AgendaLine["flags"][number]) => lines.filter((l) => l.flags.includes(flag)).length;
  return {
    summary: `${plural(open.length, "open task")}: ${count("past_due")} past due, ${count("blocked")} blocked, ${count("no_due_date")} without a due date`,
    lines,
    empty: "Every open task is dated and on time",
  };
}

function milestoneTracking(ctx: AgendaContext): AgendaItemContent {
  const { milestones } = ctx.snapshot;
  const achieved = milestones
    .filter((m) => m.achievedDate !== null)
    .sort((a, b) => compareOptionalDates(a.plannedDate ?? a.achievedDate, b.plannedDate ?? b.achievedDate));
  const pending = pendingMilestones(milestones);
  const next = pending[0];
  return {
    summary: `${achieved.length} of ${plural(milestones.length, "milestone")} achieved${next ? `; next: ${next.name}` : ""}`,
    lines: [...achieved, ...pending].map((m) => milestoneLine(m, ctx.today)),
    empty: "No milestones in the plan",
  };
}

function upcomingActions(ctx: AgendaContext): AgendaItemContent {
  const actions = openRaidItems(ctx.snapshot.raidItems, true).filter((r) => r.kind === "action");
  return { lines: actions.map((r) => raidLine(r, ctx)), empty: "No open action items" };
}

function hotTopics(ctx: AgendaContext): AgendaItemContent {
  const { tasks, supportCases, changeRequests } = ctx.snapshot;
  const blocked = openTasksByDue(tasks).filter((t) => t.status === "blocked").map((t) => taskLine(t, ctx));
  const urgent = openCasesByPriority(supportCases)
    .filter((c) => c.severity === "critical" || c.severity === "high")
    .map((c) => caseLine(c, ctx));
  const pending = changeRequests
    .filter((cr) => cr.decision === "pending")
    .map((cr): AgendaLine => ({
      text: `Change request: ${cr.description}`,
      detail: `${cr.estimateHours === null ? "no estimate yet" : `${cr.estimateHours} h estimated`} · decision pending`,
      flags: cr.customerConfirmed ? [] : ["unanswered"],
      ref: { kind: "change_request", id: cr.id },
    }));
  return { lines: [...urgent, ...blocked, ...pending], empty: "No blocked tasks, urgent cases or pending change requests" };
}

function daysToGoLive(ctx: AgendaContext): AgendaItemContent {
  const text = goLiveText(ctx.snapshot.project.goLiveDate, ctx.today);
  return text ? { lines: [{ text, flags: [] }] } : { lines: [], empty: "No go-live date set" };
}

/** The steering committee template: RAG, milestones, go-live, top risks, vendor alignment. */
function stakeholderReport(ctx: AgendaContext): AgendaItemContent {
  const { project, milestones, raidItems, vendors } = ctx.snapshot;
  const rag = ragContent(project);
  const ragLine: AgendaLine = {
    text: `RAG: ${rag.summary ?? project.rag}`,
    ...(rag.lines.length > 0 ? { detail: rag.lines.map((l) => l.text).join(" · ") } : {}),
    flags: [...new Set(rag.lines.flatMap((l) => l.flags))],
  };
  const achieved = milestones.filter((m) => m.achievedDate !== null).length;
  const milestoneSummary: AgendaLine = { text: `Milestones: ${achieved} of ${milestones.length} achieved`, flags: [] };
  const nextMilestones = pendingMilestones(milestones)
    .slice(0, STEERING_MILESTONE_COUNT)
    .map((m) => milestoneLine(m, ctx.today));
  const goLive = goLiveText(project.goLiveDate, ctx.today);
  const goLiveLine: AgendaLine = goLive ? { text: goLive, flags: [] } : { text: "No go-live date set", flags: ["no_due_date"] };
  const risks = openRaidItems(raidItems, false)
    .filter((r) => r.kind === "risk")
    .slice(0, TOP_RISK_COUNT)
    .map((r) => raidLine(r, ctx));
  return {
    summary: [`RAG ${project.rag}`, goLive ?? "no go-live date"].join(" · "),
    lines: [ragLine, milestoneSummary, ...nextMilestones, goLiveLine, ...risks, ...vendors.map(vendorAlignmentLine)],
  };
}

export const statusCallItems: AgendaItemFillers = {
  internal_status: {
    stakeholder_updates: stakeholderUpdates,
    schedule_review: scheduleReview,
    raid_review: raidLog(true),
    status_report_review: (ctx) => ({ ...statusSummary(ctx, true), lines: [] }),
    milestone_tracking: milestoneTracking,
    upcoming_actions: upcomingActions,
  },
  customer_status: {
    status_report: (ctx) => ({ ...statusSummary(ctx, false), lines: [] }),
    rag: (ctx) => ragContent(ctx.snapshot.project),
    accomplishments,
    upcoming_milestones: upcomingMilestones,
    upcoming_tasks: upcomingTasks,
    raid: raidLog(false),
    hot_topics: hotTopics,
    days_to_go_live: daysToGoLive,
  },
  steering_committee: {
    stakeholder_report: stakeholderReport,
  },
};
