import { stringify } from "csv-stringify/sync";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/database";
import * as t from "../db/tables";
import { integrationSummaryFields } from "../domain/transition";
import { taskStatusLabels } from "./planTasks";
import { internalOnlyWall } from "../services/audience/callerAudience";
import { raidKindLabels, raidStatusLabels } from "./planRaid";

// RAID log, schedule and integration summary as .xlsx and .csv. The columns are ones the
// importer recognises, with a Callbook ID column, so re-importing an export changes nothing.

export type ExportCell = string | Date | null;

export interface SheetSpec {
  name: string;
  columns: { header: string; key: string; width: number; date?: boolean }[];
  rows: Record<string, ExportCell>[];
}

export const exportSheets = ["schedule", "raid", "integration-summary"] as const;
export type ExportSheet = (typeof exportSheets)[number];

const asDate = (d: string | null) => (d ? new Date(`${d}T00:00:00.000Z`) : null);

export async function sheetFor(db: Db, tenantId: string, projectId: string, sheet: ExportSheet): Promise<SheetSpec> {
  if (sheet === "schedule") return scheduleSheet(db, tenantId, projectId);
  if (sheet === "raid") return raidSheet(db, tenantId, projectId);
  return integrationSummarySheet(db, tenantId, projectId);
}

async function peopleNames(db: Db, tenantId: string): Promise<Map<string, string>> {
  const rows = await db.select({ id: t.people.id, name: t.people.name }).from(t.people).where(eq(t.people.tenantId, tenantId));
  return new Map(rows.map((p) => [p.id, p.name]));
}

async function scheduleSheet(db: Db, tenantId: string, projectId: string): Promise<SheetSpec> {
  const [tasks, names] = await Promise.all([
    db
      .select()
      .from(t.tasks)
      .where(and(eq(t.tasks.tenantId, tenantId), eq(t.tasks.projectId, projectId)))
      .orderBy(sql`${t.tasks.dueDate} asc nulls last`, asc(t.tasks.name), asc(t.tasks.id)),
    peopleNames(db, tenantId),
  ]);
  const byId = new Map(tasks.map((k) => [k.id, k]));
  return {
    name: "Schedule",
    columns: [
      { header: "ID", key: "ref", width: 10 },
      { header: "Task", key: "name", width: 48 },
      { header: "Owner", key: "owner", width: 22 },
      { header: "Start", key: "start", width: 12, date: true },
      { header: "Due", key: "due", width: 12, date: true },
      { header: "Status", key: "status", width: 14 },
      { header: "Depends On", key: "dependsOn", width: 30 },
      { header: "Callbook ID", key: "callbookId", width: 38 },
    ],
    rows: tasks.map((k) => {
      const dep = k.dependsOnTaskId ? byId.get(k.dependsOnTaskId) : undefined;
      return {
        ref: k.externalRef,
        name: k.name,
        owner: k.ownerId ? (names.get(k.ownerId) ?? null) : null,
        start: asDate(k.startDate),
        due: asDate(k.dueDate),
        status: taskStatusLabels[k.status],
        dependsOn: dep ? (dep.externalRef ?? dep.name) : null,
        callbookId: k.id,
      };
    }),
  };
}

async function raidSheet(db: Db, tenantId: string, projectId: string): Promise<SheetSpec> {
  const [items, names, meetings] = await Promise.all([
    db
      .select()
      .from(t.raidItems)
      .where(and(eq(t.raidItems.tenantId, tenantId), eq(t.raidItems.projectId, projectId), internalOnlyWall(t.raidItems.internalOnly)))
      .orderBy(sql`${t.raidItems.dueDate} asc nulls last`, asc(t.raidItems.title), asc(t.raidItems.id)),
    peopleNames(db, tenantId),
    db.select({ id: t.meetings.id, subject: t.meetings.subject }).from(t.meetings).where(and(eq(t.meetings.tenantId, tenantId), eq(t.meetings.projectId, projectId))),
  ]);
  const subjects = new Map(meetings.map((m) => [m.id, m.subject]));
  return {
    name: "RAID log",
    columns: [
      { header: "Type", key: "kind", width: 10 },
      { header: "Title", key: "title", width: 52 },
      { header: "Description", key: "description", width: 40 },
      { header: "Owner", key: "owner", width: 22 },
      { header: "Due Date", key: "due", width: 12, date: true },
      { header: "Status", key: "status", width: 10 },
      { header: "Area", key: "area", width: 12 },
      { header: "Raised In", key: "raisedIn", width: 30 },
      { header: "Callbook ID", key: "callbookId", width: 38 },
    ],
    rows: items.map((r) => ({
      kind: raidKindLabels[r.kind],
      title: r.title,
      description: r.description,
      owner: r.ownerId ? (names.get(r.ownerId) ?? null) : null,
      due: asDate(r.dueDate),
      status: raidStatusLabels[r.status],
      area: r.area,
      raisedIn: r.raisedInMeetingId ? (subjects.get(r.raisedInMeetingId) ?? null) : null,
      callbookId: r.id,
    })),
  };
}

async function integrationSummarySheet(db: Db, tenantId: string, projectId: string): Promise<SheetSpec> {
  const [project] = await db
    .select({ summary: t.projects.integrationSummary })
    .from(t.projects)
    .where(and(eq(t.projects.tenantId, tenantId), eq(t.projects.id, projectId)));
  const summary = project?.summary ?? {};
  return {
    name: "Integration summary",
    columns: [
      { header: "Field", key: "field", width: 32 },
      { header: "Value", key: "value", width: 60 },
      { header: "Status", key: "status", width: 10 },
    ],
    rows: integrationSummaryFields.map(({ key, label }) => {
      const value = (summary[key] ?? "").trim();
      return { field: label, value: value || null, status: value === "" ? "Missing" : value.toUpperCase() === "N/A" ? "N/A" : "Filled" };
    }),
  };
}

/**
 * The sheet as an .xlsx workbook (one frozen header row, dates formatted yyyy-mm-dd). exceljs is
 * loaded on the first export, not at start: it is some 20 MB of RSS an idle server does not need.
 */
export async function toXlsx(spec: SheetSpec): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Callbook";
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = spec.columns.map((c) => ({ header: c.header, key: c.key, width: c.width, ...(c.date ? { style: { numFmt: "yyyy-mm-dd" } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of spec.rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** CSV with dates as 2026-12-31; a cell a spreadsheet would run as a formula gets a leading '. */
export function toCsv(spec: SheetSpec): string {
  const text = (v: ExportCell) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null ? "" : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  return stringify(
    spec.rows.map((r) => spec.columns.map((c) => text(r[c.key] ?? null))),
    { header: true, columns: spec.columns.map((c) => c.header), bom: true },
  );
}
