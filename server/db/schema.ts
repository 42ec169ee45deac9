import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { PersonWorkingHours } from "../../contracts/types";

// Every row carries tenant_id (the Entra tenant). Ids are uuids the application (or the
// client, for offline capture) generates, so a retried create is the same row.

const tenantId = () => text("tenant_id").notNull();
const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow();

export const projects = pgTable(
  "projects",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    name: text("name").notNull(),
    customerName: text("customer_name").notNull(),
    customerDomains: jsonb("customer_domains").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    vertical: text("vertical").notNull().default("utilities"),
    phase: text("phase"),
    mrrCents: integer("mrr_cents").notNull().default(0),
    integrationType: text("integration_type").$type<"new" | "existing">().notNull().default("new"),
    rag: text("rag").$type<"green" | "amber" | "red">().notNull().default("green"),
    ragReason: text("rag_reason"),
    pathToGreen: text("path_to_green"),
    ragChangedAt: timestamp("rag_changed_at", { withTimezone: true, mode: "string" }),
    ragChangedBy: text("rag_changed_by"),
    previousRag: text("previous_rag").$type<"green" | "amber" | "red">(),
    goLiveDate: date("go_live_date", { mode: "string" }),
    holidays: jsonb("holidays").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    sprintLengthDays: integer("sprint_length_days"),
    sprintStartDate: date("sprint_start_date", { mode: "string" }),
    phased: jsonb("phased")
      .$type<{
        steeringMeetingsRunning: boolean;
        raidLogActive: boolean;
        laterPhaseRevenue: boolean;
        nextPhaseProjectProvisioned: boolean;
      }>()
      .notNull()
      .default(sql`'{"steeringMeetingsRunning":false,"raidLogActive":false,"laterPhaseRevenue":false,"nextPhaseProjectProvisioned":false}'::jsonb`),
    integrationSummary: jsonb("integration_summary").$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("projects_tenant_idx").on(t.tenantId)],
);

export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    organisation: text("organisation").$type<"internal" | "customer" | "vendor">().notNull(),
    vendorId: uuid("vendor_id"),
    title: text("title").notNull().default(""),
    oooFrom: date("ooo_from", { mode: "string" }),
    oooUntil: date("ooo_until", { mode: "string" }),
    /** IANA zone of the person (migration 0006); null = unknown, US Eastern assumed. */
    timeZone: text("time_zone"),
    workingHours: jsonb("working_hours").$type<PersonWorkingHours>(),
    timeZoneSource: text("time_zone_source").$type<"entered" | "mailbox_settings" | "schedule">(),
    /** Entra object id (Planner assignments; migration 0017), resolved through Graph by e-mail once. */
    entraObjectId: text("entra_object_id"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("people_tenant_email_uq").on(t.tenantId, t.email)],
);

export const projectMembers = pgTable(
  "project_members",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    projectId: uuid("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    personId: uuid("person_id").notNull().references(() => people.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    backupPersonId: uuid("backup_person_id").references(() => people.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("project_members_uq").on(t.projectId, t.personId, t.role),
    index("project_members_tenant_idx").on(t.tenantId, t.projectId),
  ],
);

export const milestones = pgTable(
  "milestones",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    projectId: uuid("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    deliverable: text("deliverable").notNull().default(""),
    plannedDate: date("planned_date", { mode: "string" }),
    achievedDate: date("achieved_date", { mode: "string" }),
    signedOffBy: text("signed_off_by"),
    signedOffAt: timestamp("signed_off_at", { withTimezone: true, mode: "string" }),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("milestones_project_idx").on(t.tenantId, t.projectId, t.plannedDate)],
);

/** One resolved predecessor of a task (imported schedules): the link type and its lag, normalised. */
export interface PredecessorLink {
  taskId: string;
  type: "FS" | "SS" | "FF" | "SF";
  /** As the file wrote it: "22FS+2h". */
  written: string;
  /** Working or elapsed minutes (negative: lead); null when the lag is a percentage. */
  lagMinutes: number | null;
  lagPercent: number | null;
  elapsed: boolean;
}

