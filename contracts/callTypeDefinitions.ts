import type { FollowUpKind } from "./followUps";
import type { CallType, CisChecklistKey, WeekdayName } from "./types";

// The call types of the runbook (section 2), in its words. `weight` is an agenda item's
// share of the meeting when buildAgenda splits the length into time boxes.

export type CadenceRule =
  | { kind: "weekly" }
  | { kind: "monthly" }
  | { kind: "daily"; workingDaysOnly: boolean }
  | { kind: "weekly_slots"; weekdays: readonly WeekdayName[]; start: string; end: string; timeZone: string }
  | { kind: "per_milestone" }
  | { kind: "as_needed" }
  | { kind: "before_kick_off_then_weekly" }
  | { kind: "before_go_live"; countFrom: "tsm_tier" };

export interface AgendaItemDefinition {
  key: string;
  title: string;
  weight: number;
  /** What the item is for, shown when it has no live content of its own. */
  guidance?: string;
}

export interface FollowUpOwed {
  text: string;
  /** The cadence follow-up this feeds (dueFollowUps), when there is one. */
  kind?: FollowUpKind;
}

export interface CallTypeDefinition {
  callType: CallType;
  label: string;
  purpose: string;
  typicalMinutes: number;
  cadence: { text: string; rule: CadenceRule };
  agenda: readonly AgendaItemDefinition[];
  attendeeRule: string;
  followUps: readonly FollowUpOwed[];
  /** Seed documents (../seeds/NNN_*.txt) the call type comes from. */
  seeds: readonly string[];
}

export const triageSlot = {
  weekdays: ["tuesday", "thursday"],
  start: "10:00",
  end: "11:00",
  timeZone: "America/New_York",
} as const;

const QA: AgendaItemDefinition = { key: "q_and_a", title: "Q&A", weight: 2, guidance: "Open floor" };

export const cisChecklistQuestions: Record<CisChecklistKey, string> = {
  installed_ready: "Is the CIS installed and ready to integrate?",
  updates_needed: "Does the CIS need updates before or while we start?",
  resources_willing: "Does the vendor have the resources and willingness to collaborate?",
  schedule_go_live: "What is their schedule; can they go live when we forecast?",
  share_schedule_join_meetings: "Will they share their schedule or join our meetings?",
  pm_contact_weekly: "Who is their PM/contact and how do we stay in touch weekly?",
  deliverables_moving_schedule: "Which of their deliverables or milestones move our schedule?",
};

