import { easternDateOf } from "./easternDay";
import { addDays, daysBetween, formatLongDate } from "../isoDates";
import { meetingCallType } from "../meetingCallType";
import type { IsoDate, Meeting, Person, ProjectSnapshot } from "../../../contracts/types";
import { byDue, isOpenRaid, isOpenTask, memberPeople, recipientOf, taskStatusLabel, visibleTo, type DraftInput } from "./draftInput";
import { shortDate, type DraftRecipient, type DraftSection, type QueueDraft, type QueueKind } from "./queueMessage";

// One pure builder per owed message (runbook section 3). Each reads live project data and
// `now` (dates in US Eastern, the runbook's zone) and leaves out what its audience may not see.

const ragLabel = { green: "Green", amber: "Amber", red: "Red" } as const;

function counted<T>(rows: T[], keep: (r: T) => boolean): { kept: T[]; omitted: number } {
  const kept = rows.filter(keep);
  return { kept, omitted: rows.length - kept.length };
}

function goLiveLine(snapshot: ProjectSnapshot, today: IsoDate): string {
  const { goLiveDate } = snapshot.project;
  if (!goLiveDate) return "Go-live date not set";
  const left = daysBetween(today, goLiveDate);
  return `Go-live ${formatLongDate(goLiveDate)} (${left >= 0 ? `${left} days to go-live` : `${-left} days since go-live`})`;
}

function ragLines(snapshot: ProjectSnapshot): string[] {
  const { rag, ragReason, pathToGreen } = snapshot.project;
  if (rag === "green") return ["Green: on track"];
  return [`${ragLabel[rag]}: ${ragReason ?? "reason not recorded"}`, `Path to green: ${pathToGreen ?? "not recorded"}`];
}

function openTaskLines(input: DraftInput, keep: (t: DraftInput["snapshot"]["tasks"][number]) => boolean) {
  const { kept, omitted } = counted(input.snapshot.tasks.filter(isOpenTask).filter(keep), (t) => visibleTo(t, input.audience));
  return { lines: [...kept].sort(byDue).map((t) => `${t.name}: ${taskStatusLabel(t.status)}, ETA ${shortDate(t.dueDate)}`), omitted };
}

function openRaidLines(input: DraftInput, kinds: readonly string[]) {
  const names = new Map(input.snapshot.people.map((p) => [p.id, p.name]));
  const { kept, omitted } = counted(input.snapshot.raidItems.filter((r) => isOpenRaid(r) && kinds.includes(r.kind)), (r) => visibleTo(r, input.audience));
  return {
    lines: [...kept].sort(byDue).map((r) => `${r.kind[0]?.toUpperCase()}${r.kind.slice(1)}: ${r.title} (owner ${names.get(r.ownerId ?? "") ?? "unassigned"}, due ${shortDate(r.dueDate)})`),
    omitted,
  };
}

/** Seed 003: "every client must receive updates on the open tasks every 2 working days … the name of the task, its status and ETA". Customer-visible tasks only. */
export function draftOpenTaskUpdate(input: DraftInput): QueueDraft {
  const { project } = input.snapshot;
  const tasks = openTaskLines(input, () => true);
  return {
    kind: "open_task_update",
    subject: `${project.name}: open tasks update, ${formatLongDate(easternDateOf(input.now))}`,
    audience: input.audience,
    to: input.to,
    cc: input.cc,
    lead: `Here is where each open task stands: name, status and ETA.`,
    sections: [{ heading: "Open tasks", lines: tasks.lines, empty: "No open tasks." }],
    omittedInternal: tasks.omitted,
  };
}

/**
 * Seed 003: "every two weeks, on Fridays, a report … what was worked, what issues happened along
 * the way (optional), what are the plans for the next week or two"; the sprint report is the same
 * at each sprint's end ("worked tasks"). The period is the last `periodDays` up to today.
 */
