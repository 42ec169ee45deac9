import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import PgBoss from "pg-boss";
import { startServer, type RunningServer } from "../support/serverProcess";
import { createScratchPostgres } from "../support/testDatabase";
import { demoId } from "../../server/db/demo/seedDemo";
import { DEMO_TENANT_ID } from "../../server/db/demo/demoPeople";
import { printTable } from "./support/printTable";

// Drill (issue 17 §3): two instances of `npm start`'s server on one PostgreSQL database, pg-boss
// jobs on. 600 extra owners have a past-due action, so Monday's digest run takes a while. The
// digest job is queued as the cron would queue it; the instance that picked it up is killed with
// SIGKILL part-way through. The next run (queued again, as the next tick would) goes to the
// survivor; then the killed instance is restarted and a third run is queued. Afterwards every
// owner has exactly one digest for the day: zero duplicates, zero missing, none left half-sent.

const OWNERS = 600;
const DAY = "2026-11-23";
const NOW = `${DAY}T14:00:00Z`; // a Monday, 09:00 in New York
const JOB = "reminder-digests";

/** Polls `check` every 50 ms for up to `ms` (a slow shared machine). */
async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, ms = 150_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface JobLine {
  msg: string;
  jobId?: string;
  sent?: number;
  alreadySent?: number;
}
const jobLines = (s: RunningServer): JobLine[] =>
  s.logs
    .join("")
    .split("\n")
    .filter((l) => l.includes('"job'))
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as JobLine];
      } catch {
        return [];
      }
    });
const startedJob = (s: RunningServer, id: string) => jobLines(s).some((l) => l.msg === "job started" && l.jobId === id);
const doneJob = (s: RunningServer, id: string) => jobLines(s).find((l) => l.msg === "job done" && l.jobId === id);

