import { sql } from "drizzle-orm";
import { bigserial, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenantId, createdAt, updatedAt } from "./schemaColumns";
import { people, projects } from "./schemaProjects";

// A call and what is captured in it: meetings, the RAID log (an action captured in a call is a
// RAID item of kind "action"), agenda notes, and the live events replayed to panels.
// Re-exported by schema.ts.

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

