// The shapes the runbook rules read. Pure data: the database layer maps its rows to these,
// the rules in this folder never see a row, a request or a clock.

export type IsoDate = string; // "2026-12-31" (calendar date, no time zone)
export type IsoDateTime = string; // "2026-11-24T15:00:00.000Z" (instant)

/** Day names as `Intl` and the cadence rules spell them, Sunday first (JavaScript `getUTCDay()` order). */
export const weekdayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;
export type WeekdayName = (typeof weekdayNames)[number];

export const callTypes = [
  "internal_status",
  "customer_status",
  "steering_committee",
  "triage",
  "vendor",
  "targeted_technical",
  "targeted_product",
  "daily_status_check",
  "milestone_review",
  "tsm_pre_go_live",
] as const;
export type CallType = (typeof callTypes)[number];

export type Organisation = "internal" | "customer" | "vendor";

/** Role of a person on a project, in the runbook's vocabulary. */
export const projectRoles = [
  "pm",
  "im",
  "se",
  "developer",
  "tsm",
  "tam",
  "csm",
  "tsm_manager",
  "cs_leader",
  "vp_implementations",
  "vertical_director",
  "pm_director",
  "product",
  "legal",
  "marketing",
  "customer_executive",
  "customer_project_lead",
  "customer_stakeholder",
  "vendor_pm",
  "vendor_contact",
] as const;
export type ProjectRole = (typeof projectRoles)[number];

export interface Person {
  id: string;
  name: string;
  email: string;
  organisation: Organisation;
  /** Set when organisation is "vendor". */
  vendorId: string | null;
  title: string;
  /** Out of office on these calendar dates (inclusive, in the person's own zone); null when not known to be out. */
  outOfOffice: { from: IsoDate; until: IsoDate } | null;
  /** The person's IANA zone; null/absent = unknown (US Eastern assumed). */
  timeZone?: string | null;
  workingHours?: PersonWorkingHours | null;
}

/** A person's working hours, local to their own zone ("09:00"–"17:00", Monday to Friday). */
export interface PersonWorkingHours {
  startTime: string;
  endTime: string;
  daysOfWeek: string[];
}

export interface ProjectMember {
  personId: string;
  role: ProjectRole;
  /** Named backup who attends when this member is out of office. */
  backupPersonId: string | null;
}

export type Rag = "green" | "amber" | "red";

export interface Project {
  id: string;
  name: string;
  customerName: string;
  /** E-mail domains of the customer (e.g. ["riverbendutilities.com"]). */
  customerDomains: string[];
  vertical: string;
  phase: string | null;
  /** Monthly recurring revenue in cents (integers avoid float boundaries). */
  mrrCents: number;
  integrationType: "new" | "existing";
  rag: Rag;
  ragReason: string | null;
  pathToGreen: string | null;
  /** When RAG last changed, and from what. */
  ragChangedAt: IsoDateTime | null;
  previousRag: Rag | null;
  goLiveDate: IsoDate | null;
  /** Non-working days for working-day arithmetic (project settings). */
  holidays: IsoDate[];
  /** Sprint length in days (7 or 14); null when the project doesn't run sprints. */
  sprintLengthDays: number | null;
  /** First day of the first sprint, to place sprint ends. */
  sprintStartDate: IsoDate | null;
  /** Facts for the phased-project test (section 4). */
  phased: {
    steeringMeetingsRunning: boolean;
    raidLogActive: boolean;
    laterPhaseRevenue: boolean;
    nextPhaseProjectProvisioned: boolean;
  };
  /** Integration summary: field key → value, "N/A", or empty/missing when not filled. */
  integrationSummary: Record<string, string>;
  members: ProjectMember[];
}

export interface Milestone {
  id: string;
  name: string;
  deliverable: string;
  plannedDate: IsoDate | null;
  achievedDate: IsoDate | null;
  signedOffBy: string | null;
  signedOffAt: IsoDateTime | null;
}