export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    projectId: uuid("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    ownerId: uuid("owner_id").references(() => people.id, { onDelete: "set null" }),
    startDate: date("start_date", { mode: "string" }),
    dueDate: date("due_date", { mode: "string" }),
    status: text("status").$type<"not_started" | "in_progress" | "blocked" | "done">().notNull().default("not_started"),
    dependsOnTaskId: uuid("depends_on_task_id"),
    /** Kept off customer and vendor messages (migration 0011). */
    internalOnly: boolean("internal_only").notNull().default(false),
    externalRef: text("external_ref"),
    /** Predecessors as the imported file wrote them ("22FS+2h, 7"), migration 0007. */
    predecessors: text("predecessors"),
    /** The same links resolved and normalised (lag in minutes or percent), migration 0007. */
    predecessorLinks: jsonb("predecessor_links").$type<PredecessorLink[]>(),
    /** The summary task above this one (MS Project outline), migration 0007. */
    parentTaskId: uuid("parent_task_id"),
    outlineLevel: integer("outline_level"),
    version: integer("version").notNull().default(1),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("tasks_open_due_idx").on(t.tenantId, t.projectId, t.status, t.dueDate),
    // Keyset pages of the schedule (due date, id): flat from 100 to 100,000 tasks.
    index("tasks_project_due_idx").on(t.tenantId, t.projectId, t.dueDate, t.id),
    // The agenda's "done since the last call": the latest finished tasks, read by the index (migration 0013).
    index("tasks_status_updated_idx").on(t.tenantId, t.projectId, t.status, t.updatedAt.desc()),
  ],
);

export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "set null" }),
    subject: text("subject").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true, mode: "string" }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true, mode: "string" }).notNull(),
    organizerEmail: text("organizer_email"),
    attendees: jsonb("attendees").$type<{ email: string; name: string }[]>().notNull().default(sql`'[]'::jsonb`),
    callType: text("call_type"),
    callTypeOverride: text("call_type_override"),
    callTypeSetBy: text("call_type_set_by"),
    joinWebUrl: text("join_web_url"),
    /** Digits of the Teams join meeting id (Graph joinMeetingIdSettings.joinMeetingId, or a /meet/<id> link). */
    joinMeetingId: text("join_meeting_id"),
    /** The meeting's thread read from its join link (teamsThreadKey): matches links and teams-js meeting ids. */
    joinThreadKey: text("join_thread_key"),
    chatId: text("chat_id"),
    iCalUId: text("ical_uid"),
    graphEventId: text("graph_event_id"),
    recapSentAt: timestamp("recap_sent_at", { withTimezone: true, mode: "string" }),
    recapSentBy: text("recap_sent_by"),
    currentAgendaItemKey: text("current_agenda_item_key"),
    /** When the current agenda item was made current: the shared time box counts from here. */
    currentAgendaItemStartedAt: timestamp("current_agenda_item_started_at", { withTimezone: true, mode: "string" }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index("meetings_tenant_start_idx").on(t.tenantId, t.startsAt),
    index("meetings_project_idx").on(t.tenantId, t.projectId, t.startsAt),
    index("meetings_chat_idx").on(t.tenantId, t.chatId),
    index("meetings_join_ids_idx").on(t.tenantId, t.joinMeetingId),
    index("meetings_join_thread_idx").on(t.tenantId, t.joinThreadKey),
    index("meetings_join_url_idx").on(t.tenantId, t.joinWebUrl),
  ],
);

