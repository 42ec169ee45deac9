import type { Agenda, AgendaItem } from "../../../../contracts/agenda";
import type { CapturedItem, CapturedNote, RecapInput } from "../../../../server/domain/recap/composeRecap";
import type { Person, Project } from "../../../../contracts/types";

// Riverbend Utilities, a utility biller, one week into a slipping UAT. Monday 23 Nov 2026,
// 10:00 New York time: the weekly customer status call.

export const INTERNAL_DOMAINS = ["contoso.com"];
export const NOW = new Date("2026-11-23T16:00:00.000Z"); // 11:00 EST

const person = (id: string, name: string, email: string, organisation: Person["organisation"], title: string): Person => ({
  id,
  name,
  email,
  organisation,
  vendorId: null,
  title,
  outOfOffice: null,
});

export const dana = person("p-dana", "Dana Whitfield", "dana.whitfield@contoso.com", "internal", "Project Manager");
export const marcus = person("p-marcus", "Marcus Lee", "marcus.lee@contoso.com", "internal", "Implementation Manager");
export const priya = person("p-priya", "Priya Raman", "priya.raman@contoso.com", "internal", "Solutions Engineer");
export const grace = person("p-grace", "Grace Holloway", "grace.holloway@contoso.com", "internal", "VP of Implementations");
export const rachel = person("p-rachel", "Rachel Stone", "rachel.stone@riverbendutilities.com", "customer", "Billing Project Lead");
export const tom = person("p-tom", "Tom Alvarez", "tom.alvarez@riverbendutilities.com", "customer", "CIS Analyst");
export const elena = person("p-elena", "Elena Park", "elena.park@riverbendutilities.com", "customer", "VP Customer Operations");

export const people: Person[] = [dana, marcus, priya, grace, rachel, tom, elena];
export const attendee = (p: Person) => ({ name: p.name, email: p.email });

export const project: Project = {
  id: "prj-riverbend",
  name: "Riverbend Utilities",
  customerName: "Riverbend Utilities",
  customerDomains: ["riverbendutilities.com"],
  vertical: "Utilities",
  phase: null,
  mrrCents: 1_250_000,
  integrationType: "new",
  rag: "amber",
  ragReason: "UAT round 1 starts two weeks late: the rejects file spec is not final",
  pathToGreen: "Spec signed off by Fri 4 Dec; UAT round 1 restarts Mon 7 Dec with two extra testers",
  ragChangedAt: "2026-11-16T15:00:00.000Z",
  previousRag: "green",
  goLiveDate: "2027-01-05",
  holidays: [],
  sprintLengthDays: 14,
  sprintStartDate: "2026-09-07",
  phased: { steeringMeetingsRunning: true, raidLogActive: true, laterPhaseRevenue: false, nextPhaseProjectProvisioned: false },
  integrationSummary: {},
  members: [
    { personId: "p-dana", role: "pm", backupPersonId: null },
    { personId: "p-marcus", role: "im", backupPersonId: null },
    { personId: "p-priya", role: "se", backupPersonId: null },
    { personId: "p-grace", role: "vp_implementations", backupPersonId: null },
    { personId: "p-rachel", role: "customer_project_lead", backupPersonId: null },
    { personId: "p-tom", role: "customer_stakeholder", backupPersonId: null },
    { personId: "p-elena", role: "customer_executive", backupPersonId: null },
  ],
};

const item = (key: string, title: string, lines: AgendaItem["lines"] = [], minutes = 5): AgendaItem => ({ key, title, minutes, lines });

/** Mirrors what buildAgenda fills, including an internal-only RAID line it shows PMs. */
export const customerAgenda: Agenda = {
  callType: "customer_status",
  label: "Customer status call",
  totalMinutes: 45,
  generatedAt: "2026-11-23T14:55:00.000Z",
  items: [
    item("status_report", "Status report"),
    item("rag", "RAG status"),
    item("accomplishments", "Accomplishments", [
      { text: "Payments file format agreed", detail: "Achieved Wed 18 Nov 2026 · Payments file spec v2", flags: ["achieved"], ref: { kind: "milestone", id: "m-payments" } },
    ]),
    item("upcoming_milestones", "Upcoming milestones", [
      { text: "UAT round 1 complete", detail: "Planned Fri 4 Dec 2026 · UAT sign-off", flags: ["upcoming"], ref: { kind: "milestone", id: "m-uat1" } },
      { text: "Go-live readiness review", detail: "Planned Mon 28 Dec 2026 · Readiness checklist", flags: [], ref: { kind: "milestone", id: "m-ready" } },
    ]),
    item("upcoming_tasks", "Upcoming tasks", [
      { text: "Load test bills for cycle 3", detail: "Priya Raman · due Wed 25 Nov 2026 · in progress", flags: [], ref: { kind: "task", id: "t-cycle3" } },
      { text: "Configure bill print export", detail: "Marcus Lee · due Fri 20 Nov 2026 · blocked", flags: ["past_due", "blocked"], ref: { kind: "task", id: "t-print" } },
    ]),
    item("raid", "RAID log", [
      { text: "Risk: Bill print vendor may miss go-live", detail: "Dana Whitfield · due Tue 15 Dec 2026", flags: [], ref: { kind: "raid", id: "r-print" } },
      { text: "Risk: Margin at risk if we absorb the CR hours", detail: "Dana Whitfield · no due date · internal only", flags: ["no_due_date"], ref: { kind: "raid", id: "r-margin" } },
    ]),
    item("hot_topics", "Hot topics"),
    item("days_to_go_live", "Days to go-live", [{ text: "43 days to go-live — Tue 5 Jan 2027", flags: [] }]),
    item("q_and_a", "Q&A"),
    item("send_notes", "Send notes and the status report"),
  ],
};

