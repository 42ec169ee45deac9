import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { meetings, people, projects, raidItems } from "./schema";
import { createdAt, tenantId, updatedAt } from "./schemaColumns";
import type { MeetingArtifacts } from "../domain/recap/meetingAttendance";

// Tables around the project data: meeting state, outbox, cadence log, audit trail, import
// mappings, revisions. tables.ts re-exports these with schema.ts, so `t.*` names every table.

/** Per meeting and agenda item: ticked as discussed. */
export const agendaItemStates = pgTable(
  "agenda_item_states",
  {
    tenantId: tenantId(),
    meetingId: uuid("meeting_id").notNull().references(() => meetings.id, { onDelete: "cascade" }),
    agendaItemKey: text("agenda_item_key").notNull(),
    discussed: boolean("discussed").notNull().default(false),
    updatedBy: text("updated_by"),
    version: integer("version").notNull().default(1),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("agenda_item_states_pk").on(t.tenantId, t.meetingId, t.agendaItemKey)],
);

/** Mail and invites: what the local outbox shows, and the Graph path's exactly-once record. */
export const outboxItems = pgTable(
  "outbox_items",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    kind: text("kind").$type<"message" | "invite">().notNull(),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "set null" }),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    subject: text("subject").notNull(),
    fromEmail: text("from_email").notNull(),
    recipients: jsonb("recipients").$type<{ email: string; name: string; type: "to" | "cc" | "required" | "optional" }[]>().notNull(),
    html: text("html").notNull(),
    text: text("text").notNull().default(""),
    /** .eml (message) or .ics (invite) as sent. */
    raw: text("raw"),
    status: text("status").$type<"draft" | "sending" | "sent" | "failed">().notNull().default("draft"),
    graphId: text("graph_id"),
    error: text("error"),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "string" }),
    /** A reminder digest's owner and local date: one digest per person per day (migration 0011). */
    reminderPersonId: uuid("reminder_person_id"),
    reminderLocalDate: date("reminder_local_date", { mode: "string" }),
    reminderProjectIds: jsonb("reminder_project_ids").$type<string[]>(),
  },
  (t) => [
    index("outbox_tenant_idx").on(t.tenantId, t.createdAt),
    uniqueIndex("outbox_reminder_once_uq").on(t.tenantId, t.reminderPersonId, t.reminderLocalDate).where(sql`${t.reminderPersonId} IS NOT NULL`),
  ],
);

/** Reminders a person muted for one project, through the signed link in a digest. */
export const reminderMutes = pgTable(
  "reminder_mutes",
  {
    tenantId: tenantId(),
    personId: uuid("person_id").notNull().references(() => people.id, { onDelete: "cascade" }),
    projectId: uuid("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    mutedAt: timestamp("muted_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.personId, t.projectId] })],
);

/** Follow-ups the cadence tracker counts as done (recaps are on meetings). */
export const followUpLog = pgTable(
  "follow_up_log",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    projectId: uuid("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "string" }).notNull(),
    sentBy: text("sent_by"),
  },
  (t) => [index("follow_up_log_idx").on(t.tenantId, t.projectId, t.kind, t.sentAt)],
);

