import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenantId, createdAt, updatedAt } from "./schemaColumns";
import type { PersonWorkingHours } from "../../contracts/types";

// The project and who is on it: projects, people (internal, customer, vendor), memberships with
// their roles, and the vendors working on the project. Re-exported by schema.ts.

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
