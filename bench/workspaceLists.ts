// API latency of the workspace's paged lists (RAID log, schedule) at a small and a large size:
// `node --import tsx bench/workspaceLists.ts` (PGlite), and on PostgreSQL too when
// BENCH_DATABASE_URL or TEST_DATABASE_URL is set. Prints p50/p95 per list and the large/small
// ratio, first with the schema's indexes, then with the keyset indexes the lists need.
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { openDatabase, type Database } from "../server/db/database";
import { migrate } from "../server/db/migrate";
import { demoId, seedDemo } from "../server/db/demo/seedDemo";
import { DEMO_TENANT_ID } from "../server/db/demo/demoPeople";
import { buildTestApp, devAuth } from "../test/support/testApp";
import { createScratchPostgres } from "../test/support/testDatabase";
import { TEST_NOW } from "../test/support/constants";

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 120);
const sizes = { raid: [100, 10_000], tasks: [100, 100_000] } as const;
/** The indexes the keyset pages want (proposed for server/db/schema.ts). */
const keysetIndexes = [
  "create index if not exists tasks_project_due_idx on tasks (tenant_id, project_id, due_date, id)",
  "create index if not exists raid_project_due_idx on raid_items (tenant_id, project_id, due_date, id)",
];

async function addProject(database: Database, rows: number, table: "tasks" | "raid_items"): Promise<string> {
  const projectId = randomUUID();
  const dana = demoId("person_dana");
  await database.rawTransaction(async (run) => {
    await run("insert into projects (id, tenant_id, name, customer_name) values ($1, $2, $3, 'Bench customer')", [projectId, DEMO_TENANT_ID, `Bench ${table} ${rows}`]);
    await run("insert into project_members (id, tenant_id, project_id, person_id, role) values ($1, $2, $3, $4, 'pm')", [randomUUID(), DEMO_TENANT_ID, projectId, dana]);
    // One statement per table: row-at-a-time inserts are ~100x slower here.
    if (table === "tasks") {
      await run(
        `insert into tasks (id, tenant_id, project_id, name, owner_id, start_date, due_date, status)
         select gen_random_uuid(), $1, $2, 'Task ' || i, $3, date '2026-01-01' + (i % 600), case when i % 20 = 0 then null else date '2026-01-05' + (i % 700) end,
                (array['not_started','in_progress','blocked','done'])[1 + i % 4]
         from generate_series(1, $4::int) i`,
        [DEMO_TENANT_ID, projectId, dana, rows],
      );
    } else {
      await run(
        `insert into raid_items (id, tenant_id, project_id, kind, title, owner_id, due_date, status)
         select gen_random_uuid(), $1, $2, (array['risk','action','issue','decision'])[1 + i % 4], 'Item ' || i, $3,
                case when i % 10 = 0 then null else date '2026-01-05' + (i % 700) end, case when i % 3 = 0 then 'closed' else 'open' end
         from generate_series(1, $4::int) i`,
        [DEMO_TENANT_ID, projectId, dana, rows],
      );
    }
    await run(`analyze ${table}`);
  });
  return projectId;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

/** Requests page 1, then follows nextCursor (restarting at the end), so deep pages count as much as the first. */
async function measure(base: string, path: string): Promise<number[]> {
  const auth = devAuth("dana");
  const times: number[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < SAMPLES + 5; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}${path}${cursor ? `&cursor=${cursor}` : ""}`, { headers: { Authorization: auth } });
    const body = (await res.json()) as { items: unknown[]; nextCursor: string | null };
    const ms = performance.now() - t0;
    if (res.status !== 200 || body.items.length === 0) throw new Error(`${path}: ${res.status}`);
    if (i >= 5) times.push(ms);
    cursor = body.nextCursor;
  }
  return times;
}

async function benchOne(label: string, database: Database): Promise<void> {
  const app = buildTestApp(database, { now: TEST_NOW });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/projects`;
  const t0 = performance.now();
  const projects = {
    raid: await Promise.all(sizes.raid.map((n) => addProject(database, n, "raid_items"))),
    tasks: await Promise.all(sizes.tasks.map((n) => addProject(database, n, "tasks"))),
  };
  console.log(`\n${label}: loaded ${sizes.raid.join(" + ")} RAID items and ${sizes.tasks.join(" + ")} tasks in ${Math.round(performance.now() - t0)} ms`);
  const lists = [
    { name: "RAID, all", kind: "raid" as const, query: "raid?limit=50" },
    { name: "RAID, open", kind: "raid" as const, query: "raid?limit=50&status=open" },
    { name: "tasks, all", kind: "tasks" as const, query: "tasks?limit=50" },
    { name: "tasks, in progress", kind: "tasks" as const, query: "tasks?limit=50&status=in_progress" },
  ];
  for (const indexes of ["schema indexes only", "with keyset indexes"]) {
    if (indexes === "with keyset indexes") {
      await database.rawTransaction(async (run) => {
        for (const s of keysetIndexes) await run(s);
        await run("analyze tasks");
        await run("analyze raid_items");
      });
    }
    console.log(`  ${indexes}`);
    console.log(`    ${"list".padEnd(20)} ${"size".padStart(8)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}   large/small p50`);
    for (const list of lists) {
      const [small, large] = projects[list.kind];
      const [nSmall, nLarge] = sizes[list.kind];
      const a = await measure(base, `/${small}/${list.query}`);
      const b = await measure(base, `/${large}/${list.query}`);
      const row = (n: number, xs: number[]) => `${String(n).padStart(8)} ${pct(xs, 50).toFixed(2).padStart(8)} ${pct(xs, 95).toFixed(2).padStart(8)}`;
      console.log(`    ${list.name.padEnd(20)} ${row(nSmall, a)}`);
      console.log(`    ${"".padEnd(20)} ${row(nLarge, b)}   ×${(pct(b, 50) / pct(a, 50)).toFixed(2)}`);
    }
  }
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
}

async function main(): Promise<void> {
  const pglite = await openDatabase({ dataDir: "memory://" });
  await migrate(pglite);
  await seedDemo(pglite, { now: TEST_NOW });
  await benchOne("PGlite (embedded)", pglite);
  await pglite.close();

  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log("\nPostgreSQL: set BENCH_DATABASE_URL or TEST_DATABASE_URL to run it too.");
    return;
  }
  process.env.TEST_DATABASE_URL = url;
  const scratch = await createScratchPostgres();
  const pg = await openDatabase({ databaseUrl: scratch.url, dataDir: "" });
  try {
    await migrate(pg);
    await seedDemo(pg, { now: TEST_NOW });
    await benchOne("PostgreSQL", pg);
  } finally {
    await pg.close();
    await scratch.drop();
  }
}

await main();
