import type { ProjectHeader } from "./meetings";
import { z } from "zod";
import { isoDate, isoDateTime, uuidParam } from "./common";
import { ianaTimeZone } from "./timeZone";
import { raidKinds, type CapturedItemDto } from "./capture";
import { cisChecklistKeys, projectRoles } from "./types";
import { followUpKinds, type FollowUp } from "./followUps";
import { integrationSummaryFields, type TransitionStatus } from "./transition";

// The project workspace: what a PM sees and edits of the data every agenda draws on.

const text = (max: number) => z.string().trim().min(1, "is required").max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).nullable().optional();
const version = z.number({ message: "is required (the version you edited)" }).int().min(1);
const rags = ["green", "amber", "red"] as const;
const enumOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: `must be one of ${values.join(", ")}` });
const optionalId = uuidParam.nullable().optional();
const optionalDate = isoDate.nullable().optional();
/** A record whose keys must be among `keys`, each unknown key reported at its own path. */
const keyedAnswers = (keys: readonly string[], what: string) =>
  z.record(z.string(), z.string().trim().max(2000, "must be at most 2000 characters")).superRefine((rec, ctx) => {
    for (const key of Object.keys(rec)) if (!keys.includes(key)) ctx.addIssue({ code: "custom", path: [key], message: `is not ${what}` });
  });

export const taskStatuses = ["not_started", "in_progress", "blocked", "done"] as const;
export const caseSeverities = ["critical", "high", "medium", "low"] as const;
export const caseStatuses = ["new", "in_progress", "waiting_on_customer", "resolved", "closed"] as const;
export const vendorKinds = ["cis", "si", "consultant"] as const;
export const raidAreas = ["technical", "product", "legal", "marketing", "general"] as const;
export const organisations = ["internal", "customer", "vendor"] as const;
export { followUpKinds, integrationSummaryFields, raidKinds, cisChecklistKeys, projectRoles };

export const integrationSummaryKeys = integrationSummaryFields.map((f) => f.key) as [string, ...string[]];

/** Questions of the CIS checklist (runbook section 2, vendor call), by key. */
export const cisChecklistQuestions: Record<(typeof cisChecklistKeys)[number], string> = {
  installed_ready: "Is the CIS installed and ready to integrate?",
  updates_needed: "Does it need updates before or while we start?",
  resources_willing: "Does the vendor have resources and willingness to collaborate?",
  schedule_go_live: "What is their schedule; can they go live when we forecast?",
  share_schedule_join_meetings: "Will they share their schedule / join our meetings?",
  pm_contact_weekly: "Who is their PM/contact and how do we stay in touch weekly?",
  deliverables_moving_schedule: "Which of their deliverables or milestones move our schedule?",
};

// ---- project ----
export const patchProjectBody = z
  .object({
    version,
    rag: enumOf(rags).optional(),
    ragReason: optionalText(2000),
    pathToGreen: optionalText(2000),
    goLiveDate: optionalDate,
    holidays: z.array(isoDate).max(100, "must be at most 100 dates").optional(),
    mrrCents: z.number({ message: "must be a number of cents" }).int("must be whole cents").min(0, "must be 0 or more").max(1e11).optional(),
    integrationType: enumOf(["new", "existing"] as const).optional(),
    integrationSummary: keyedAnswers(integrationSummaryKeys, "a field of the integration summary").optional(),
  })
  .strict();
export type PatchProjectBody = z.infer<typeof patchProjectBody>;

export const followUpSentParams = z.object({ id: uuidParam, kind: enumOf(followUpKinds) });
export const followUpSentBody = z.object({ sentAt: isoDateTime.optional() }).strict();

// ---- lists ----
export const pageQuery = {
  limit: z.coerce.number({ message: "must be a number" }).int().min(1, "must be at least 1").max(200, "must be at most 200").default(50),
  cursor: z.string().max(300).optional(),
};
const flag = z.enum(["true", "false"], { message: "must be true or false" }).transform((v) => v === "true");
export const taskListQuery = z
  .object({ ...pageQuery, status: enumOf(taskStatuses).optional(), ownerId: uuidParam.optional(), late: flag.optional() })
  .strict();
export const raidListQuery = z
  .object({
    ...pageQuery,
    kind: enumOf(raidKinds).optional(),
    ownerId: uuidParam.optional(),
    status: enumOf(["open", "closed"] as const).optional(),
    late: flag.optional(),
    noDueDate: flag.optional(),
  })
  .strict();