export const callTypeDefinitions: Record<CallType, CallTypeDefinition> = {
  internal_status: {
    callType: "internal_status",
    label: "Internal status call",
    purpose: "A dry run for the customer call: sync on status, open RAID items, blockers and next steps.",
    typicalMinutes: 30,
    cadence: { text: "Weekly, before the customer call; 15–30 minutes", rule: { kind: "weekly" } },
    agenda: [
      { key: "stakeholder_updates", title: "Round of stakeholder updates", weight: 5, guidance: "Done since the last internal call, upcoming, blockers" },
      { key: "schedule_review", title: "Project schedule review", weight: 3 },
      { key: "raid_review", title: "RAID log review", weight: 4, guidance: "Every open item has a due date and is on track" },
      { key: "status_report_review", title: "Status report review", weight: 2 },
      { key: "milestone_tracking", title: "Milestone tracking review", weight: 2 },
      { key: "upcoming_actions", title: "Upcoming actions", weight: 2 },
      QA,
      { key: "send_notes", title: "Send notes or the recording link", weight: 1, guidance: "To every attendee after the call" },
    ],
    attendeeRule:
      "PM and IM; the SE and the developer when technical items are open; product, legal and marketing when items of theirs are unresolved.",
    followUps: [{ text: "Send the meeting notes or the recording link" }],
    seeds: ["000"],
  },
  customer_status: {
    callType: "customer_status",
    label: "Customer status call",
    purpose: "Transparent weekly status with the customer: progress, RAG, what is next, open items and the go-live date.",
    typicalMinutes: 45,
    cadence: { text: "Weekly", rule: { kind: "weekly" } },
    agenda: [
      { key: "status_report", title: "Status report", weight: 3 },
      { key: "rag", title: "RAG status", weight: 2, guidance: "When not green: why, and the path to green" },
      { key: "accomplishments", title: "Accomplishments", weight: 3, guidance: "Milestones achieved since the last customer call" },
      { key: "upcoming_milestones", title: "Upcoming milestones", weight: 3, guidance: "The milestones to keep the customer focused on" },
      { key: "upcoming_tasks", title: "Upcoming tasks", weight: 6, guidance: "The next 10 tasks from the schedule" },
      { key: "raid", title: "RAID log", weight: 6, guidance: "Open items and next steps" },
      { key: "hot_topics", title: "Hot topics", weight: 4 },
      { key: "days_to_go_live", title: "Days to go-live", weight: 1 },
      { ...QA, weight: 4 },
      { key: "send_notes", title: "Send notes and the status report", weight: 1, guidance: "Notes or recording link, and the status report, to every attendee" },
    ],
    attendeeRule:
      "PM and IM always (a named backup when one is out of office) and all key stakeholders of both sides.",
    followUps: [
      { text: "Recap e-mail with the bullet points discussed, within 24 hours", kind: "recap" },
      { text: "Notes or recording link and the status report to the attendees" },
    ],
    seeds: ["000", "003"],
  },
  steering_committee: {
    callType: "steering_committee",
    label: "Steering committee call",
    purpose: "High-level status for decision makers; what is presented agrees with the other vendors engaged.",
    typicalMinutes: 60,
    cadence: { text: "Monthly", rule: { kind: "monthly" } },
    agenda: [
      { key: "stakeholder_report", title: "Project stakeholder report", weight: 8, guidance: "Steering committee template: RAG, milestones, go-live, top risks" },
      { key: "q_and_a", title: "Q&A / open floor", weight: 3, guidance: "Decisions the committee needs to take" },
      { key: "send_notes", title: "Send notes and the stakeholder report", weight: 1, guidance: "Notes or recording link and the stakeholder report to every attendee" },
    ],
    attendeeRule:
      "VP of Implementations, Vertical Director, PM Director and the PM; on the customer side only the executives and the project lead.",
    followUps: [{ text: "Notes or recording link and the stakeholder report to the attendees" }],
    seeds: ["000"],
  },
  triage: {
    callType: "triage",
    label: "Triage call",
    purpose: "For phased projects with production issues: prioritise and tackle critical issues first; triage, review and define the resolution of each open case.",
    typicalMinutes: 60,
    cadence: { text: "Tuesdays and Thursdays, 10–11 am US Eastern", rule: { kind: "weekly_slots", ...triageSlot } },
    agenda: [
      { key: "open_cases", title: "Open production cases, critical first", weight: 6 },
      { key: "resolution_plan", title: "Resolution and owner for each case", weight: 3, guidance: "The PM drives, the TSM is the subject-matter expert" },
      { key: "escalations", title: "Escalations and case notes", weight: 1, guidance: "Escalate by the standard process; keep resolution notes in the CRM case" },
    ],
    attendeeRule: "IM, PM, TSM and the TSM manager; at least one leader from TSM/Client Services.",
    followUps: [{ text: "Resolution notes updated in each CRM case" }],
    seeds: ["001"],
  },
  vendor: {
    callType: "vendor",
    label: "Vendor call (vendors only)",
    purpose: "Get on the same page as the vendors whose work moves our go-live: readiness, schedule, contacts and deliverables.",
    typicalMinutes: 30,
    cadence: { text: "Before kick-off, then weekly or so", rule: { kind: "before_kick_off_then_weekly" } },
    agenda: [
      { key: "cis_checklist", title: "CIS checklist", weight: 4 },
      { key: "schedule_deliverables", title: "Vendor deliverables that move our schedule", weight: 3 },
      { key: "go_live_alignment", title: "Milestones and go-live alignment", weight: 2 },
      { key: "vendor_status", title: "Regular status to the vendors", weight: 1, guidance: "Send the vendors our status regularly, good news or bad" },
    ],
    attendeeRule: "The PM and the vendors (CIS, SI, consultants) whose deliverables move our schedule; never customer people.",
    followUps: [{ text: "Regular status report to each vendor" }],
    seeds: ["000", "004"],
  },
  targeted_technical: {
    callType: "targeted_technical",
    label: "Targeted technical call",
    purpose: "The IM explains open technical issues to the SE, to get an answer for the client or decide on next steps.",
    typicalMinutes: 30,
    cadence: { text: "As needed", rule: { kind: "as_needed" } },
    agenda: [
      { key: "technical_items", title: "Open technical items", weight: 5 },
      { key: "se_guidance", title: "SE answer or next step", weight: 2, guidance: "Answer to pass to the client, or pull in a developer" },
      { key: "client_answer", title: "What we tell the client", weight: 1 },
    ],
    attendeeRule: "IM and SE; a developer joins when the SE asks.",
    followUps: [{ text: "The answer, or the plan, sent to the client" }],
    seeds: ["000"],
  },
  targeted_product: {
    callType: "targeted_product",
    label: "Targeted product call",
    purpose: "Client change requests: the IM defines and sponsors them, the PM tracks them in the RAID log and tells the client the decision.",
    typicalMinutes: 30,
    cadence: { text: "As needed, when the client has several changes", rule: { kind: "as_needed" } },
    agenda: [
      { key: "pending_change_requests", title: "Change requests pending", weight: 5 },
      { key: "product_items", title: "Product items in the RAID log", weight: 2 },
      { key: "decisions_to_share", title: "Decisions to tell the client", weight: 1 },
    ],
    attendeeRule: "IM (sponsor), PM and product.",
    followUps: [{ text: "Every agreed change, with its hours, written down and sent to the client" }],
    seeds: ["000", "003"],
  },
  daily_status_check: {
    callType: "daily_status_check",
    label: "Daily status check",
    purpose: "Near deployment, spread news fast: each team's progress, schedule position and issues of the day.",
    typicalMinutes: 15,
    cadence: { text: "Daily near deployment; under 30 minutes", rule: { kind: "daily", workingDaysOnly: true } },
    agenda: [
      { key: "team_updates", title: "Each team: done today, schedule position, issues", weight: 6 },
      { key: "schedule_position", title: "Position against the schedule", weight: 2 },
      { key: "issues_today", title: "Issues found or resolved today", weight: 2 },
    ],
    attendeeRule: "A representative of every active team: ours, the customer's and each vendor's.",
    followUps: [{ text: "Short written summary to the team" }],
    seeds: ["004"],
  },
  milestone_review: {
    callType: "milestone_review",
    label: "Milestone review",
    purpose: "At each milestone: demonstrate the deliverable and capture the sign-off.",
    typicalMinutes: 60,
    cadence: { text: "At each milestone", rule: { kind: "per_milestone" } },
    agenda: [
      { key: "milestone", title: "Milestone under review", weight: 1 },
      { key: "deliverable", title: "Deliverable demonstrated", weight: 6 },
      { key: "sign_off", title: "Sign-off", weight: 2 },
      { key: "send_notes", title: "Send notes", weight: 1, guidance: "Minutes with the sign-off to every attendee" },
    ],
    attendeeRule: "PM, IM and the customer's business owners who sign off; vendors' representatives are welcome.",
    followUps: [{ text: "Minutes with the sign-off" }],
    seeds: ["004"],
  },
  tsm_pre_go_live: {
    callType: "tsm_pre_go_live",
    label: "TSM meeting before go-live",
    purpose: "Introduce the customer to the support model and the TSM before go-live; the count owed depends on the tier.",
    typicalMinutes: 30,
    cadence: { text: "Before go-live, as many as the TSM tier requires", rule: { kind: "before_go_live", countFrom: "tsm_tier" } },
    agenda: [
      { key: "tsm_meetings", title: "TSM meetings owed and held", weight: 1 },
      { key: "support_model", title: "Support after go-live", weight: 2 },
      { key: "integration_summary", title: "Integration summary", weight: 3 },
      { key: "case_process", title: "Opening and escalating cases", weight: 2, guidance: "How to open a case in the CRM; the Monday 9 am go-live presentation" },
      QA,
    ],
    attendeeRule: "PM, IM, the TSM (or TAM) and the customer's project lead.",
    followUps: [{ text: "Integration summary completed in the CRM before go-live" }],
    seeds: ["001"],
  },
};

export function callTypeDefinition(callType: CallType): CallTypeDefinition {
  return callTypeDefinitions[callType];
}
