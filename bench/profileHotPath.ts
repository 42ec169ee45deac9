import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { DEMO_TENANT_ID } from "../server/db/demo/demoPeople";
import { demoId } from "../server/db/demo/seedDemo";
import { demoMeetingId, demoProjectId, devAuth } from "../test/support/testApp";
import { openBenchDatabase, startInProcess } from "./support/callbookServer";

// CPU profiles of the agenda's hot paths (issue 19), setup excluded: a PGlite demo with 100,000
// closed RAID items and 100,000 done tasks, then (1) repeated agenda requests (served from memory)
// and (2) capture an action item → agenda, repeated. Writes /tmp/callbook-<phase>.cpuprofile
// (open in Chrome DevTools); the same format `node --cpu-prof` writes, started after the setup.
// Usage: node --import tsx bench/profileHotPath.ts [pglite|postgres] [rows]

const kind = process.argv[2] === "postgres" ? "postgres" : "pglite";
const rows = Number(process.argv[3] ?? 100_000);
const tdb = await openBenchDatabase(kind);
await tdb.database.rawTransaction(async (run) => {
  await run(
    `insert into raid_items (id, tenant_id, project_id, kind, title, owner_id, due_date, status, area, internal_only, created_by, created_at, updated_at, closed_at)
     select gen_random_uuid(), $1, $2::uuid, 'action', 'Archived item ' || g, $3::uuid, date '2025-01-01' + (g % 500), 'closed', 'general', false,
            'Profile', now() - interval '400 days', now() - interval '300 days', now() - interval '300 days'
     from generate_series(1, $4::int) g`,
    [DEMO_TENANT_ID, demoProjectId(), demoId("person_dana"), rows],
  );
  await run(
    `insert into tasks (id, tenant_id, project_id, name, owner_id, start_date, due_date, status, external_ref)
     select gen_random_uuid(), $1, $2::uuid, 'Archived task ' || g, $3::uuid, date '2025-01-01' + (g % 500), date '2025-01-08' + (g % 500), 'done', 'ARCH-' || g
     from generate_series(1, $4::int) g`,
    [DEMO_TENANT_ID, demoProjectId(), demoId("person_dana"), rows],
  );
});
await tdb.database.rawTransaction(async (run) => {
  await run("analyze raid_items");
  await run("analyze tasks");
});
const srv = await startInProcess(tdb.database);
const headers = { Authorization: devAuth("dana") };
const agendaUrl = `${srv.url}/api/meetings/${demoMeetingId("m_cust")}/agenda`;
const get = async () => {
  const res = await fetch(agendaUrl, { headers });
  if (res.status !== 200) throw new Error(`agenda ${res.status}`);
  await res.arrayBuffer();
};
const write = async () => {
  const res = await fetch(`${srv.url}/api/meetings/${demoMeetingId("m_cust")}/items`, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/json" },
    body: JSON.stringify({ id: randomUUID(), kind: "action", title: "Captured while profiling" }),
  });
  if (res.status !== 201) throw new Error(`POST item ${res.status}`);
};
const session = new Session();
session.connect();
await session.post("Profiler.enable");
const phases: [string, () => Promise<void>, number][] = [
  ["agenda-repeated", get, 2000],
  ["write", write, 50],
  ["write-then-agenda", async () => {
    await write();
    await get();
  }, 50],
];
try {
  for (const [name, step, n] of phases) {
    for (let i = 0; i < 5; i++) await step(); // warm-up
    await session.post("Profiler.start");
    const started = performance.now();
    for (let i = 0; i < n; i++) await step();
    const ms = performance.now() - started;
    const { profile } = await session.post("Profiler.stop");
    const path = `/tmp/callbook-${name}-${kind}.cpuprofile`;
    writeFileSync(path, JSON.stringify(profile));
    process.stdout.write(`${name}: ${n} in ${Math.round(ms)} ms (${(ms / n).toFixed(2)} ms each) → ${path}\n`);
  }
} finally {
  session.disconnect();
  await srv.close();
  await tdb.drop();
}
process.exit(0);