export const simplePageQuery = z.object(pageQuery).strict();
/** A project's calls (Meeting history); `series`: only the calls of one series, by its iCalUId (as POST …/series answered it). */
export const meetingHistoryQuery = z.object({ ...pageQuery, series: z.string().trim().min(1, "is required").max(500).optional() }).strict();

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// ---- people ----
export const createPersonBody = z
  .object({
    name: text(200),
    email: z.email({ message: "must be an e-mail address" }).max(320),
    organisation: enumOf(organisations),
    title: z.string().trim().max(200).optional(),
  })
  .strict();
export const patchPersonBody = z
  .object({
    oooFrom: optionalDate,
    oooUntil: optionalDate,
    title: z.string().trim().max(200).optional(),
    /** The person's own IANA zone (entered on the people page; external people have no mailbox to read it from); null clears it. */
    timeZone: ianaTimeZone.nullable().optional(),
  })
  .strict();
export const createMemberBody = z.object({ personId: uuidParam, role: enumOf(projectRoles), backupPersonId: optionalId }).strict();
export const patchMemberBody = z.object({ role: enumOf(projectRoles).optional(), backupPersonId: optionalId }).strict();

// ---- schedule ----
export const createMilestoneBody = z
  .object({ name: text(300), deliverable: z.string().trim().max(1000).optional(), plannedDate: optionalDate, achievedDate: optionalDate })
  .strict();
export const patchMilestoneBody = createMilestoneBody.partial().extend({ version }).strict();
export const signOffBody = z.object({ version, signedOffBy: text(200).optional(), achievedDate: isoDate.optional() }).strict();

export const createTaskBody = z
  .object({
    name: text(500),
    ownerId: optionalId,
    startDate: optionalDate,
    dueDate: optionalDate,
    status: enumOf(taskStatuses).optional(),
    dependsOnTaskId: optionalId,
    externalRef: optionalText(100),
  })
  .strict();
export const patchTaskBody = createTaskBody.partial().extend({ version }).strict();
export type CreateTaskBody = z.infer<typeof createTaskBody>;

// ---- RAID ----
export const createRaidBody = z
  .object({
    kind: enumOf(raidKinds),
    title: text(500),
    description: optionalText(5000),
    ownerId: optionalId,
    dueDate: optionalDate,
    status: enumOf(["open", "closed"] as const).optional(),
    area: enumOf(raidAreas).optional(),
    internalOnly: z.boolean().optional(),
    provider: optionalText(200),
    deliverable: optionalText(500),
    recipient: optionalText(200),
    neededFor: optionalText(500),
    decidedBy: optionalText(200),
    reportedBy: optionalText(200),
    location: optionalText(500),
    reproSteps: optionalText(5000),
  })
  .strict();
export const patchRaidBody = createRaidBody.omit({ kind: true }).partial().extend({ version }).strict();
export type CreateRaidBody = z.infer<typeof createRaidBody>;

// ---- change requests, cases, vendors ----
const hours = z.number({ message: "must be a number of hours" }).min(0, "must be 0 or more").max(100_000).nullable().optional();
export const createChangeRequestBody = z.object({ description: text(2000), estimateHours: hours, customerConfirmed: z.boolean().optional() }).strict();
export const patchChangeRequestBody = createChangeRequestBody.partial().extend({ version }).strict();
export const decideChangeRequestBody = z
  .object({ version, decision: enumOf(["approved", "declined"] as const), decidedBy: text(200).optional() })
  .strict();

export const createCaseBody = z
  .object({
    caseNumber: text(50),
    title: text(500),
    severity: enumOf(caseSeverities),
    status: enumOf(caseStatuses).optional(),
    ownerId: optionalId,
    resolutionNotes: optionalText(5000),
    openedAt: isoDateTime.optional(),
  })
  .strict();
export const patchCaseBody = createCaseBody.partial().extend({ version }).strict();

export const createVendorBody = z
  .object({
    name: text(200),
    kind: enumOf(vendorKinds),
    emailDomains: z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, "must be a domain like vendor.com")).max(20).optional(),
    contactPersonId: optionalId,
    goLiveAligned: z.boolean().nullable().optional(),
    deliverablesTouchingSchedule: z.array(text(300)).max(50).optional(),
    checklist: keyedAnswers(cisChecklistKeys, "a question of the CIS checklist").optional(),
  })
  .strict();
export const patchVendorBody = createVendorBody.partial().extend({ version }).strict();

export const entityParams = z.object({ id: uuidParam, entityId: uuidParam });
export const deleteQuery = z.object({ version: z.coerce.number({ message: "must be a number" }).int().min(1).optional() }).strict();

