import { addDays } from "../../../server/domain/isoDates";
import type {
  Availability,
  ChangeRequest,
  Directory,
  IsoDate,
  Meeting,
  Milestone,
  Person,
  Project,
  ProjectMember,
  ProjectRole,
  ProjectSnapshot,
  RaidItem,
  SupportCase,
  Task,
  Vendor,
} from "../../../contracts/types";

// A realistic project to test the runbook rules against: Riverbend Utilities going live with
// Contoso Payments on Tue 5 Jan 2027, with its CIS vendor (Meridian) and a system integrator
// (Keystone). "Today" is Wed 25 Nov 2026, 10:00 in New York, 41 days before go-live; the
// project's holidays include Thanksgiving (Thu 26 and Fri 27 Nov 2026).

export const TODAY: IsoDate = "2026-11-25";
export const NOW = new Date("2026-11-25T15:00:00.000Z");
export const GO_LIVE: IsoDate = "2027-01-05";
export const INTERNAL_DOMAIN = "contoso.com";
export const CUSTOMER_DOMAIN = "riverbendutilities.com";
export const CIS_DOMAIN = "meridiancis.com";
export const SI_DOMAIN = "keystonesi.com";

/** The calendar date `offset` days from TODAY. */
export const day = (offset: number): IsoDate => addDays(TODAY, offset);
/** An instant `offset` days from TODAY at `time` UTC. */
export const at = (offset: number, time = "15:00"): string => `${day(offset)}T${time}:00.000Z`;

