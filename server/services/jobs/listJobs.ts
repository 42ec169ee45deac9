import type { Database } from "../../db/database";
import { JOBS_SCHEMA } from "./startJobs";

export interface JobDto {
  id: string;
  name: string;
  state: string;
  retryCount: number;
  retryLimit: number;
  startAfter: string | null;
  startedOn: string | null;
  completedOn: string | null;
  /** pg-boss's stored failure (message only; no stack, no job data). */
  error: string | null;
}

export interface JobsView {
  running: boolean;
  due: JobDto[];
  failed: JobDto[];
}

const iso = (v: unknown): string | null => (v instanceof Date ? v.toISOString() : typeof v === "string" ? new Date(v).toISOString() : null);

/** Jobs waiting to run (created, retry, active) and jobs that failed for good, newest first, at most 100 each. */
export async function listJobs(database: Database): Promise<JobsView> {
  const exec = database.executeSql;
  if (!exec) return { running: false, due: [], failed: [] };
  const installed = await exec(`select 1 from information_schema.tables where table_schema = $1 and table_name = 'job'`, [JOBS_SCHEMA]);
  if (installed.rows.length === 0) return { running: false, due: [], failed: [] };
  const query = (states: string[]) =>
    exec(
      `select id, name, state, retry_count, retry_limit, start_after, started_on, completed_on, output
         from ${JOBS_SCHEMA}.job where state::text = any($1::text[]) order by created_on desc limit 100`,
      [states],
    );
  const [due, failed] = await Promise.all([query(["created", "retry", "active"]), query(["failed"])]);
  const dto = (r: Record<string, unknown>): JobDto => {
    const output = r.output as { message?: unknown } | null;
    return {
      id: String(r.id),
      name: String(r.name),
      state: String(r.state),
      retryCount: Number(r.retry_count),
      retryLimit: Number(r.retry_limit),
      startAfter: iso(r.start_after),
      startedOn: iso(r.started_on),
      completedOn: iso(r.completed_on),
      error: output && typeof output.message === "string" ? output.message : null,
    };
  };
  return { running: true, due: due.rows.map(dto), failed: failed.rows.map(dto) };
}
