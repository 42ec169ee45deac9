import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { and, eq } from "drizzle-orm";
import * as t from "../../server/db/tables";
import type { AppDeps } from "../../server/appDeps";
import { createLocalBus } from "../../server/live/liveBus";
import { localOutboxMail } from "../../server/graph/mailFactory";
import { createGraphRequester } from "../../server/graph/graphRequester";
import { createPlannerClient } from "../../server/graph/plannerClient";
import { jobDefinitions } from "../../server/services/jobs/startJobs";
import { dueDateOfPlanner, plannerDone } from "../../server/domain/planner/plannerTask";
import { addDays } from "../../server/domain/isoDates";
import { demoId } from "../../server/db/demo/seedDemo";
import { DEMO_TENANT_ID } from "../../server/db/demo/demoPeople";
import { openTestDatabase, type TestDatabase } from "../support/testDatabase";
import { demoProjectId } from "../support/testApp";
import { startFakeGraphServer, type FakeGraphServer, type GraphRouteName } from "../support/graph/fakeGraphServer";
import { seededRandom } from "./support/captureWriter";

// Drill (issue 17 §4): 40 actions owned by internal people synced with a Planner plan by the
// 15-minute job over 12 simulated hours on the settable clock, while people edit tasks in Planner,
// the PM edits actions in Callbook, tasks are edited between Callbook's read and write (412),
// Graph throttles (429 with Retry-After) and tasks are deleted in Planner. Afterwards every linked
// task agrees with its RAID item, no action has two tasks, and no deleted task came back.

const ACTIONS = 40;
const TICKS = 48;
const internalOwners = ["dana", "marcus", "kevin", "priya", "tom"].map((k) => demoId(`person_${k}`, DEMO_TENANT_ID));

