import { demoMeetingId, devAuth } from "../test/support/testApp";
import { openBenchDatabase, reachablePostgres, startInProcess } from "./support/callbookServer";
import { cannon, type CannonResult } from "./support/cannon";
import { median, round } from "./support/stats";

// Issue 19 (task getcache): the warm capture GET and meeting GET of a side panel, under autocannon,
// beside a bare route on the same app instance, in interleaved rounds (order rotating), on PGlite
// and (when reachable) PostgreSQL. Prints req/s and p50 per route and round, the medians, and the
// server's CPU time per answer (this process's user+system CPU over the requests served: autocannon
// runs in a child), which a loaded machine disturbs far less than req/s.
// Run: BENCH_QUICK=1 node --import tsx bench/meetingGets.ts

const CONNECTIONS = 10;
const SECONDS = process.env.BENCH_QUICK === "1" ? 2 : 3;
const ROUNDS = 3;

async function measure(kind: "pglite" | "postgres"): Promise<void> {
  const tdb = await openBenchDatabase(kind);
  const srv = await startInProcess(tdb.database, {
    extend: (app) => app.get("/bench/bare", (_req, res) => void res.json({ status: "ok" })),
  });
  const id = demoMeetingId("m_cust");
  const headers = { Authorization: devAuth("dana") };
  const routes: Record<string, string> = {
    capture: `${srv.url}/api/meetings/${id}/capture`,
    meeting: `${srv.url}/api/meetings/${id}`,
    bare: `${srv.url}/bench/bare`,
  };
  const runs: Record<string, CannonResult[]> = { capture: [], meeting: [], bare: [] };
  const cpuUs: Record<string, number[]> = { capture: [], meeting: [], bare: [] };
  try {
    for (const url of Object.values(routes)) {
      const probe = await fetch(url, { headers });
      if (probe.status !== 200) throw new Error(`${url} answered ${probe.status}`);
      await cannon(url, { connections: CONNECTIONS, seconds: 1, headers }); // warm-up
    }
    const names = Object.keys(routes);
    for (let i = 0; i < ROUNDS; i++) {
      for (let j = 0; j < names.length; j++) {
        const name = names[(i + j) % names.length] ?? "bare";
        const cpu = process.cpuUsage();
        const r = await cannon(routes[name] ?? "", { connections: CONNECTIONS, seconds: SECONDS, headers });
        const used = process.cpuUsage(cpu);
        cpuUs[name]?.push((used.user + used.system) / Math.max(1, r.total));
        if (r.non2xx > 0) throw new Error(`${name}: ${r.non2xx} answers were not 2xx`);
        runs[name]?.push(r);
      }
    }
    for (const name of names) {
      const rs = runs[name] ?? [];
      const rps = rs.map((r) => r.requestsPerSecond);
      console.log(
        `${kind.padEnd(8)} ${name.padEnd(8)} median ${Math.round(median(rps))} req/s (${rs.map((r) => Math.round(r.requestsPerSecond)).join(", ")}), p50 ${median(rs.map((r) => r.p50Ms))} ms, p99 ${median(rs.map((r) => r.p99Ms))} ms, server CPU ${round(median(cpuUs[name] ?? []) / 1000, 2)} ms/answer`,
      );
    }
    const bare = median((runs.bare ?? []).map((r) => r.requestsPerSecond));
    for (const name of ["capture", "meeting"]) console.log(`${kind.padEnd(8)} ${name} ÷ bare ${round(median((runs[name] ?? []).map((r) => r.requestsPerSecond)) / bare, 2)}`);
  } finally {
    await srv.close();
    await tdb.drop();
  }
}

const kinds: ("pglite" | "postgres")[] = (await reachablePostgres()) ? ["pglite", "postgres"] : ["pglite"];
console.log(`load average ${(await import("node:os")).loadavg().map((l) => l.toFixed(2)).join(" ")}; autocannon -c ${CONNECTIONS} -d ${SECONDS} × ${ROUNDS} rounds, GET as Dana`);
for (const kind of kinds) await measure(kind);
process.exit(0);