export function draftProgressReport(input: DraftInput, kind: "biweekly_friday_report" | "sprint_report"): QueueDraft {
  const { project, milestones } = input.snapshot;
  const today = easternDateOf(input.now);
  const periodDays = kind === "sprint_report" ? (project.sprintLengthDays ?? 14) : 14;
  const from = addDays(today, -periodDays);
  const until = addDays(today, 14);
  const inPeriod = (d: IsoDate | null) => d !== null && d > from && d <= today;
  const worked = counted(
    input.snapshot.tasks.filter((t) => (t.status === "done" && inPeriod(t.dueDate)) || t.status === "in_progress" || t.status === "blocked"),
    (t) => visibleTo(t, input.audience),
  );
  const achieved = milestones.filter((m) => inPeriod(m.achievedDate)).map((m) => `Milestone achieved: ${m.name} (${shortDate(m.achievedDate)})`);
  const issues = openRaidLines(input, ["issue"]);
  const plans = openTaskLines(input, (t) => t.status !== "in_progress" && t.status !== "blocked" && ((t.startDate !== null && t.startDate <= until) || (t.dueDate !== null && t.dueDate <= until)));
  const label = kind === "sprint_report" ? "Sprint report" : "Fortnightly report";
  return {
    kind,
    subject: `${project.name}: ${label.toLowerCase()}, ${formatLongDate(today)}`,
    audience: input.audience,
    to: input.to,
    cc: input.cc,
    lead: `${label} for ${formatLongDate(addDays(from, 1))} to ${formatLongDate(today)}: what we worked on, the issues we met, and the plan for the next two weeks.`,
    sections: [
      { heading: "What we worked on", lines: [...achieved, ...[...worked.kept].sort(byDue).map((t) => `${t.name}: ${taskStatusLabel(t.status)}`)], empty: "Nothing recorded." },
      { heading: "Issues met", lines: issues.lines, empty: "No open issues." },
      { heading: "Plans for the next two weeks", lines: plans.lines, empty: "Nothing planned." },
    ],
    omittedInternal: worked.omitted + issues.omitted + plans.omitted,
  };
}

/** Seed 002: "don't forgo the weekly status report": where we are and where we are going, to the wider stakeholder list. */
export function draftWeeklyStatusReport(input: DraftInput): QueueDraft {
  const { project, milestones } = input.snapshot;
  const today = easternDateOf(input.now);
  const achieved = milestones.filter((m) => m.achievedDate !== null && m.achievedDate > addDays(today, -7) && m.achievedDate <= today);
  const upcoming = milestones.filter((m) => m.achievedDate === null && m.plannedDate !== null && m.plannedDate >= today).sort((a, b) => (a.plannedDate ?? "").localeCompare(b.plannedDate ?? "")).slice(0, 3);
  const raid = openRaidLines(input, ["risk", "issue", "action"]);
  const tasks = openTaskLines(input, () => true);
  return {
    kind: "weekly_status_report",
    subject: `${project.name}: weekly status report, ${formatLongDate(today)}`,
    audience: input.audience,
    to: input.to,
    cc: input.cc,
    lead: `Weekly status of ${project.name} for ${project.customerName}.`,
    sections: [
      { heading: "Status", lines: [...ragLines(input.snapshot), goLiveLine(input.snapshot, today)] },
      { heading: "Achieved this week", lines: achieved.map((m) => `${m.name} (${shortDate(m.achievedDate)})`), empty: "No milestone this week." },
      { heading: "Upcoming milestones", lines: upcoming.map((m) => `${m.name}: ${shortDate(m.plannedDate)}`), empty: "None scheduled." },
      { heading: "Next tasks", lines: tasks.lines.slice(0, 10), empty: "No open tasks." },
      { heading: "Open risks, issues and actions", lines: raid.lines, empty: "None open." },
    ],
    omittedInternal: raid.omitted + tasks.omitted,
  };
}

/** Seed 004: "make sure that all news, especially bad news, travels fast": RAG turned amber or red, with the reason and the path to green. */
export function draftRagChangeNotice(input: DraftInput): QueueDraft {
  const { project } = input.snapshot;
  const today = easternDateOf(input.now);
  const was = project.previousRag ? ` (was ${ragLabel[project.previousRag]})` : "";
  return {
    kind: "rag_change_notice",
    subject: `${project.name}: status is now ${ragLabel[project.rag]}`,
    audience: input.audience,
    to: input.to,
    cc: input.cc,
    lead: `The status of ${project.name} changed to ${ragLabel[project.rag]}${was}${project.ragChangedAt ? ` on ${formatLongDate(easternDateOf(new Date(project.ragChangedAt)))}` : ""}.`,
    sections: [
      { heading: "Reason", lines: [project.ragReason ?? "Not recorded"] },
      { heading: "Path to green", lines: [project.pathToGreen ?? "Not recorded"] },
      { heading: "Go-live", lines: [goLiveLine(input.snapshot, today)] },
    ],
    omittedInternal: 0,
  };
}

/**
 * Seed 003: "all important decisions must be traced in an email … all agreed new changes/new
 * requests with the hours especially"; change requests are taken into work after the customer
 * confirms. Decisions since the last send, and every change request with its hours.
 */