export const steeringAgenda: Agenda = {
  callType: "steering_committee",
  label: "Steering committee call",
  totalMinutes: 60,
  generatedAt: "2026-11-23T14:55:00.000Z",
  items: [
    item("stakeholder_report", "Project stakeholder report", [
      { text: "RAG: Amber", flags: ["high"] },
      { text: "UAT round 1 complete", detail: "Planned Fri 4 Dec 2026 · UAT sign-off", flags: ["upcoming"], ref: { kind: "milestone", id: "m-uat1" } },
      { text: "Risk: Bill print vendor may miss go-live", flags: ["high"], ref: { kind: "raid", id: "r-print" } },
    ]),
    item("q_and_a", "Q&A / open floor"),
    item("send_notes", "Send notes and the stakeholder report"),
  ],
};

export const internalAgenda: Agenda = {
  callType: "internal_status",
  label: "Internal status call",
  totalMinutes: 30,
  generatedAt: "2026-11-23T14:00:00.000Z",
  items: [
    item("stakeholder_updates", "Round of stakeholder updates"),
    item("schedule_review", "Project schedule review"),
    item("raid_review", "RAID log review"),
    item("q_and_a", "Q&A"),
  ],
};

const note = (id: string, agendaItemKey: string, body: string, extra: Partial<CapturedNote> = {}): CapturedNote => ({
  id,
  agendaItemKey,
  body,
  internalOnly: false,
  discussed: true,
  createdBy: "p-dana",
  ...extra,
});

export const INTERNAL_NOTE = "We can absorb 6 hours of the CR cost if Rachel pushes back";
export const INTERNAL_RISK = "Margin at risk if we absorb the CR hours";

export const notes: CapturedNote[] = [
  note("n1", "status_report", "Rejects file spec slipped a week; Riverbend sends the final draft Friday"),
  note("n2", "raid", "- Agreed to split UAT into two rounds\n- Bill print vendor joins the next call"),
  note("n3", "hot_topics", INTERNAL_NOTE, { internalOnly: true }),
  note("n4", "q_and_a", "", { discussed: true }),
];

const raid = (partial: Partial<CapturedItem> & Pick<CapturedItem, "id" | "kind" | "title">): CapturedItem => ({
  ownerName: null,
  dueDate: null,
  status: "open",
  internalOnly: false,
  change: "new",
  ...partial,
});

export const items: CapturedItem[] = [
  raid({
    id: "a-spec",
    kind: "action",
    title: "Final rejects file spec",
    ownerName: "Tom Alvarez",
    dueDate: "2026-12-04",
    provider: "Tom Alvarez",
    deliverable: "the rejects file spec",
    recipient: "Priya Raman",
    neededFor: "UAT round 1",
  }),
  raid({ id: "a-plan", kind: "action", title: "Send the UAT test plan", ownerName: "Dana Whitfield", dueDate: "2026-11-20", status: "closed", change: "closed" }),
  raid({
    id: "d-split",
    kind: "decision",
    title: "Split UAT into two rounds (adds 16 hours to the plan)",
    decidedBy: "Rachel Stone",
    decidedAt: "2026-11-23T15:30:00.000Z",
    status: "closed",
  }),
  raid({
    id: "i-reversal",
    kind: "issue",
    title: "Payment reversals post twice",
    ownerName: "Priya Raman",
    dueDate: "2026-11-27",
    reportedBy: "Rachel Stone",
    reportedAt: "2026-11-20T14:05:00.000Z",
    location: "Payments > Reversals batch",
    reproSteps: "Post a payment, reverse it the same day, run the nightly batch",
  }),
  raid({ id: "r-print", kind: "risk", title: "Bill print vendor may miss go-live", ownerName: "Dana Whitfield", dueDate: "2026-12-15", change: "carried_over" }),
  raid({ id: "r-margin", kind: "risk", title: INTERNAL_RISK, ownerName: "Dana Whitfield", internalOnly: true, change: "updated" }),
];

/** The weekly customer status call, recap sent by Dana. */
export function customerStatusInput(overrides: Partial<RecapInput> = {}): RecapInput {
  return {
    meeting: {
      id: "mtg-2026-11-23",
      subject: "Riverbend weekly status",
      startsAt: "2026-11-23T15:00:00.000Z",
      endsAt: "2026-11-23T15:45:00.000Z",
      attendees: [dana, marcus, priya, rachel, tom].map(attendee),
    },
    callType: "customer_status",
    project,
    people,
    agenda: customerAgenda,
    notes,
    items,
    audience: "external",
    internalDomains: INTERNAL_DOMAINS,
    nextCall: { subject: "Riverbend weekly status", startsAt: "2026-11-30T15:00:00.000Z" },
    sender: attendee(dana),
    timeZone: "America/New_York",
    now: NOW,
    ...overrides,
  };
}

/** Whitespace folded, so assertions don't depend on where the text part wraps. */
export const flat = (s: string): string => s.replace(/\s+/g, " ");
