// Milestones, schedule, RAID log, change requests and cases of the demo project.
// Day numbers are relative to the day the demo is seeded (0 = today), so the demo always
// reads as "six weeks to go-live".

export const GO_LIVE_IN_DAYS = 42;

export const demoMilestones: { key: string; name: string; deliverable: string; planned: number; achieved?: number; signedOffBy?: string }[] = [
  { key: "kickoff", name: "Project kick-off", deliverable: "Kick-off deck and RACI agreed", planned: -84, achieved: -84, signedOffBy: "rachel" },
  { key: "design", name: "Solution design sign-off", deliverable: "Signed solution design (scope plan)", planned: -60, achieved: -58, signedOffBy: "linda" },
  { key: "bif", name: "Bill print file integration built", deliverable: "BIF parser passing 500 sample bills", planned: -30, achieved: -26, signedOffBy: "rachel" },
  { key: "sit", name: "SIT complete", deliverable: "System integration test results exported", planned: -4, achieved: -1 },
  { key: "uat_start", name: "UAT start", deliverable: "UAT environment with customer test accounts", planned: 3 },
  { key: "payments_cert", name: "Payment file certification", deliverable: "Daily balance and payment files certified by Meridian", planned: 17 },
  { key: "uat_signoff", name: "UAT sign-off", deliverable: "Signed UAT results", planned: 24 },
  { key: "go_live", name: "Go-live", deliverable: "Residential and commercial e-billing live", planned: GO_LIVE_IN_DAYS },
  { key: "hypercare", name: "Transition to Client Services", deliverable: "Integration summary complete, TSM hand-off", planned: GO_LIVE_IN_DAYS + 30 },
];

type Status = "not_started" | "in_progress" | "blocked" | "done";
export const demoTasks: { key: string; name: string; owner: string; start: number; due: number | null; status: Status; dependsOn?: string }[] = [
  { key: "t01", name: "Confirm invoice types in scope", owner: "marcus", start: -80, due: -75, status: "done" },
  { key: "t02", name: "Collect sample bill print files", owner: "rachel", start: -78, due: -70, status: "done" },
  { key: "t03", name: "Configure biller portal branding", owner: "marcus", start: -60, due: -52, status: "done" },
  { key: "t04", name: "Build BIF parser", owner: "tom", start: -55, due: -30, status: "done", dependsOn: "t02" },
  { key: "t05", name: "Set up SFTP for daily balance file", owner: "alicia", start: -45, due: -35, status: "done" },
  { key: "t06", name: "Map Meridian account numbers", owner: "priya", start: -40, due: -28, status: "done" },
  { key: "t07", name: "SIT round 1", owner: "maria", start: -20, due: -10, status: "done" },
  { key: "t08", name: "SIT round 2 (regression)", owner: "maria", start: -9, due: -2, status: "done", dependsOn: "t07" },
  { key: "t09", name: "Export SIT results to Box", owner: "dana", start: -2, due: -1, status: "done", dependsOn: "t08" },
  { key: "t10", name: "Fix rounding on budget-billing invoices", owner: "tom", start: -6, due: -2, status: "in_progress" },
  { key: "t11", name: "Load customer UAT test accounts", owner: "ben", start: -1, due: 2, status: "in_progress" },
  { key: "t12", name: "Provision UAT environment", owner: "marcus", start: -3, due: 2, status: "in_progress" },
  { key: "t13", name: "UAT scripts reviewed by Riverbend", owner: "rachel", start: 0, due: 3, status: "not_started" },
  { key: "t14", name: "Autopay enrolment file mapping", owner: "priya", start: 0, due: 4, status: "in_progress" },
  { key: "t15", name: "Meridian CIS patch 22.4 installed in test", owner: "steve", start: -5, due: 5, status: "blocked" },
  { key: "t16", name: "Paper suppression rules agreed", owner: "james", start: 1, due: 6, status: "not_started" },
  { key: "t17", name: "IVR payment line configuration", owner: "derek", start: 2, due: 8, status: "not_started" },
  { key: "t18", name: "Returned-payment (rejects) file test", owner: "alicia", start: 3, due: 9, status: "not_started", dependsOn: "t15" },
  { key: "t19", name: "UAT round 1", owner: "maria", start: 3, due: 10, status: "not_started", dependsOn: "t12" },
  { key: "t20", name: "Customer communications plan (e-bill launch)", owner: "ben", start: 4, due: 11, status: "not_started" },
  { key: "t21", name: "Conveyance fee configuration", owner: "marcus", start: 5, due: 12, status: "not_started" },
  { key: "t22", name: "Adjustments file round-trip test", owner: "tom", start: 6, due: 13, status: "not_started" },
  { key: "t23", name: "Payment file certification with Meridian", owner: "alicia", start: 8, due: 17, status: "not_started", dependsOn: "t15" },
  { key: "t24", name: "UAT round 2", owner: "maria", start: 11, due: 19, status: "not_started", dependsOn: "t19" },
  { key: "t25", name: "Record integration videos", owner: "priya", start: 14, due: 21, status: "not_started" },
  { key: "t26", name: "UAT sign-off", owner: "rachel", start: 20, due: 24, status: "not_started", dependsOn: "t24" },
  { key: "t27", name: "Change logs reviewed with Client Services", owner: "sallie", start: 21, due: 28, status: "not_started" },
  { key: "t28", name: "Production credentials exchanged", owner: "steve", start: 25, due: 30, status: "not_started" },
  { key: "t29", name: "Go-live readiness review", owner: "dana", start: 30, due: 35, status: "not_started" },
  { key: "t30", name: "Cut-over plan rehearsal", owner: "marcus", start: 33, due: 38, status: "not_started", dependsOn: "t29" },
  { key: "t31", name: "Go-live", owner: "dana", start: 42, due: 42, status: "not_started", dependsOn: "t30" },
  { key: "t32", name: "Integration summary completed in CRM", owner: "dana", start: 35, due: 44, status: "not_started" },
  { key: "t33", name: "Post go-live daily balance reconciliation", owner: "sallie", start: 42, due: 49, status: "not_started" },
  { key: "t34", name: "Decide on e-bill opt-out wording", owner: "owen", start: 0, due: null, status: "not_started" },
];