export function draftDecisionsAndChanges(input: DraftInput): QueueDraft {
  const { project, raidItems, changeRequests, people } = input.snapshot;
  const since = input.lastSentAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  const calls = new Map(input.meetings.map((m) => [m.id, m]));
  const names = new Map(people.map((p) => [p.id, p.name]));
  const decisions = counted(raidItems.filter((r) => r.kind === "decision" && Date.parse(r.createdAt) > since), (r) => visibleTo(r, input.audience));
  const hours = (h: number | null) => (h === null ? "hours not estimated" : `${h} h`);
  const awaiting = changeRequests.filter((c) => !c.customerConfirmed && c.decision === "pending");
  const agreed = changeRequests.filter((c) => c.customerConfirmed || c.decision !== "pending");
  const state = (c: (typeof changeRequests)[number]) =>
    c.decision === "pending" ? "confirmed, decision pending" : `${c.decision}${c.decidedBy ? ` by ${c.decidedBy}` : ""}`;
  return {
    kind: "decisions_and_changes",
    subject: `${project.name}: decisions and changes for your confirmation`,
    audience: input.audience,
    to: input.to,
    cc: input.cc,
    lead: "Below are the decisions we made and the changes we discussed. Please confirm, or reply with corrections.",
    sections: [
      {
        heading: "Decisions",
        lines: decisions.kept.map((r) => {
          const call = r.raisedInMeetingId ? calls.get(r.raisedInMeetingId) : undefined;
          return `${r.title} (decided by ${names.get(r.ownerId ?? "") ?? "the team"}${call ? `, ${call.subject} on ${shortDate(easternDateOf(new Date(call.startsAt)))}` : ""})`;
        }),
        empty: "No new decisions.",
      },
      { heading: "Change requests awaiting your confirmation", lines: awaiting.map((c) => `${c.description}: ${hours(c.estimateHours)}`), empty: "None." },
      { heading: "Agreed changes", lines: agreed.map((c) => `${c.description}: ${hours(c.estimateHours)}, ${state(c)}`), empty: "None." },
    ],
    omittedInternal: decisions.omitted,
  };
}

/**
 * Seed 004: "the project manager should provide regular status reports to the vendor regardless
 * of what's happening"; seed 000: align milestones and the go-live date with the vendors.
 * Vendor-safe: no internal-only rows, no change requests or commercial figures.
 */
export function draftVendorStatus(input: DraftInput): QueueDraft {
  const { project, milestones, vendors, people } = input.snapshot;
  const today = easternDateOf(input.now);
  const vendorPeople = new Set(people.filter((p) => p.organisation === "vendor").map((p) => p.id));
  const vendorTasks = openTaskLines(input, (t) => t.ownerId !== null && vendorPeople.has(t.ownerId));
  const upcoming = milestones.filter((m) => m.achievedDate === null && m.plannedDate !== null && m.plannedDate >= today).sort((a, b) => (a.plannedDate ?? "").localeCompare(b.plannedDate ?? ""));
  const raid = openRaidLines(input, ["risk", "issue", "action"]);
  const vendorRaid = raid.lines.filter((l) => people.some((p) => vendorPeople.has(p.id) && l.includes(`owner ${p.name}`)));
  return {
    kind: "vendor_status",
    subject: `${project.name}: status for ${vendors.map((v) => v.name).join(" and ")}, ${formatLongDate(today)}`,
    audience: input.audience,
    to: input.to,
    cc: input.cc,
    lead: `Weekly status of the ${project.customerName} project, so our schedules stay aligned.`,
    sections: [
      { heading: "Go-live", lines: [goLiveLine(input.snapshot, today), ...vendors.map((v) => `${v.name}: go-live ${v.goLiveAligned === true ? "aligned" : v.goLiveAligned === false ? "NOT aligned yet" : "alignment not confirmed"}`)] },
      { heading: "Upcoming milestones", lines: upcoming.map((m) => `${m.name}: ${shortDate(m.plannedDate)}`), empty: "None scheduled." },
      { heading: "Your deliverables that move our schedule", lines: vendors.flatMap((v) => v.deliverablesTouchingSchedule.map((d) => `${v.name}: ${d}`)), empty: "None recorded." },
      { heading: "Your open tasks", lines: vendorTasks.lines, empty: "None open." },
      { heading: "Your open risks, issues and actions", lines: vendorRaid, empty: "None open." },
    ],
    omittedInternal: vendorTasks.omitted + raid.omitted,
  };
}

