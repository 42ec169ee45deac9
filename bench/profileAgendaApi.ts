import { createHook } from "node:async_hooks";
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { demoMeetingId, devAuth } from "../test/support/testApp";
import { openBenchDatabase, startInProcess } from "./support/callbookServer";
import { cannon } from "./support/cannon";
import { busyMs, selfByOrigin, topFrames } from "./support/cpuProfile";

// CPU profile of the agenda API under the agendaApi bench's load (issue 19): autocannon -c 50 (in
// a child process) against GET /api/meetings/<customer status call>/agenda as Dana, and against
// the bench's bare route on the same app, with the server's main thread profiled during each.
// Prints main-thread CPU per request (busy samples ÷ requests, noise-tolerant) and the top frames of each and writes /tmp/callbook-agendaapi-<route>-<kind>.cpuprofile
// (open in Chrome DevTools). Usage: node --import tsx bench/profileAgendaApi.ts [pglite|postgres] [seconds] [frames]

const kind = process.argv[2] === "postgres" ? "postgres" : "pglite";
const seconds = Number(process.argv[3] ?? 5);
const limit = Number(process.argv[4] ?? 25);
const tdb = await openBenchDatabase(kind);
const srv = await startInProcess(tdb.database, {
  extend: (app) => {
    app.get("/bench/bare", (_req, res) => {
      res.json({ status: "ok" });
    });
  },
});
const headers = { Authorization: devAuth("dana") };
const routes: [string, string][] = [
  ["agenda", `${srv.url}/api/meetings/${demoMeetingId("m_cust")}/agenda`],
  ["bare", `${srv.url}/bench/bare`],
];
const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 250 });
try {
  for (const [, url] of routes) await cannon(url, { connections: 50, seconds: 2, headers }); // warm-up (JIT)
  // CPU time per request without the profiler (process.cpuUsage: all threads, so PGlite's work
  // counts; being descheduled by other load on the machine does not).
  for (const [name, url] of routes) {
    const before = process.cpuUsage();
    const r = await cannon(url, { connections: 50, seconds, headers });
    const used = process.cpuUsage(before);
    process.stdout.write(
      `${name}: ${Math.round(r.requestsPerSecond)} req/s, CPU ${((used.user + used.system) / r.total).toFixed(0)} µs per request (user ${(used.user / r.total).toFixed(0)}, system ${(used.system / r.total).toFixed(0)}; ${r.total} requests)\n`,
    );
  }
  // Promises the server makes per request (a count, not a timing: each one also pays the
  // AsyncLocalStorage hooks of the tenant scope).
  let promises = 0;
  const hook = createHook({
    init: (_id, type) => {
      if (type === "PROMISE") promises++;
    },
  });
  for (const [name, url] of routes) {
    promises = 0;
    hook.enable();
    const r = await cannon(url, { connections: 10, seconds: 1, headers });
    hook.disable();
    process.stdout.write(`${name}: ${(promises / r.total).toFixed(1)} promises per request (${r.total} requests)\n`);
  }
  for (const [name, url] of routes) {
    await session.post("Profiler.start");
    const r = await cannon(url, { connections: 50, seconds, headers });
    const { profile } = await session.post("Profiler.stop");
    const path = `/tmp/callbook-agendaapi-${name}-${kind}.cpuprofile`;
    writeFileSync(path, JSON.stringify(profile));
    const busy = busyMs(profile);
    process.stdout.write(
      `${name}: ${Math.round(r.requestsPerSecond)} req/s (${r.non2xx} non-2xx), main thread busy ${Math.round(busy)} ms for ${r.total} requests = ${((1000 * busy) / r.total).toFixed(0)} µs each → ${path}\n`,
    );
    const top = topFrames(profile, limit);
    const origins = selfByOrigin(profile).slice(0, 15).map(([k, v]) => `${k} ${(100 * v).toFixed(1)}%`);
    process.stdout.write(`  self by origin: ${origins.join(", ")}\n`);
    process.stdout.write(`  self (share of busy samples):\n${top.self.map((l) => `    ${l}\n`).join("")}`);
    process.stdout.write(`  inclusive:\n${top.inclusive.map((l) => `    ${l}\n`).join("")}`);
  }
} finally {
  session.disconnect();
  await srv.close();
  await tdb.drop();
}
process.exit(0);