export function makePerson(id: string, name: string, organisation: Person["organisation"], patch: Partial<Person> = {}): Person {
  const domain = organisation === "internal" ? INTERNAL_DOMAIN : organisation === "customer" ? CUSTOMER_DOMAIN : CIS_DOMAIN;
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@${domain}`;
  return { id, name, email, organisation, vendorId: null, title: "", outOfOffice: null, ...patch };
}

const cast: { person: Person; roles: ProjectRole[]; backup?: string }[] = [
  { person: makePerson("dana", "Dana Whitfield", "internal", { title: "Project Manager" }), roles: ["pm"], backup: "kevin" },
  { person: makePerson("marcus", "Marcus Lee", "internal", { title: "Implementation Manager" }), roles: ["im"], backup: "jordan" },
  { person: makePerson("priya", "Priya Raman", "internal", { title: "Solutions Engineer" }), roles: ["se"] },
  { person: makePerson("tom", "Tom Alvarez", "internal", { title: "Integration Developer" }), roles: ["developer"] },
  { person: makePerson("sallie", "Sallie Ortiz", "internal", { title: "Transition Success Manager" }), roles: ["tsm"] },
  { person: makePerson("grace", "Grace Kim", "internal", { title: "TSM Manager" }), roles: ["tsm_manager"] },
  { person: makePerson("luis", "Luis Moreno", "internal", { title: "Director, Client Services" }), roles: ["cs_leader"] },
  { person: makePerson("chloe", "Chloe Adams", "internal", { title: "Customer Success Manager" }), roles: ["csm"] },
  { person: makePerson("helen", "Helen Park", "internal", { title: "VP of Implementations" }), roles: ["vp_implementations"] },
  { person: makePerson("robert", "Robert Chen", "internal", { title: "Vertical Director, Utilities" }), roles: ["vertical_director"] },
  { person: makePerson("angela", "Angela Brooks", "internal", { title: "PM Director" }), roles: ["pm_director"] },
  { person: makePerson("nina", "Nina Patel", "internal", { title: "Product Manager, Payments" }), roles: ["product"] },
  { person: makePerson("owen", "Owen Grant", "internal", { title: "Legal Counsel" }), roles: ["legal"] },
  { person: makePerson("linda", "Linda Harper", "customer", { title: "CFO" }), roles: ["customer_executive"] },
  { person: makePerson("james", "James Okafor", "customer", { title: "VP Customer Service" }), roles: ["customer_executive"] },
  { person: makePerson("rachel", "Rachel Stone", "customer", { title: "Billing Project Lead" }), roles: ["customer_project_lead"] },
  { person: makePerson("ben", "Ben Foster", "customer", { title: "Billing Supervisor" }), roles: ["customer_stakeholder"] },
  { person: makePerson("maria", "Maria Lopez", "customer", { title: "IT Business Analyst" }), roles: ["customer_stakeholder"] },
  { person: makePerson("steve", "Steve Novak", "vendor", { vendorId: "meridian", title: "Project Manager, Meridian CIS" }), roles: ["vendor_pm"] },
  { person: makePerson("alicia", "Alicia Grant", "vendor", { vendorId: "meridian", title: "Integration Lead, Meridian CIS" }), roles: ["vendor_contact"] },
  { person: makePerson("derek", "Derek Shaw", "vendor", { vendorId: "keystone", email: `derek.shaw@${SI_DOMAIN}`, title: "Keystone PM" }), roles: ["vendor_pm"] },
  // Backups: people of ours with no role on this project.
  { person: makePerson("kevin", "Kevin Wu", "internal", { title: "Project Manager" }), roles: [] },
  { person: makePerson("jordan", "Jordan Blake", "internal", { title: "Implementation Manager" }), roles: [] },
];

export function makeTask(id: string, name: string, ownerId: string | null, due: number | null, status: Task["status"] = "not_started"): Task {
  return { id, name, ownerId, startDate: null, dueDate: due === null ? null : day(due), status, dependsOnTaskId: null };
}

export function makeRaid(id: string, kind: RaidItem["kind"], title: string, ownerId: string | null, due: number | null, patch: Partial<RaidItem> = {}): RaidItem {
  return {
    id,
    kind,
    title,
    ownerId,
    dueDate: due === null ? null : day(due),
    status: "open",
    area: "general",
    internalOnly: false,
    raisedInMeetingId: null,
    createdAt: at(-20),
    ...patch,
  };
}

export function makeMilestone(id: string, name: string, planned: number | null, achieved: number | null, patch: Partial<Milestone> = {}): Milestone {
  return {
    id,
    name,
    deliverable: `${name} deliverable`,
    plannedDate: planned === null ? null : day(planned),
    achievedDate: achieved === null ? null : day(achieved),
    signedOffBy: null,
    signedOffAt: null,
    ...patch,
  };
}

export function makeCase(id: string, severity: SupportCase["severity"], openedDaysAgo: number, patch: Partial<SupportCase> = {}): SupportCase {
  return {
    id,
    caseNumber: `CS-${id}`,
    title: `Case ${id}`,
    severity,
    status: "in_progress",
    ownerId: "sallie",
    resolutionNotes: null,
    openedAt: at(-openedDaysAgo, "13:00"),
    ...patch,
  };
}

export function makeMeeting(id: string, patch: Partial<Meeting> = {}): Meeting {
  return {
    id,
    projectId: "riverbend",
    subject: "Riverbend / Contoso weekly status",
    startsAt: at(-7),
    endsAt: at(-7, "16:00"),
    attendees: [],
    callTypeOverride: null,
    callType: null,
    recapSentAt: null,
    ...patch,
  };
}

/** Tasks in a deliberately scrambled order, so tests see the builder sort them. */
function tasks(): Task[] {
  return [
    makeTask("t20", "Customer communications plan (e-bill launch)", "ben", 11),
    makeTask("t34", "Decide on e-bill opt-out wording", "owen", null),
    makeTask("t12", "Provision UAT environment", "marcus", 2, "in_progress"),
    makeTask("t11", "Load customer UAT test accounts", "ben", 2, "in_progress"),
    makeTask("t09", "Export SIT results to Box", "dana", -1, "done"),
    makeTask("t19b", "Welcome e-mail template approved", "rachel", 10),
    makeTask("t19", "UAT round 1", "maria", 10),
    makeTask("t15", "Meridian CIS patch 22.4 installed in test", "steve", 5, "blocked"),
    makeTask("t10", "Fix rounding on budget-billing invoices", "tom", -2, "in_progress"),
    makeTask("t18", "Returned-payment (rejects) file test", "alicia", 9),
    makeTask("t13", "UAT scripts reviewed by Riverbend", "rachel", 3),
    makeTask("t17", "IVR payment line configuration", "derek", 8),
    makeTask("t14", "Autopay enrolment file mapping", "priya", 4, "in_progress"),
    makeTask("t16", "Paper suppression rules agreed", "james", 6),
    makeTask("t08", "SIT round 2 (regression)", "maria", -2, "done"),
    makeTask("t21", "Conveyance fee configuration", "marcus", 12),
    makeTask("t31", "Go-live", "dana", 41),
  ];
}

function raidItems(): RaidItem[] {
  return [
    makeRaid("r01", "risk", "Meridian CIS patch 22.4 may slip past UAT start", "steve", 5, { area: "technical" }),
    makeRaid("r02", "risk", "Riverbend billing team has two testers for UAT", "rachel", null),
    makeRaid("r03", "issue", "Budget-billing invoices round to the wrong cent", "tom", -3, { area: "technical" }),
    makeRaid("r04", "action", "Meridian to send the returned-payment file spec", "alicia", -5),
    makeRaid("r05", "action", "Confirm paper suppression legal wording", "owen", null, { area: "legal" }),
    makeRaid("r06", "action", "Share UAT test account list", "ben", 0),
    makeRaid("r08", "risk", "Go-live lands in Riverbend's year-end billing freeze", "dana", 10),
    makeRaid("r09", "action", "Ask product for multi-account autopay enhancement", "nina", null, { area: "product", internalOnly: true }),
    makeRaid("r10", "decision", "Commercial accounts go live with residential", "linda", null, { status: "closed" }),
    makeRaid("r12", "risk", "Team capacity dip over the holidays", "angela", 14, { internalOnly: true }),
  ];
}

function vendors(): Vendor[] {
  return [
    {
      id: "meridian",
      name: "Meridian CIS",
      kind: "cis",
      emailDomains: [CIS_DOMAIN],
      contactPersonId: "steve",
      goLiveAligned: null,
      deliverablesTouchingSchedule: ["CIS patch 22.4 installed in test", "Payment file certification"],
      checklist: {
        installed_ready: "Installed; patch 22.4 needed for the autopay file",
        resources_willing: "Yes: Steve (PM) and Alicia (integration)",
        pm_contact_weekly: "Steve Novak, Thursday vendors-only call",
      },
    },
    { id: "keystone", name: "Keystone Integrators", kind: "si", emailDomains: [SI_DOMAIN], contactPersonId: "derek", goLiveAligned: true, deliverablesTouchingSchedule: [], checklist: {} },
  ];
}

export function baseProject(patch: Partial<Project> = {}): Project {
  const members: ProjectMember[] = cast.flatMap(({ person, roles, backup }) =>
    roles.map((role) => ({ personId: person.id, role, backupPersonId: backup ?? null })),
  );
  return {
    id: "riverbend",
    name: "Riverbend Utilities e-billing",
    customerName: "Riverbend Utilities",
    customerDomains: [CUSTOMER_DOMAIN],
    vertical: "utilities",
    phase: "Phase 2: residential and commercial e-billing",
    mrrCents: 1_250_000,
    integrationType: "new",
    rag: "amber",
    ragReason: "Meridian CIS patch 22.4 is late; UAT start at risk",
    pathToGreen: "Patch installed in test by Mon 30 Nov; UAT starts Tue 1 Dec",
    ragChangedAt: "2026-11-20T14:00:00.000Z",
    previousRag: "green",
    goLiveDate: GO_LIVE,
    holidays: ["2026-11-26", "2026-11-27", "2026-12-25", "2027-01-01"],
    sprintLengthDays: 14,
    sprintStartDate: "2026-09-07",
    phased: { steeringMeetingsRunning: true, raidLogActive: true, laterPhaseRevenue: true, nextPhaseProjectProvisioned: false },
    integrationSummary: {
      invoice_types: "Residential water, commercial water, sewer",
      integration_videos: "N/A",
      project_notes_link: "https://box.example/riverbend/notes",
      raid_log_export: "https://box.example/riverbend/raid.xlsx",
      schedule_export: "https://box.example/riverbend/schedule.xlsx",
      uat_sit_results: "https://box.example/riverbend/sit.xlsx",
      scope_plan: "https://box.example/riverbend/solution-design.pdf",
      integrator_biller_software: "Keystone / Meridian CIS 22",
      invoices: "Monthly, BIF v3",
      bif_customisations: "N/A",
      payments: "Daily payment file to Meridian",
      adjustments: "",
      daily_balance_file: "CSV, custom layout (CR2)",
      change_logs: "N/A",
      rejects: "   ",
    },
    members,
    ...patch,
  };
}

/** The Riverbend snapshot; `patch` replaces whole parts of it. */
export function riverbendSnapshot(patch: Partial<ProjectSnapshot> = {}): ProjectSnapshot {
  const changeRequests: ChangeRequest[] = [
    { id: "cr1", description: "Add a 'pay by text' reminder for past-due accounts", estimateHours: 24, customerConfirmed: true, decision: "pending", decidedBy: null, decidedAt: null },
    { id: "cr2", description: "Custom CSV layout for the daily balance file", estimateHours: 16, customerConfirmed: true, decision: "approved", decidedBy: "Helen Park", decidedAt: at(-8) },
    { id: "cr3", description: "Spanish-language e-bill template", estimateHours: null, customerConfirmed: false, decision: "pending", decidedBy: null, decidedAt: null },
  ];
  return {
    project: baseProject(),
    people: cast.map((c) => c.person),
    milestones: [
      makeMilestone("kickoff", "Project kick-off", -84, -84, { signedOffBy: "Rachel Stone", signedOffAt: at(-84) }),
      makeMilestone("design", "Solution design sign-off", -60, -58, { signedOffBy: "Linda Harper", signedOffAt: at(-58) }),
      makeMilestone("bif", "Bill print file integration built", -30, -26, { signedOffBy: "Rachel Stone", signedOffAt: at(-25) }),
      makeMilestone("accounts", "Test accounts mapped", -8, -8, { signedOffBy: "Rachel Stone", signedOffAt: at(-8) }),
      makeMilestone("sit", "SIT complete", -4, -1, { deliverable: "System integration test results exported" }),
      makeMilestone("uat_start", "UAT start", 3, null),
      makeMilestone("payments_cert", "Payment file certification", 17, null),
      makeMilestone("uat_signoff", "UAT sign-off", 24, null),
      makeMilestone("go_live", "Go-live", 41, null),
      makeMilestone("hypercare", "Transition to Client Services", 71, null),
    ],
    tasks: tasks(),
    raidItems: raidItems(),
    changeRequests,
    supportCases: [
      makeCase("20433", "medium", 9, { status: "waiting_on_customer", title: "Duplicate e-bill notification e-mails" }),
      makeCase("20481", "critical", 2, { title: "Phase 1 water accounts: autopay file rejected for 214 accounts", resolutionNotes: "Meridian re-sending the file" }),
      makeCase("20102", "low", 30, { status: "resolved" }),
      makeCase("20490", "high", 1, { status: "new", ownerId: null }),
      makeCase("20399", "medium", 12),
      makeCase("20011", "critical", 40, { status: "closed" }),
    ],
    vendors: vendors(),
    ...patch,
  };
}

export function riverbendDirectory(snapshot: ProjectSnapshot = riverbendSnapshot()): Directory {
  return { people: snapshot.people, internalDomains: [INTERNAL_DOMAIN], vendors: snapshot.vendors };
}

/** Availability from a map of person id → days out (or from Person.outOfOffice when absent). */
export function availability(out: Record<string, IsoDate[]> = {}, people: Person[] = []): Availability {
  return {
    isOutOfOffice: (personId, on) => {
      if (out[personId]?.includes(on)) return true;
      const ooo = people.find((p) => p.id === personId)?.outOfOffice;
      return ooo != null && ooo.from <= on && on <= ooo.until;
    },
  };
}

export const person = (snapshot: ProjectSnapshot, id: string): Person => {
  const found = snapshot.people.find((p) => p.id === id);
  if (!found) throw new Error(`No person ${id} in the fixture`);
  return found;
};