/** Risks, actions, issues and decisions. Action items captured in a call are RAID items of kind "action". */
export const raidItems = pgTable(
  "raid_items",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    projectId: uuid("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"risk" | "action" | "issue" | "decision">().notNull(),
    title: text("title").notNull(),
    description: text("description"),
    ownerId: uuid("owner_id").references(() => people.id, { onDelete: "set null" }),
    dueDate: date("due_date", { mode: "string" }),
    status: text("status").$type<"open" | "closed">().notNull().default("open"),
    area: text("area").$type<"technical" | "product" | "legal" | "marketing" | "general">().notNull().default("general"),
    internalOnly: boolean("internal_only").notNull().default(false),
    raisedInMeetingId: uuid("raised_in_meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    agendaItemKey: text("agenda_item_key"),
    // action item: "<provider> provides <deliverable> to <recipient> before <neededFor>"
    provider: text("provider"),
    deliverable: text("deliverable"),
    recipient: text("recipient"),
    neededFor: text("needed_for"),
    // issue log entry: who reported, what, when, where, how to reproduce
    reportedBy: text("reported_by"),
    reportedAt: timestamp("reported_at", { withTimezone: true, mode: "string" }),
    location: text("location"),
    reproSteps: text("repro_steps"),
    // decision: who decided, when
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "string" }),
    createdBy: text("created_by"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    closedAt: timestamp("closed_at", { withTimezone: true, mode: "string" }),
  },
  (t) => [
    index("raid_open_idx").on(t.tenantId, t.projectId, t.status, t.dueDate),
    index("raid_meeting_idx").on(t.tenantId, t.raisedInMeetingId),
    index("raid_project_due_idx").on(t.tenantId, t.projectId, t.dueDate, t.id),
  ],
);

export const changeRequests = pgTable("change_requests", {
  id: uuid("id").primaryKey(),
  tenantId: tenantId(),
  projectId: uuid("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
  description: text("description").notNull(),
  estimateHours: numeric("estimate_hours", { mode: "number" }),
  customerConfirmed: boolean("customer_confirmed").notNull().default(false),
  decision: text("decision").$type<"pending" | "approved" | "declined">().notNull().default("pending"),
  decidedBy: text("decided_by"),
  decidedAt: timestamp("decided_at", { withTimezone: true, mode: "string" }),
  version: integer("version").notNull().default(1),
  createdAt: createdAt(),
});

export const supportCases = pgTable("support_cases", {
  id: uuid("id").primaryKey(),
  tenantId: tenantId(),
  projectId: uuid("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
  caseNumber: text("case_number").notNull(),
  title: text("title").notNull(),
  severity: text("severity").$type<"critical" | "high" | "medium" | "low">().notNull(),
  status: text("status")
    .$type<"new" | "in_progress" | "waiting_on_customer" | "resolved" | "closed">()
    .notNull()
    .default("new"),
  ownerId: uuid("owner_id").references(() => people.id, { onDelete: "set null" }),
  resolutionNotes: text("resolution_notes"),
  openedAt: timestamp("opened_at", { withTimezone: true, mode: "string" }).notNull(),
  version: integer("version").notNull().default(1),
});

export const vendors = pgTable("vendors", {
  id: uuid("id").primaryKey(),
  tenantId: tenantId(),
  projectId: uuid("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  kind: text("kind").$type<"cis" | "si" | "consultant">().notNull(),
  emailDomains: jsonb("email_domains").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  contactPersonId: uuid("contact_person_id").references(() => people.id, { onDelete: "set null" }),
  goLiveAligned: boolean("go_live_aligned"),
  deliverablesTouchingSchedule: jsonb("deliverables_touching_schedule").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  checklist: jsonb("checklist").$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
  version: integer("version").notNull().default(1),
});

/** A note taken against one agenda item of one meeting. */
export const agendaNotes = pgTable(
  "agenda_notes",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    meetingId: uuid("meeting_id").notNull().references(() => meetings.id, { onDelete: "cascade" }),
    agendaItemKey: text("agenda_item_key").notNull(),
    body: text("body").notNull(),
    internalOnly: boolean("internal_only").notNull().default(false),
    discussed: boolean("discussed").notNull().default(false),
    createdBy: text("created_by"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("agenda_notes_meeting_idx").on(t.tenantId, t.meetingId)],
);

/** Live events per meeting, replayed to reconnecting clients by id (Last-Event-ID). */
export const meetingEvents = pgTable(
  "meeting_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: tenantId(),
    meetingId: uuid("meeting_id").notNull(),
    type: text("type").notNull(),
    entityId: uuid("entity_id"),
    createdAt: createdAt(),
  },
  (t) => [index("meeting_events_meeting_idx").on(t.tenantId, t.meetingId, t.id)],
);