describe.skipIf(!process.env.TEST_DATABASE_URL)("drill: digests across two instances, one killed mid-run", () => {
  const servers: RunningServer[] = [];
  let dropDb: (() => Promise<void>) | null = null;
  let client: pg.Client | null = null;
  afterAll(async () => {
    await client?.end().catch(() => undefined);
    for (const s of servers) if (s.proc.exitCode === null && s.proc.signalCode === null) await s.stop("SIGINT");
    await dropDb?.();
  });

  it("sends exactly one digest per owner for the day: zero duplicates, zero missing", { timeout: 600_000 }, async () => {
    const scratch = await createScratchPostgres();
    dropDb = scratch.drop;
    const env = { DATABASE_URL: scratch.url, CALLBOOK_NOW: NOW, JOBS_POLL_SECONDS: "1", LINK_SECRET: "drill-link-secret-drill-link-secret!", LOG_LEVEL: "info" };
    const start = async () => {
      const s = await startServer(env);
      servers.push(s);
      await until("jobs to start", async () => s.logs.join("").includes('"msg":"jobs started"'));
      return s;
    };
    const a = await start();

    client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    const db = client;
    const projectId = demoId("project", DEMO_TENANT_ID);
    await db.query(
      `insert into people (id, tenant_id, name, email, organisation)
         select gen_random_uuid(), $1, 'Drill owner ' || g, 'owner' || g || '@drill.example', 'customer' from generate_series(1, $2::int) g`,
      [DEMO_TENANT_ID, OWNERS],
    );
    await db.query(
      `insert into raid_items (id, tenant_id, project_id, kind, title, owner_id, due_date, status)
         select gen_random_uuid(), $1, $2, 'action', 'Drill action of ' || name, id, '2026-11-20', 'open' from people where email like '%@drill.example'`,
      [DEMO_TENANT_ID, projectId],
    );
    const b = await start();

    // Queue the job as pg-boss's cron does (a client with no worker, no cron, no maintenance).
    const boss = new PgBoss({ connectionString: scratch.url, schema: "pgboss", supervise: false, schedule: false });
    boss.on("error", () => undefined);
    await boss.start();
    const enqueue = async () => (await boss.send(JOB, {})) ?? "";
    const digests = async () =>
      (
        await db.query<{ status: string; n: string }>(
          `select status, count(*) as n from outbox_items where reminder_local_date = $1 and reminder_person_id is not null group by status`,
          [DAY],
        )
      ).rows.reduce<Record<string, number>>((m, r) => ({ ...m, [r.status]: Number(r.n) }), {});

    try {
      const first = await enqueue();
      const runner = await until("an instance to pick up the run", async () => [a, b].find((s) => startedJob(s, first)));
      const survivor = runner === a ? b : a;
      // Kill the runner part-way: once a quarter of the owners have their digest.
      await until("a quarter of the digests", async () => ((await digests()).sent ?? 0) >= OWNERS / 4, 120_000);
      runner.proc.kill("SIGKILL");
      await runner.exited;
      const atKill = await digests();
      const killedJob = (await db.query<{ state: string }>(`select state::text as state from pgboss.job where id = $1`, [first])).rows[0]?.state ?? "?";

      // The next tick: the survivor runs it.
      const second = await enqueue();
      const secondDone = await until("the survivor's run", async () => doneJob(survivor, second));
      const afterSecond = await digests();

      // The killed instance comes back; a later tick finds nothing left to send.
      const restarted = await start();
      const third = await enqueue();
      const thirdDone = await until("a run after the restart", async () => doneJob(survivor, third) ?? doneJob(restarted, third));
      const final = await digests();

      const dupes = Number((await db.query(`select count(*) as n from (select reminder_person_id from outbox_items where reminder_local_date = $1 and reminder_person_id is not null group by tenant_id, reminder_person_id having count(*) > 1) d`, [DAY])).rows[0]?.n ?? 0);
      const missing = Number(
        (
          await db.query(
            `select count(*) as n from people p where p.email like '%@drill.example'
               and not exists (select 1 from outbox_items o where o.reminder_person_id = p.id and o.reminder_local_date = $1 and o.status = 'sent')`,
            [DAY],
          )
        ).rows[0]?.n ?? 0,
      );
      const mails = Number((await db.query(`select count(*) as n from outbox_items where reminder_local_date = $1 and reminder_person_id is not null and raw is not null`, [DAY])).rows[0]?.n ?? 0);

      printTable(`Digest drill: 2 instances on PostgreSQL, ${OWNERS} extra owners, the runner killed with SIGKILL mid-run`, [
        ["moment", "sent", "claimed, not sent", "note"],
        ["at the kill", atKill.sent ?? 0, atKill.sending ?? 0, `killed the instance that ran job 1; job 1 left "${killedJob}" (retried by pg-boss once it expires)`],
        ["after run 2 (survivor)", afterSecond.sent ?? 0, afterSecond.sending ?? 0, `run 2: sent ${secondDone.sent ?? "?"} new, ${secondDone.alreadySent ?? "?"} already there (a half-sent one is re-sent under its id)`],
        ["after run 3 (after restart)", final.sent ?? 0, final.sending ?? 0, `run 3: sent ${thirdDone.sent ?? "?"}, ${thirdDone.alreadySent ?? "?"} already there`],
      ]);
      process.stdout.write(`  duplicate digests (same person, same local date): ${dupes}\n  drill owners with no sent digest: ${missing} of ${OWNERS}\n  digests with a stored e-mail: ${mails}\n`);

      expect(atKill.sent ?? 0).toBeLessThan(OWNERS);
      expect(dupes).toBe(0);
      expect(missing).toBe(0);
      expect(final.sending ?? 0).toBe(0);
      expect(thirdDone.sent).toBe(0);
      expect(mails).toBe(final.sent);
    } finally {
      await boss.stop({ graceful: false, wait: true, timeout: 3_000 }).catch(() => undefined);
    }
  });
});