export type TaskStatus = "not_started" | "in_progress" | "blocked" | "done";

export interface Task {
  id: string;
  name: string;
  ownerId: string | null;
  startDate: IsoDate | null;
  dueDate: IsoDate | null;
  status: TaskStatus;
  dependsOnTaskId: string | null;
  /** Kept off customer and vendor messages (open-task update, reports); absent means visible. */
  internalOnly?: boolean;
  /** When the task row last changed (a done task: when it was finished); absent in hand-built fixtures. */
  updatedAt?: IsoDateTime;
  /** The schedule's own row id (import/export), when it has one. */
  externalRef?: string | null;
}

export type RaidKind = "risk" | "action" | "issue" | "decision";
/** Which team an open item needs: drives who joins internal calls. */
export type RaidArea = "technical" | "product" | "legal" | "marketing" | "general";

export interface RaidItem {
  id: string;
  kind: RaidKind;
  title: string;
  ownerId: string | null;
  dueDate: IsoDate | null;
  status: "open" | "closed";
  area: RaidArea;
  internalOnly: boolean;
  raisedInMeetingId: string | null;
  createdAt: IsoDateTime;
}

export interface ChangeRequest {
  id: string;
  description: string;
  estimateHours: number | null;
  customerConfirmed: boolean;
  decision: "pending" | "approved" | "declined";
  decidedBy: string | null;
  decidedAt: IsoDateTime | null;
}

export type CaseSeverity = "critical" | "high" | "medium" | "low";

export interface SupportCase {
  id: string;
  caseNumber: string;
  title: string;
  severity: CaseSeverity;
  status: "new" | "in_progress" | "waiting_on_customer" | "resolved" | "closed";
  ownerId: string | null;
  resolutionNotes: string | null;
  openedAt: IsoDateTime;
}

/** Keys of the CIS checklist (section 2, vendor call). */
export const cisChecklistKeys = [
  "installed_ready",
  "updates_needed",
  "resources_willing",
  "schedule_go_live",
  "share_schedule_join_meetings",
  "pm_contact_weekly",
  "deliverables_moving_schedule",
] as const;
export type CisChecklistKey = (typeof cisChecklistKeys)[number];

export interface Vendor {
  id: string;
  name: string;
  kind: "cis" | "si" | "consultant";
  emailDomains: string[];
  contactPersonId: string | null;
  goLiveAligned: boolean | null;
  /** Deliverables of this vendor that move our schedule; empty when none do. */
  deliverablesTouchingSchedule: string[];
  checklist: Partial<Record<CisChecklistKey, string>>;
}

export interface Attendee {
  email: string;
  name: string;
}

export interface Meeting {
  id: string;
  projectId: string | null;
  subject: string;
  startsAt: IsoDateTime;
  endsAt: IsoDateTime;
  attendees: Attendee[];
  /** A user's explicit choice; wins over classification. */
  callTypeOverride: CallType | null;
  /** The call type it was classified or set as when it was held (history). */
  callType: CallType | null;
  recapSentAt: IsoDateTime | null;
}

/** Everything the agenda builder reads about one project, at one moment. */
export interface ProjectSnapshot {
  project: Project;
  people: Person[];
  milestones: Milestone[];
  tasks: Task[];
  raidItems: RaidItem[];
  changeRequests: ChangeRequest[];
  supportCases: SupportCase[];
  vendors: Vendor[];
  /** Done tasks, most recently finished first (at most 100), for "done since the last internal call". */
  recentlyDoneTasks?: Task[];
}

/** Earlier meetings of the project, for "since the last call" items. */
export interface MeetingHistory {
  meetings: Meeting[];
}

/** Who is known to be out of office, by person id, for a given day. */
export interface Availability {
  isOutOfOffice(personId: string, on: IsoDate): boolean;
}

/** The tenant's people directory: lets the classifier tell organisations by e-mail. */
export interface Directory {
  people: Person[];
  internalDomains: string[];
  vendors: Vendor[];
}
