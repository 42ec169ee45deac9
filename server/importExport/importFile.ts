import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import * as t from "../db/tables";
import { AppError } from "../errors";
import { projectPeople, recordAudit, type Scope, type Tx } from "../services/workspace/projectScope";
import { mappingFor, MappingProblem, type ImportKind } from "./layouts";
import { readTable, UnreadableFile, type Table } from "./readTable";
import type { ImportMappingStore } from "./mappingStore";
import type { ImportReport } from "./importReport";
import { planTasks, type TaskPlan } from "./planTasks";
import { planRaid, type RaidPlan } from "./planRaid";

const CHUNK = 500;

/**
 * Reads the file, plans the import and, unless it is a dry run, writes it in one transaction:
 * every row or none. A file with refused rows is not written at all.
 */
export async function importFile(
  s: Scope,
  mappings: ImportMappingStore,
  input: { kind: ImportKind; filename: string; body: Buffer; dryRun: boolean },
): Promise<ImportReport> {
  const { kind, filename } = input;
  let table: Table;
  try {
    table = await readTable(input.body, filename);
  } catch (e) {
    if (e instanceof UnreadableFile) throw new AppError(400, "validation_failed", `file: ${e.message}`, { fields: [`file: ${e.message}`] });
    throw e;
  }
  const saved = await mappings.get(s.ctx.tenantId, s.project.id, kind);
  let detected: ReturnType<typeof mappingFor>;
  try {
    detected = mappingFor(kind, table, saved);
  } catch (e) {
    if (e instanceof MappingProblem) throw new AppError(400, "validation_failed", e.message, { fields: e.fields });
    throw e;
  }
  const people = (await projectPeople(s.db, s.ctx.tenantId, s.project.id)).map((p) => ({ id: p.id, name: p.name, email: p.email }));
  const inProject = <T extends typeof t.tasks | typeof t.raidItems>(table: T) => and(eq(table.tenantId, s.ctx.tenantId), eq(table.projectId, s.project.id));
  const plan: TaskPlan | RaidPlan =
    kind === "tasks"
      ? planTasks(table, detected.mapping, people, await s.db.select(taskColumns).from(t.tasks).where(inProject(t.tasks)), randomUUID)
      : planRaid(table, detected.mapping, people, await s.db.select(raidColumns).from(t.raidItems).where(inProject(t.raidItems)), randomUUID);
  const report: ImportReport = {
    kind,
    filename,
    layout: detected.layout,
    mapping: detected.mapping,
    add: plan.add,
    update: plan.update,
    unchanged: plan.unchanged,
    reject: plan.reject,
    applied: false,
  };
  if (input.dryRun) return report;
  if (plan.reject.length) {
    const n = plan.reject.length;
    throw new AppError(422, "import_rejected", `${n} row${n === 1 ? " is" : "s are"} refused: fix the file and import again. Nothing was imported.`, { report });
  }
  try {
    await s.db.transaction(async (tx) => {
      if (kind === "tasks") await writeTasks(tx, s, plan as TaskPlan);
      else await writeRaid(tx, s, plan as RaidPlan);
      await recordAudit(tx, s, {
        entity: "import",
        entityId: s.project.id,
        action: `${kind}_imported`,
        before: null,
        after: { filename, layout: detected.layout, added: plan.add.length, updated: plan.update.length, unchanged: plan.unchanged },
      });
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    // The cause (a database error) is for the log, not the client.
    throw Object.assign(new AppError(500, "import_failed", "The import failed and nothing was saved"), { cause: e });
  }
  await mappings.set(s.ctx.tenantId, s.project.id, kind, detected.mapping);
  return { ...report, applied: true };
}

const taskColumns = {
  id: t.tasks.id,
  name: t.tasks.name,
  ownerId: t.tasks.ownerId,
  startDate: t.tasks.startDate,
  dueDate: t.tasks.dueDate,
  status: t.tasks.status,
  dependsOnTaskId: t.tasks.dependsOnTaskId,
  externalRef: t.tasks.externalRef,
};
const raidColumns = {
  id: t.raidItems.id,
  kind: t.raidItems.kind,
  title: t.raidItems.title,
  description: t.raidItems.description,
  ownerId: t.raidItems.ownerId,
  dueDate: t.raidItems.dueDate,
  status: t.raidItems.status,
};

async function writeTasks(tx: Tx, s: Scope, plan: TaskPlan): Promise<void> {
  const now = s.now.toISOString();
  for (const u of plan.updates) {
    await tx
      .update(t.tasks)
      .set({ ...u.set, version: sql`${t.tasks.version} + 1`, updatedAt: now })
      .where(and(eq(t.tasks.tenantId, s.ctx.tenantId), eq(t.tasks.id, u.id)));
  }
  for (let i = 0; i < plan.inserts.length; i += CHUNK) {
    const rows = plan.inserts.slice(i, i + CHUNK).map((r) => ({ ...r, tenantId: s.ctx.tenantId, projectId: s.project.id, updatedAt: now }));
    await tx.insert(t.tasks).values(rows);
  }
}

async function writeRaid(tx: Tx, s: Scope, plan: RaidPlan): Promise<void> {
  const now = s.now.toISOString();
  for (const u of plan.updates) {
    await tx
      .update(t.raidItems)
      .set({
        ...u.set,
        ...(u.set.status === "closed" ? { closedAt: now } : u.set.status === "open" ? { closedAt: null } : {}),
        version: sql`${t.raidItems.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(t.raidItems.tenantId, s.ctx.tenantId), eq(t.raidItems.id, u.id)));
  }
  for (let i = 0; i < plan.inserts.length; i += CHUNK) {
    const rows = plan.inserts.slice(i, i + CHUNK).map((r) => ({
      ...r,
      tenantId: s.ctx.tenantId,
      projectId: s.project.id,
      createdBy: s.ctx.name,
      createdAt: now,
      updatedAt: now,
      closedAt: r.status === "closed" ? now : null,
      decidedBy: r.kind === "decision" ? s.ctx.name : null,
      decidedAt: r.kind === "decision" ? now : null,
    }));
    await tx.insert(t.raidItems).values(rows);
  }
}