/** Seed 000: after steering, "send out copy of notes … and Stakeholder report to attendees": high level only. */
export function draftSteeringReport(input: DraftInput): QueueDraft {
  const { project, milestones, changeRequests } = input.snapshot;
  const today = easternDateOf(input.now);
  const achieved = milestones.filter((m) => m.achievedDate !== null).sort((a, b) => (b.achievedDate ?? "").localeCompare(a.achievedDate ?? "")).slice(0, 3);
  const upcoming = milestones.filter((m) => m.achievedDate === null && m.plannedDate !== null).sort((a, b) => (a.plannedDate ?? "").localeCompare(b.plannedDate ?? "")).slice(0, 3);
  const risks = openRaidLines(input, ["risk", "issue"]);
  const pending = changeRequests.filter((c) => c.decision === "pending");
  return {
    kind: "steering_report",
    subject: `${project.name}: steering committee stakeholder report, ${formatLongDate(today)}`,
    audience: input.audience,
    to: input.to,
    cc: input.cc,
    lead: `Stakeholder report for the ${project.customerName} steering committee, with the notes of the call.`,
    sections: [
      { heading: "Status", lines: [...ragLines(input.snapshot), goLiveLine(input.snapshot, today)] },
      { heading: "Milestones achieved", lines: achieved.map((m) => `${m.name} (${shortDate(m.achievedDate)})`), empty: "None yet." },
      { heading: "Next milestones", lines: upcoming.map((m) => `${m.name}: ${shortDate(m.plannedDate)}`), empty: "None scheduled." },
      { heading: "Top risks and issues", lines: risks.lines.slice(0, 5), empty: "None open." },
      { heading: "Decisions needed", lines: pending.map((c) => `Change request: ${c.description} (${c.estimateHours ?? "?"} h)`), empty: "None." },
    ],
    omittedInternal: risks.omitted,
  };
}

/** Builds the draft of any queue kind. */
export function buildQueueDraft(kind: QueueKind, input: DraftInput): QueueDraft {
  switch (kind) {
    case "open_task_update":
      return draftOpenTaskUpdate(input);
    case "sprint_report":
    case "biweekly_friday_report":
      return draftProgressReport(input, kind);
    case "weekly_status_report":
      return draftWeeklyStatusReport(input);
    case "rag_change_notice":
      return draftRagChangeNotice(input);
    case "decisions_and_changes":
      return draftDecisionsAndChanges(input);
    case "vendor_status":
      return draftVendorStatus(input);
    case "steering_report":
      return draftSteeringReport(input);
  }
}

const customerSide = (p: Person) => p.organisation === "customer";
const leads = (_p: Person, roles: string[]) => roles.includes("pm") || roles.includes("im");

/**
 * The default recipients of a kind, never the sender: the customer (seed 003 messages) with the
 * PM and IM copied; every member of both sides for the weekly report and RAG notice (002, 004);
 * the vendors' people for vendor status (004); the attendees of the steering call (000).
 */
export function defaultRecipients(kind: QueueKind, snapshot: ProjectSnapshot, meetings: Meeting[], now: Date, senderEmail: string): { to: DraftRecipient[]; cc: DraftRecipient[] } {
  const notSender = (r: DraftRecipient) => r.email.toLowerCase() !== senderEmail.toLowerCase();
  const pick = (to: Person[], cc: Person[]) => {
    const toR = to.map(recipientOf).filter(notSender);
    const seen = new Set(toR.map((r) => r.email.toLowerCase()));
    return { to: toR, cc: cc.map(recipientOf).filter((r) => notSender(r) && !seen.has(r.email.toLowerCase())) };
  };
  switch (kind) {
    case "weekly_status_report":
    case "rag_change_notice":
      return pick(memberPeople(snapshot, (p) => p.organisation !== "vendor"), []);
    case "vendor_status":
      return pick(snapshot.people.filter((p) => p.organisation === "vendor"), memberPeople(snapshot, leads));
    case "steering_report": {
      const steering = meetings
        .filter((m) => meetingCallType(m) === "steering_committee" && Date.parse(m.startsAt) <= now.getTime())
        .sort((a, b) => b.startsAt.localeCompare(a.startsAt))[0];
      if (steering) return { to: steering.attendees.map((a) => ({ name: a.name, email: a.email })).filter(notSender), cc: [] };
      return pick(memberPeople(snapshot, (_p, roles) => ["customer_executive", "customer_project_lead", "vp_implementations", "vertical_director", "pm_director"].some((r) => roles.includes(r))), []);
    }
    default:
      return pick(memberPeople(snapshot, customerSide), memberPeople(snapshot, leads));
  }
}

export type { DraftSection };
