import type { AppDeps } from "../../appDeps";
import { jobDefinitions, type JobName, type JobsOptions, type RunningJobs } from "./startJobs";

// The embedded database (PGlite) is one process per data folder, so there is no second instance
// to coordinate with: the same job handlers run from a timer in this process every 15 minutes, and
// once at start: a restarted server sends what became owed while it was down (digests, Planner
// sync) at once instead of at its first tick up to 15 minutes later. A run cut short by kill -9 is
// simply run again at that start; the handlers' unique keys (a digest's (person, local date) on
// outbox_items) keep that from sending twice.
// pg-boss itself runs on PGlite (test/server/jobs), but shares its single connection with the
// app; the server uses it on PostgreSQL only.

const PERIOD_MS = 15 * 60_000;

/** Runs every job once now, then starts the timer; `enqueue` runs a job now. Failures are logged and retried at the next tick. */
export function startInProcessJobs(deps: AppDeps, options: JobsOptions): RunningJobs {
  const running = new Set<Promise<unknown>>();
  const run = (name: JobName): Promise<string | null> => {
    const p = jobDefinitions[name]
      .run(deps, deps.clock(), options)
      .then((result) => deps.logger.info({ job: name, ...result }, "job done"))
      .catch((e: unknown) => deps.logger.error({ job: name, err: { message: e instanceof Error ? e.message : String(e) } }, "job failed; retried at the next tick"))
      .finally(() => running.delete(p));
    running.add(p);
    return p.then(() => null);
  };
  const runAll = () => {
    for (const name of Object.keys(jobDefinitions) as JobName[]) void run(name);
  };
  runAll();
  const timer = setInterval(runAll, PERIOD_MS);
  timer.unref();
  return {
    enqueue: run,
    stop: async () => {
      clearInterval(timer);
      await Promise.allSettled([...running]);
    },
  };
}
