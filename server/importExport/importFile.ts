import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import * as t from "../db/tables";
import { AppError } from "../errors";
import { projectPeople, recordAudit, type Scope, type Tx } from "../services/workspace/projectScope";
import { mappingFor, MappingProblem, type ImportKind } from "./layouts";
import { UnreadableFile, type Table } from "./table";
import type { ImportMappingStore } from "./mappingStore";
import type { ImportQuestion, ImportReport } from "./importReport";
import { planTasks, type TaskPlan } from "./planTasks";
import { planRaid, type RaidPlan } from "./planRaid";
import { decideDateOrder, type DateOrder } from "./parseDates";
import { defaultImportLimits, ImportLimitExceeded, type ImportLimits } from "./importLimits";
import { sharedTablePool, type TablePool } from "./tablePool";

const CHUNK = 500;

/** What an import runs with: the caps, and the worker pool that reads files. */
export interface ImportRuntime {
  limits: ImportLimits;
  pool: TablePool;
}
export const defaultImportRuntime = (): ImportRuntime => ({ limits: defaultImportLimits, pool: sharedTablePool() });

/**
 * Projects with an import running in this process: at most one each (409 for a second). Across
 * instances on PostgreSQL the write also takes a transaction-scoped advisory lock on the same key
 * (`importWriteLock`), so two instances never write one project's import at once.
 */
const running = new Set<string>();

/** The advisory-lock key of one project's import writes (hashed by PostgreSQL to a bigint). */
export const importLockKey = (tenantId: string, projectId: string): string => `callbook-import:${tenantId}:${projectId}`;

/**
 * Takes the project's import lock for the rest of `tx`, or throws AppError 409 when another
 * transaction (on any instance) holds it: the second import is refused rather than queued behind
 * the first, because its plan was made before the first one's rows existed.
 */
async function importWriteLock(tx: Tx, key: string): Promise<void> {
  const got = (await tx.execute(sql`select pg_try_advisory_xact_lock(hashtextextended(${key}, 0)) as ok`)) as unknown as { rows: { ok: boolean }[] };
  if (got.rows[0]?.ok !== true) throw importRunning();
}

const importRunning = () => new AppError(409, "import_running", "An import into this project is already running: try again when it has finished");

/**
 * Reads the file (in a worker, under the limits), plans the import and, unless it is a dry run,
 * writes it in one transaction: every row or none. A file with refused rows, or with a question
 * not yet answered, is not written at all.
 * Throws AppError 400 (unreadable file, unknown columns), 409 (an import of this project is
 * running), 413/422 (a limit, named), 422 (refused rows or an unanswered question).
 */
export async function importFile(
  s: Scope,
  mappings: ImportMappingStore,
  input: { kind: ImportKind; filename: string; body: Buffer; dryRun: boolean; dateOrder?: DateOrder | undefined },
  runtime: ImportRuntime = defaultImportRuntime(),
): Promise<ImportReport> {
  const key = `${s.ctx.tenantId}:${s.project.id}`;
  if (running.has(key)) throw importRunning();
  running.add(key);
  try {
    return await importLocked(s, mappings, input, runtime);
  } finally {
    running.delete(key);
  }
}

