import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenantId, createdAt, updatedAt } from "./schemaColumns";
import { people, projects } from "./schemaProjects";

// The project's plan and its records: milestones, schedule tasks (imported with predecessor
// links), change requests and support cases. Re-exported by schema.ts.

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