export const demoRaid: {
  key: string;
  kind: "risk" | "action" | "issue" | "decision";
  title: string;
  owner: string;
  due: number | null;
  status?: "open" | "closed";
  area?: "technical" | "product" | "legal" | "marketing" | "general";
  internalOnly?: boolean;
}[] = [
  { key: "r01", kind: "risk", title: "Meridian CIS patch 22.4 may slip past UAT start", owner: "steve", due: 5, area: "technical" },
  { key: "r02", kind: "risk", title: "Riverbend billing team has two testers for UAT", owner: "rachel", due: null },
  { key: "r03", kind: "issue", title: "Budget-billing invoices round to the wrong cent", owner: "tom", due: -3, area: "technical" },
  { key: "r04", kind: "action", title: "Meridian to send the returned-payment file spec", owner: "alicia", due: -5 },
  { key: "r05", kind: "action", title: "Confirm paper suppression legal wording", owner: "owen", due: null, area: "legal" },
  { key: "r06", kind: "action", title: "Share UAT test account list", owner: "ben", due: 2 },
  { key: "r07", kind: "issue", title: "Autopay enrolment file has no effective-date column", owner: "priya", due: 4, area: "technical" },
  { key: "r08", kind: "risk", title: "Go-live lands in Riverbend's year-end billing freeze", owner: "dana", due: 10 },
  { key: "r09", kind: "action", title: "Ask product for multi-account autopay enhancement", owner: "nina", due: null, area: "product", internalOnly: true },
  { key: "r10", kind: "decision", title: "Commercial accounts go live with residential (single cut-over)", owner: "linda", due: null, status: "closed" },
  { key: "r11", kind: "issue", title: "Keystone IVR sandbox not reachable from our network", owner: "derek", due: -1, area: "technical" },
  { key: "r12", kind: "risk", title: "Team capacity dip over the holidays", owner: "angela", due: 14, internalOnly: true },
  { key: "r13", kind: "action", title: "Schedule second TSM pre-go-live meeting", owner: "sallie", due: 9 },
  { key: "r14", kind: "decision", title: "SIT results accepted with two known defects", owner: "rachel", due: null, status: "closed" },
  { key: "r15", kind: "action", title: "Old action: send kick-off deck", owner: "dana", due: -80, status: "closed" },
];

export const demoChangeRequests = [
  { key: "cr1", description: "Add a 'pay by text' reminder for past-due accounts", estimateHours: 24, customerConfirmed: true, decision: "pending" as const },
  { key: "cr2", description: "Custom CSV layout for the daily balance file", estimateHours: 16, customerConfirmed: true, decision: "approved" as const, decidedBy: "Helen Park" },
  { key: "cr3", description: "Spanish-language e-bill template", estimateHours: 40, customerConfirmed: false, decision: "pending" as const },
];

export const demoCases = [
  { key: "c1", caseNumber: "CS-20481", title: "Phase 1 water accounts: autopay file rejected for 214 accounts", severity: "critical" as const, status: "in_progress" as const, owner: "sallie", openedDaysAgo: 2 },
  { key: "c2", caseNumber: "CS-20433", title: "Duplicate e-bill notification e-mails after portal login", severity: "medium" as const, status: "waiting_on_customer" as const, owner: "sallie", openedDaysAgo: 9 },
  { key: "c3", caseNumber: "CS-20102", title: "Portal logo blurry on mobile", severity: "low" as const, status: "resolved" as const, owner: "sallie", openedDaysAgo: 30 },
];
