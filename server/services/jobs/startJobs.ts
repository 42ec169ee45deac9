import type { AppDeps } from "../../appDeps";
import { sendDueDigests, type DigestRunOptions } from "../reminders/sendDueDigests";
import { syncAllPlanners } from "../planner/pollPlanner";

// Durable jobs (issue 17 §3) on pg-boss 10 (the last line that runs on Node 20), in the same
// database as the data: PostgreSQL, or the embedded PGlite through `Database.executeSql`.
// pg-boss gives durability (jobs are rows: they survive kill -9; an active job whose process died
// expires and is retried), one worker per job across instances (SKIP LOCKED; one cron job per
// tick), retries with backoff, and failed jobs kept for the admin view. It runs a job at least
// once: exactly-once effects come from each handler's own unique keys (a digest's
// (person, local date) key on outbox_items).

export const JOBS_SCHEMA = "pgboss";

/** Every job: its cron (UTC) and its handler, driven by `now` so tests call it with the settable clock. */
export const jobDefinitions = {
  "reminder-digests": {
    cron: "*/15 * * * *",
    run: (deps: AppDeps, now: Date, options: DigestRunOptions) => sendDueDigests(deps, now, options),
  },
  /** Issue 17 §4: Planner has no v1.0 change notifications, so every plan is polled every 15 minutes. */
  "planner-sync": {
    cron: "*/15 * * * *",
    run: (deps: AppDeps, now: Date, _options: DigestRunOptions) => syncAllPlanners(deps, now),
  },
} as const;
export type JobName = keyof typeof jobDefinitions;

export interface RunningJobs {
  /** Queues a run of `name` now (as the cron does); resolves to the job id. */
  enqueue(name: JobName): Promise<string | null>;
  stop(): Promise<void>;
}

export interface JobsOptions extends DigestRunOptions {
  /** Seconds between polls for due jobs (default 30). */
  pollingIntervalSeconds?: number;
  /** Tries after the first failure (default 5) and the first delay in seconds (default 60, doubling). */
  retryLimit?: number;
  retryDelay?: number;
}

/**
 * Installs pg-boss's schema (once, under its own advisory lock), creates the queues with retry
 * (5 tries, 60 s doubling), schedules the crons and starts one worker per queue. Throws when the
 * database has no `executeSql` (a test fake). pg-boss is loaded here, not at start: the embedded
 * database runs the same handlers from a timer (startInProcessJobs) and never needs it.
 */
export async function startJobs(deps: AppDeps, options: JobsOptions): Promise<RunningJobs> {
  const executeSql = deps.database.executeSql;
  if (!executeSql) throw new Error("startJobs: the database offers no executeSql");
  const { default: PgBoss } = await import("pg-boss");
  const boss = new PgBoss({ db: { executeSql }, schema: JOBS_SCHEMA });
  boss.on("error", (e: Error) => deps.logger.error({ err: { message: e.message } }, "job runner error"));
  await boss.start();
  for (const [name, def] of Object.entries(jobDefinitions) as [JobName, (typeof jobDefinitions)[JobName]][]) {
    await boss.createQueue(name, { name, retryLimit: options.retryLimit ?? 5, retryDelay: options.retryDelay ?? 60, retryBackoff: true, expireInSeconds: 15 * 60 });
    await boss.schedule(name, def.cron, {}, { tz: "UTC" });
    await boss.work(name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 30 }, async (jobs) => {
      for (const job of jobs) {
        deps.logger.info({ job: name, jobId: job.id }, "job started");
        const result = await def.run(deps, deps.clock(), options);
        deps.logger.info({ job: name, jobId: job.id, ...result }, "job done");
      }
    });
  }
  // A job cut short is retried after it expires (at least once; its handler's unique keys make that safe).
  return { enqueue: (name) => boss.send(name, {}), stop: () => boss.stop({ graceful: false, wait: true, timeout: 3_000 }) };
}