async function importLocked(
  s: Scope,
  mappings: ImportMappingStore,
  input: { kind: ImportKind; filename: string; body: Buffer; dryRun: boolean; dateOrder?: DateOrder | undefined },
  runtime: ImportRuntime,
): Promise<ImportReport> {
  const { kind, filename } = input;
  let table: Table;
  try {
    table = await runtime.pool.read(input.body, filename, runtime.limits);
  } catch (e) {
    if (e instanceof UnreadableFile) throw new AppError(400, "validation_failed", `file: ${e.message}`, { fields: [`file: ${e.message}`] });
    if (e instanceof ImportLimitExceeded) throw new AppError(e.status, e.status === 413 ? "import_too_large" : "import_limit", e.message, { fields: [e.message] });
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
  const columns = detected.mapping.columns;
  const dateHeaders = [columns.startDate, columns.dueDate].filter((h): h is string => h !== undefined);
  const dates = decideDateOrder(
    (function* () {
      for (const r of table.rows) for (const h of dateHeaders) yield r.cells.get(h) ?? null;
    })(),
    input.dateOrder ?? null,
    detected.mappingFrom === "saved" ? (saved?.dateFormat ?? null) : null,
  );
  const mapping = { ...detected.mapping, dateFormat: dates.order ?? detected.mapping.dateFormat };
  const questions: ImportQuestion[] =
    dates.decidedBy === "undecided"
      ? [
          {
            id: "dateOrder",
            question: dates.conflict
              ? `The dates mix orders: ${dates.conflict.dmyOnly} only reads day first, ${dates.conflict.mdyOnly} only month first. Which order does this file use?`
              : `Every date in this file reads both ways (${dates.example ?? ""}). Which comes first?`,
            answers: [
              { value: "dmy", label: "Day first (31/12/2026)" },
              { value: "mdy", label: "Month first (12/31/2026)" },
            ],
          },
        ]
      : [];
  const base = {
    kind,
    filename,
    layout: detected.layout,
    mappingFrom: detected.mappingFrom,
    mapping,
    source: table.source,
    dates: { order: dates.order, decidedBy: dates.decidedBy, example: dates.example },
    predecessorsBy: detected.predecessors,
    questions,
    lineLimit: runtime.limits.reportLines,
    applied: false,
  };
  if (questions.length) {
    const report: ImportReport = { ...base, add: [], update: [], unchanged: 0, reject: [], links: [], counts: { add: 0, update: 0, unchanged: 0, reject: 0, links: 0 } };
    if (input.dryRun) return report;
    throw new AppError(422, "import_question", "Answer the question about the file's dates first (check the file again). Nothing was imported.", { report });
  }
  const people = (await projectPeople(s.db, s.ctx.tenantId, s.project.id)).map((p) => ({ id: p.id, name: p.name, email: p.email }));
  const inProject = <T extends typeof t.tasks | typeof t.raidItems>(table: T) => and(eq(table.tenantId, s.ctx.tenantId), eq(table.projectId, s.project.id));
  const plan: TaskPlan | RaidPlan =
    kind === "tasks"
      ? planTasks({
          table,
          mapping,
          predecessorMode: detected.predecessors,
          dateOrder: dates.order,
          people,
          existing: await s.db.select(taskColumns).from(t.tasks).where(inProject(t.tasks)),
          newId: randomUUID,
        })
      : planRaid(table, mapping, dates.order, people, await s.db.select(raidColumns).from(t.raidItems).where(inProject(t.raidItems)), randomUUID);
  const cap = <T>(list: T[]) => list.slice(0, runtime.limits.reportLines);
  const report: ImportReport = {
    ...base,
    add: cap(plan.add),
    update: cap(plan.update),
    unchanged: plan.unchanged,
    reject: cap(plan.reject),
    links: cap(plan.links),
    counts: { add: plan.add.length, update: plan.update.length, unchanged: plan.unchanged, reject: plan.reject.length, links: plan.links.length },
  };
  if (input.dryRun) return report;
  if (plan.reject.length) {
    const n = plan.reject.length;
    throw new AppError(422, "import_rejected", `${n} row${n === 1 ? " is" : "s are"} refused: fix the file and import again. Nothing was imported.`, { report });
  }
  try {
    await s.db.transaction(async (tx) => {
      await importWriteLock(tx, importLockKey(s.ctx.tenantId, s.project.id));
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
  await mappings.set(s.ctx.tenantId, s.project.id, kind, mapping);
  if (plan.add.length >= ANALYZE_AFTER_ROWS) await refreshPlannerStatistics(s, kind);
  return { ...report, applied: true };
}

/** Rows added by one import from which the table's planner statistics are refreshed at once. */
export const ANALYZE_AFTER_ROWS = 500;

/**
 * ANALYZE of the imported table after a bulk load. PGlite has no autovacuum, so without it the
 * planner keeps the empty table's statistics and picks sequential scans: the agenda after a
 * 100,000-row import took 372 ms instead of 50 ms (bench/profileHotPath.ts, issue 19). On
 * PostgreSQL autovacuum would catch up later; doing it now costs one pass over the table.
 * A failure here is logged by the caller's request log only; the import itself is already saved.
 */
async function refreshPlannerStatistics(s: Scope, kind: ImportKind): Promise<void> {
  try {
    await s.db.execute(sql.raw(kind === "tasks" ? "analyze tasks" : "analyze raid_items"));
  } catch {
    // Statistics are an optimisation: the saved import stands.
  }
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
  predecessors: t.tasks.predecessors,
  predecessorLinks: t.tasks.predecessorLinks,
  parentTaskId: t.tasks.parentTaskId,
  outlineLevel: t.tasks.outlineLevel,
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