describe("drill: Planner faults", () => {
  let tdb: TestDatabase;
  let graph: FakeGraphServer;
  let deps: AppDeps;
  let now = new Date("2026-11-23T13:00:00Z");

  beforeAll(async () => {
    tdb = await openTestDatabase("pglite");
    graph = await startFakeGraphServer();
    const requester = createGraphRequester({ baseUrl: graph.baseUrl, tokens: { getGraphToken: async () => "pm-token" }, maxRetries: 0, connectionReplays: 0 });
    const client = (tenantId: string, userId: string) => createPlannerClient(requester, { tenantId, userId, name: "", email: "", token: "" });
    deps = {
      database: tdb.database,
      logger: pino({ level: "silent" }),
      clock: () => now,
      authenticators: [],
      isReady: () => true,
      devSignIn: false,
      bus: createLocalBus(),
      mail: localOutboxMail(tdb.database.db, () => now),
      mailMode: "graph",
      planner: { forRequest: (identity) => client(identity.tenantId, identity.userId), forPerson: client, linkBase: "https://callbook.example" },
    };
    const { db } = tdb.database;
    for (const p of await db.select().from(t.people).where(eq(t.people.tenantId, DEMO_TENANT_ID))) if (p.organisation === "internal") graph.planner.addUser(p.email);
    await db.update(t.raidItems).set({ status: "closed" }).where(and(eq(t.raidItems.projectId, demoProjectId()), eq(t.raidItems.kind, "action")));
    await db.insert(t.raidItems).values(
      Array.from({ length: ACTIONS }, (_, i) => ({
        id: `5e1d0000-0000-4000-8000-${String(i).padStart(12, "0")}`,
        tenantId: DEMO_TENANT_ID,
        projectId: demoProjectId(),
        kind: "action" as const,
        title: `Drill action ${i}`,
        ownerId: internalOwners[i % internalOwners.length] ?? null,
        dueDate: addDays("2026-12-01", i % 10),
      })),
    );
    const planId = graph.planner.addPlan("Drill plan");
    await db.insert(t.plannerPlans).values({ tenantId: DEMO_TENANT_ID, projectId: demoProjectId(), planId, setByPersonId: internalOwners[0] ?? null });
  });
  afterAll(async () => {
    await graph?.close();
    await tdb?.drop();
  });

  it("keeps Planner and the RAID log in agreement through 412s, 429s, edits on both sides and deleted tasks", async () => {
    const seed = Number(process.env.DRILL_SEED ?? Date.now() % 1_000_000);
    const random = seededRandom(seed);
    const pick = <T,>(xs: readonly T[]): T | undefined => xs[Math.floor(random() * xs.length)];
    const { db } = tdb.database;
    const figures = { plannerEdits: 0, callbookEdits: 0, concurrentEdits: 0, throttles: 0, deletions: 0, runs: 0, throttledRuns: 0 };
    const throttleRoutes: GraphRouteName[] = ["listPlanTasks", "createPlannerTask", "updatePlannerTask", "getPlannerTask", "getPlannerTaskDetails"];
    const deleted = new Set<string>();

    for (let tick = 0; tick < TICKS; tick++) {
      const links = await db.select().from(t.plannerTasks).where(eq(t.plannerTasks.state, "linked"));
      for (let k = 0; k < 3 && tick > 0; k++) {
        const link = pick(links);
        if (!link || !graph.planner.tasks.has(link.taskId)) continue;
        if (random() < 0.5) graph.planner.editTask(link.taskId, { percentComplete: random() < 0.6 ? 100 : 0 });
        else graph.planner.editTask(link.taskId, { dueDateTime: `${addDays("2026-12-01", Math.floor(random() * 20))}T${random() < 0.5 ? "05" : "23"}:00:00Z` });
        figures.plannerEdits += 1;
      }
      for (let k = 0; k < 3 && tick > 0; k++) {
        const link = pick(links);
        if (!link) continue;
        const [item] = await db.select().from(t.raidItems).where(eq(t.raidItems.id, link.raidItemId));
        if (!item) continue;
        await db
          .update(t.raidItems)
          .set(random() < 0.5 ? { title: `${item.title.replace(/ \(v\d+\)$/, "")} (v${item.version + 1})`, version: item.version + 1 } : { dueDate: addDays("2026-12-01", Math.floor(random() * 20)), version: item.version + 1 })
          .where(eq(t.raidItems.id, item.id));
        figures.callbookEdits += 1;
      }
      if (random() < 0.3) {
        // Someone edits the very task Callbook is about to patch, between its read and its write.
        graph.planner.onNextTaskPatch((taskId) => {
          if (graph.planner.tasks.has(taskId)) graph.planner.editTask(taskId, { percentComplete: random() < 0.5 ? 50 : 100 });
        });
        figures.concurrentEdits += 1;
      }
      if (random() < 0.25) {
        graph.injectFault(pick(throttleRoutes) ?? "listPlanTasks", { kind: "throttle", retryAfter: String(30 + Math.floor(random() * 600)) });
        figures.throttles += 1;
      }
      if (random() < 0.1 && tick > 0) {
        const link = pick(links);
        if (link && graph.planner.tasks.has(link.taskId)) {
          graph.planner.deleteTask(link.taskId);
          deleted.add(link.raidItemId);
          figures.deletions += 1;
        }
      }
      const result = await jobDefinitions["planner-sync"].run(deps, now, { linkSecret: "x".repeat(32), baseUrl: "https://callbook.example" });
      figures.runs += 1;
      figures.throttledRuns += result.throttled;
      now = new Date(now.getTime() + 15 * 60_000);
    }
    // Quiet: the faults stop, the last Retry-After passes, and two more runs settle everything.
    for (const route of throttleRoutes) graph.injectFault(route, { kind: "delay", ms: 0 }, 0);
    now = new Date(now.getTime() + 60 * 60_000);
    for (let i = 0; i < 3; i++) {
      await jobDefinitions["planner-sync"].run(deps, now, { linkSecret: "x".repeat(32), baseUrl: "https://callbook.example" });
      now = new Date(now.getTime() + 15 * 60_000);
    }

    const links = await db.select().from(t.plannerTasks);
    const items = new Map((await db.select().from(t.raidItems)).map((i) => [i.id, i]));
    let mismatches = 0;
    for (const link of links.filter((l) => l.state === "linked")) {
      const task = graph.planner.tasks.get(link.taskId);
      const item = items.get(link.raidItemId);
      const linkedBack = Object.keys(graph.planner.details.get(link.taskId)?.references ?? {}).length === 1;
      const agrees = linkedBack && task && item && task.title === item.title && dueDateOfPlanner(task.dueDateTime) === item.dueDate && plannerDone(task.percentComplete) === (item.status === "closed");
      if (!agrees) mismatches += 1;
    }
    const tasksPerItem = new Map<string, number>();
    for (const task of graph.planner.tasks.values()) {
      const link = links.find((l) => l.taskId === task.id);
      const key = link?.raidItemId ?? `orphan:${task.id}`;
      tasksPerItem.set(key, (tasksPerItem.get(key) ?? 0) + 1);
    }
    const duplicates = [...tasksPerItem.values()].filter((n) => n > 1).length;
    const orphans = [...tasksPerItem.keys()].filter((k) => k.startsWith("orphan:")).length;
    const recreated = [...deleted].filter((id) => links.some((l) => l.raidItemId === id && l.state === "linked")).length;
    const statuses = graph.requests.reduce<Record<string, number>>((acc, r) => ({ ...acc, [`${r.route ?? "?"} ${String(r.outcome)}`]: (acc[`${r.route ?? "?"} ${String(r.outcome)}`] ?? 0) + 1 }), {});
    console.log(
      `[drill planner] seed ${seed}: ${ACTIONS} actions, ${figures.runs} job runs over ${TICKS / 4} h; ` +
        `${figures.plannerEdits} edits in Planner, ${figures.callbookEdits} in Callbook, ${figures.concurrentEdits} concurrent (412), ` +
        `${figures.throttles} throttles (429, ${figures.throttledRuns} runs deferred), ${figures.deletions} tasks deleted; ` +
        `Graph answers ${JSON.stringify(statuses)}; linked ${links.filter((l) => l.state === "linked").length}, unlinked ${links.filter((l) => l.state === "deleted").length}; ` +
        `mismatches ${mismatches}, duplicate tasks ${duplicates}, orphan tasks ${orphans}, recreated ${recreated}`,
    );
    expect({ mismatches, duplicates, orphans, recreated }).toEqual({ mismatches: 0, duplicates: 0, orphans: 0, recreated: 0 });
    expect(links.filter((l) => l.state === "linked").length + deleted.size).toBe(ACTIONS);
  });
});