// ---- import / export ----
export const importQuery = z
  .object({
    kind: enumOf(["tasks", "raid"] as const),
    dryRun: flag.default(true),
    filename: z.string().trim().min(1, "is required").max(200).regex(/\.(xlsx|csv|txt|tsv)$/i, "must end in .xlsx, .csv, .txt or .tsv"),
    /** The PM's answer to the dry run's date question: day first or month first. */
    dateOrder: enumOf(["mdy", "dmy"] as const).optional(),
  })
  .strict();
export const importMappingQuery = z.object({ kind: enumOf(["tasks", "raid"] as const) }).strict();
export const importMappingBody = z
  .object({
    columns: z.record(z.string().min(1).max(40), z.string().trim().min(1).max(200)),
    dateFormat: enumOf(["mdy", "dmy"] as const).optional(),
  })
  .strict();

// ---- what the client reads ----
export type Rag = (typeof rags)[number];

export interface WorkspaceProject {
  id: string;
  name: string;
  customerName: string;
  phase: string | null;
  rag: Rag;
  ragReason: string | null;
  pathToGreen: string | null;
  ragChangedAt: string | null;
  ragChangedBy: string | null;
  previousRag: Rag | null;
  goLiveDate: string | null;
  daysToGoLive: number | null;
  holidays: string[];
  mrrCents: number;
  integrationType: "new" | "existing";
  integrationSummary: Record<string, string>;
  version: number;
}

export interface MemberDto {
  id: string;
  personId: string;
  name: string;
  email: string;
  organisation: string;
  title: string;
  role: string;
  backupPersonId: string | null;
  backupName: string | null;
  oooFrom: string | null;
  oooUntil: string | null;
  /** IANA zone; null = unknown (US Eastern assumed). */
  timeZone: string | null;
}

export interface MeetingHistoryDto {
  id: string;
  subject: string;
  startsAt: string;
  endsAt: string;
  callType: string;
  callTypeLabel: string;
  recapSentAt: string | null;
  recapSentBy: string | null;
  recap: "sent" | "owed" | "not_needed" | "upcoming";
}

export interface Workspace {
  project: WorkspaceProject;
  followUps: FollowUp[];
  transition: TransitionStatus;
  lastSent: Partial<Record<(typeof followUpKinds)[number], string>>;
}

export interface OverviewProject extends ProjectHeader {
  nextCall: { id: string; subject: string; startsAt: string } | null;
  followUps: FollowUp[];
  late: number;
  due: number;
}

export interface AuditDto {
  id: number;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  actor: string;
  at: string;
}

// Rows of the workspace sections (GET /api/workspace/projects/:id/{tasks,raid,milestones,…}),
// written out here so a schema change cannot silently retype the UI; server/presenters/workspace.ts
// builds them from rows. Dates are "YYYY-MM-DD", instants ISO 8601 UTC.

export interface TaskDto {
  id: string;
  name: string;
  ownerId: string | null;
  ownerName: string | null;
  startDate: string | null;
  dueDate: string | null;
  status: "not_started" | "in_progress" | "blocked" | "done";
  dependsOnTaskId: string | null;
  externalRef: string | null;
  version: number;
}

export interface RaidDto extends CapturedItemDto {
  area: "technical" | "product" | "legal" | "marketing" | "general";
  createdAt: string | null;
  closedAt: string | null;
}

export interface MilestoneDto {
  id: string;
  name: string;
  deliverable: string;
  plannedDate: string | null;
  achievedDate: string | null;
  signedOffBy: string | null;
  signedOffAt: string | null;
  version: number;
}

export interface ChangeRequestDto {
  id: string;
  description: string;
  estimateHours: number | null;
  customerConfirmed: boolean;
  decision: "pending" | "approved" | "declined";
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string | null;
  version: number;
}

export interface CaseDto {
  id: string;
  caseNumber: string;
  title: string;
  severity: "critical" | "high" | "medium" | "low";
  status: "new" | "in_progress" | "waiting_on_customer" | "resolved" | "closed";
  ownerId: string | null;
  ownerName: string | null;
  resolutionNotes: string | null;
  openedAt: string | null;
  version: number;
}

export interface VendorDto {
  id: string;
  name: string;
  kind: "cis" | "si" | "consultant";
  emailDomains: string[];
  contactPersonId: string | null;
  contactName: string | null;
  goLiveAligned: boolean | null;
  deliverablesTouchingSchedule: string[];
  checklist: Record<string, string>;
  version: number;
}

export interface PersonDto {
  id: string;
  name: string;
  email: string;
  organisation: "internal" | "customer" | "vendor";
  title: string;
  oooFrom: string | null;
  oooUntil: string | null;
  /** IANA zone entered or learned for the person (Graph mailboxSettings / getSchedule), null when unknown. */
  timeZone: string | null;
}