/** Who changed what, when: RAG, decisions, change-request decisions, sign-offs. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: tenantId(),
    projectId: uuid("project_id"),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    actor: text("actor").notNull(),
    at: createdAt(),
  },
  (t) => [index("audit_log_idx").on(t.tenantId, t.projectId, t.at)],
);

/** The column mapping of a project's schedule or RAID log import, remembered for the next file. */
export const importMappings = pgTable(
  "import_mappings",
  {
    tenantId: tenantId(),
    projectId: uuid("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"tasks" | "raid">().notNull(),
    columns: jsonb("columns").$type<Record<string, string>>().notNull(),
    dateFormat: text("date_format").$type<"mdy" | "dmy">().notNull().default("mdy"),
    updatedBy: text("updated_by"),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("import_mappings_uq").on(t.tenantId, t.projectId, t.kind)],
);

/**
 * A counter per project, bumped by triggers on every write to the project's data (migration 0004):
 * what cached agendas are keyed on, correct across instances.
 */
export const projectRevisions = pgTable("project_revisions", {
  projectId: uuid("project_id")
    .primaryKey()
    .references(() => projects.id, { onDelete: "cascade" }),
  tenantId: tenantId(),
  rev: bigint("rev", { mode: "number" }).notNull().default(0),
});

/**
 * A counter per project, bumped by triggers on every write to its directory: members, their people,
 * vendors and vendor people (migration 0024). What the capture write's in-memory directory is
 * keyed on, read by its access query: correct across instances with no NOTIFY.
 */
export const projectDirectoryRevisions = pgTable("project_directory_revisions", {
  projectId: uuid("project_id")
    .primaryKey()
    .references(() => projects.id, { onDelete: "cascade" }),
  tenantId: tenantId(),
  rev: bigint("rev", { mode: "number" }).notNull().default(0),
});

/**
 * What the Teams bot posted for a meeting (migration 0012): the recap card in the meeting chat
 * (its activity id, so changes update it in place) and targeted past-due notices, one per
 * recipient. `delivered = "outbox"` rows are what would have been sent without a tenant.
 */
export const botPosts = pgTable(
  "bot_posts",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    meetingId: uuid("meeting_id").notNull().references(() => meetings.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"recap_card" | "past_due_notice">().notNull(),
    /** "" for the one recap card; the recipient's Entra object id for a notice. */
    recipientKey: text("recipient_key").notNull().default(""),
    conversationId: text("conversation_id").notNull(),
    serviceUrl: text("service_url").notNull(),
    activityId: text("activity_id"),
    delivered: text("delivered").$type<"connector" | "outbox">().notNull(),
    recipients: jsonb("recipients").$type<{ name: string; email: string }[]>().notNull().default(sql`'[]'::jsonb`),
    summary: text("summary").notNull(),
    card: jsonb("card").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("bot_posts_uq").on(t.tenantId, t.meetingId, t.kind, t.recipientKey)],
);

/**
 * Teams' attendance report of a meeting and its recording and transcript metadata (migration 0020),
 * read once from Microsoft Graph after the meeting (services/recap/readMeetingAttendance.ts).
 */
export const meetingAttendance = pgTable(
  "meeting_attendance",
  {
    tenantId: tenantId(),
    meetingId: uuid("meeting_id").notNull().references(() => meetings.id, { onDelete: "cascade" }),
    onlineMeetingId: text("online_meeting_id").notNull(),
    reportId: text("report_id").notNull(),
    threadId: text("thread_id"),
    artifacts: jsonb("artifacts").$type<MeetingArtifacts>().notNull(),
    readBy: text("read_by"),
    readAt: timestamp("read_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.meetingId] })],
);

/** A project's Microsoft Planner plan (issue 17 §4, migration 0017); kept off `projects` so polling never bumps the project revision. */
export const plannerPlans = pgTable("planner_plans", {
  tenantId: tenantId(),
  projectId: uuid("project_id")
    .primaryKey()
    .references(() => projects.id, { onDelete: "cascade" }),
  planId: text("plan_id").notNull(),
  planTitle: text("plan_title"),
  /** Whose stored consent the 15-minute job uses (the PM who named the plan). */
  setByPersonId: uuid("set_by_person_id").references(() => people.id, { onDelete: "set null" }),
  setAt: timestamp("set_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  polledAt: timestamp("polled_at", { withTimezone: true, mode: "string" }),
  /** Graph said 429 with Retry-After: no Planner call for this plan before this instant. */
  throttledUntil: timestamp("throttled_until", { withTimezone: true, mode: "string" }),
  lastError: text("last_error"),
  /** A sync holds the plan until this instant (migration 0023): one sync per plan across instances. */
  syncLeaseUntil: timestamp("sync_lease_until", { withTimezone: true, mode: "string" }),
  /** The random id of the sync holding the lease; only it releases the lease. */
  syncLeaseOwner: text("sync_lease_owner"),
});

/**
 * A Planner create in flight (migration 0023): written before POST /planner/tasks and removed when
 * the link is stored. One left behind means the answer was lost; the next sync looks for the task
 * in the plan (created by Planner just after the claim, holding at least two of the values sent,
 * not linked to another item: plannerTaskClaims.ts claimedTask) and adopts it.
 */
export const plannerTaskClaims = pgTable("planner_task_claims", {
  tenantId: tenantId(),
  raidItemId: uuid("raid_item_id")
    .primaryKey()
    .references(() => raidItems.id, { onDelete: "cascade" }),
  projectId: uuid("project_id")
    .notNull()
    .references(() => projects.id, { onDelete: "cascade" }),
  planId: text("plan_id").notNull(),
  /** Random id of the create attempt (logs and the audit of an adoption). */
  marker: text("marker").notNull(),
  /** The create's body as sent: what a found task must match. */
  title: text("title").notNull(),
  dueDateTime: text("due_date_time"),
  assignee: text("assignee"),
  /** The database's real now() when the claim was stored (not the settable clock): compared with Planner's createdDateTime. */
  claimedAt: timestamp("claimed_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
});

/** One action item ↔ one Planner task, with the ETag and the values last agreed with Planner. */
export const plannerTasks = pgTable(
  "planner_tasks",
  {
    tenantId: tenantId(),
    raidItemId: uuid("raid_item_id")
      .primaryKey()
      .references(() => raidItems.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    planId: text("plan_id").notNull(),
    taskId: text("task_id").notNull(),
    etag: text("etag").notNull(),
    /** "deleted": the task was deleted in Planner (404); unlinked and reported, never recreated. */
    state: text("state").$type<"linked" | "deleted">().notNull().default("linked"),
    syncedVersion: integer("synced_version").notNull(),
    syncedTitle: text("synced_title").notNull(),
    syncedDueDate: date("synced_due_date", { mode: "string" }),
    syncedDone: boolean("synced_done").notNull(),
    syncedAssignee: text("synced_assignee"),
    /** The link back to Callbook is in the task's details (written after the task; retried until it is). */
    linkedBack: boolean("linked_back").notNull().default(false),
    unlinkedAt: timestamp("unlinked_at", { withTimezone: true, mode: "string" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("planner_tasks_task_uq").on(t.tenantId, t.taskId), index("planner_tasks_project_idx").on(t.tenantId, t.projectId)],
);

/** A consent pop-up opened for sending without the PM (migration 0023): its PKCE verifier, sealed, and whose it is; used once. */
export const consentRequests = pgTable("consent_requests", {
  id: uuid("id").primaryKey(),
  tenantId: tenantId(),
  personId: uuid("person_id")
    .notNull()
    .references(() => people.id, { onDelete: "cascade" }),
  /** The PKCE code_verifier, AES-256-GCM under TOKEN_CACHE_KEY (tokenCacheCipher.ts), AAD "consent/<id>". */
  verifier: text("verifier").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true, mode: "string" }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true, mode: "string" }),
});

/** A PM's msal-node token cache, AES-256-GCM ciphertext (issue 17 §5); "reconnect" when Entra refused the refresh. */
export const delegatedTokenCaches = pgTable(
  "delegated_token_caches",
  {
    tenantId: tenantId(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    homeAccountId: text("home_account_id").notNull(),
    ciphertext: text("ciphertext").notNull(),
    state: text("state").$type<"connected" | "reconnect">().notNull().default("connected"),
    reason: text("reason"),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.personId] })],
);
