import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import * as t from "../../../server/db/tables";
import { createLocalBus } from "../../../server/live/liveBus";
import { createGraphRequester } from "../../../server/graph/graphRequester";
import { createPlannerClient, type PlannerClient } from "../../../server/graph/plannerClient";
import { syncProjectPlanner, type PlannerSyncResult } from "../../../server/services/planner/syncProjectPlanner";
import { demoId } from "../../../server/db/demo/seedDemo";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { demoProjectId } from "../../support/testApp";
import { startFakeGraphServer, type FakeGraphServer } from "../../support/graph/fakeGraphServer";

// A Planner sync longer than its plan's 2-minute lease (a slow Graph, a large plan): the lease is
// renewed while it runs, so a second Callbook instance polling meanwhile is refused and the plan
// is never synced twice at once; and a sync whose lease was taken stops calling Planner.
// Time is the settable clock: each Planner call below takes 20 s on it.

const LINK_BASE = "https://callbook.example";
const dana = demoId("person_dana", DEMO_TENANT_ID);
const actionId = (i: number) => `6c1e0000-0000-4000-8000-${String(i).padStart(12, "0")}`;

describe.each(databaseKinds)("a Planner sync that outlives its lease, on %s", (kind) => {
  let tdb: TestDatabase;
  let graph: FakeGraphServer;
  let client: PlannerClient;
  let otherInstanceSync: typeof syncProjectPlanner;
  let now = new Date("2026-11-23T14:00:00Z");
  const clock = () => now;
  const bus = createLocalBus();
  const scope = { tenantId: DEMO_TENANT_ID, projectId: demoProjectId(), linkBase: LINK_BASE };
  const plan = async () => (await tdb.database.db.select().from(t.plannerPlans).where(eq(t.plannerPlans.projectId, demoProjectId())))[0];
  const addActions = async (from: number, to: number) => {
    const rows = [];
    for (let i = from; i < to; i++) rows.push({ id: actionId(i), tenantId: DEMO_TENANT_ID, projectId: demoProjectId(), kind: "action" as const, title: `Long sync action ${i}`, ownerId: dana, dueDate: "2026-12-01" });
    await tdb.database.db.insert(t.raidItems).values(rows);
  };
  /** The Planner client with every call taking 20 s on the settable clock, and `after(n)` run once call n has answered. */
  const slow = (after: (call: number) => Promise<void>): PlannerClient => {
    let calls = 0;
    const timed = async <R>(call: () => Promise<R>): Promise<R> => {
      now = new Date(now.getTime() + 20_000);
      const answer = await call();
      await after(++calls);
      return answer;
    };
    return {
      getPlan: (id) => timed(() => client.getPlan(id)),
      listPlanTasks: (id) => timed(() => client.listPlanTasks(id)),
      getTask: (id) => timed(() => client.getTask(id)),
      createTask: (body) => timed(() => client.createTask(body)),
      updateTask: (id, etag, body) => timed(() => client.updateTask(id, etag, body)),
      addLinkBack: (id, link) => timed(() => client.addLinkBack(id, link)),
      findUserId: (email) => timed(() => client.findUserId(email)),
    };
  };
  const titles = () => [...graph.planner.tasks.values()].map((task) => task.title).filter((title) => title.startsWith("Long sync action")).sort();

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    graph = await startFakeGraphServer();
    const requester = createGraphRequester({ baseUrl: graph.baseUrl, tokens: { getGraphToken: async () => "pm-token" }, maxRetries: 0, connectionReplays: 0 });
    client = createPlannerClient(requester, { tenantId: DEMO_TENANT_ID, userId: "pm", name: "Dana", email: "dana", token: "t" });
    const { db } = tdb.database;
    for (const p of await db.select().from(t.people).where(eq(t.people.tenantId, DEMO_TENANT_ID))) if (p.organisation === "internal") graph.planner.addUser(p.email);
    await db.update(t.raidItems).set({ status: "closed" }).where(and(eq(t.raidItems.projectId, demoProjectId()), eq(t.raidItems.kind, "action")));
    await addActions(0, 6);
    const planId = graph.planner.addPlan("Riverside go-live");
    await db.insert(t.plannerPlans).values({ tenantId: DEMO_TENANT_ID, projectId: demoProjectId(), planId, planTitle: "Riverside go-live", setByPersonId: dana });
    // The second instance: its own copy of the sync module (its own in-process queue), the same database.
    vi.resetModules();
    otherInstanceSync = (await import("../../../server/services/planner/syncProjectPlanner")).syncProjectPlanner;
  });
  afterAll(async () => {
    await graph?.close();
    await tdb?.drop();
  });

  it("keeps the plan through a 6-minute sync: another instance polling after 2½ minutes is refused and calls nothing", async () => {
    const started = now.getTime();
    let other: PlannerSyncResult | null = null;
    let otherCalls = -1;
    const long = slow(async () => {
      if (other || now.getTime() - started < 150_000) return;
      const before = graph.requests.length;
      other = await otherInstanceSync({ db: tdb.database.db, bus, clock }, scope, client, now);
      otherCalls = graph.requests.length - before;
    });
    const result = await syncProjectPlanner({ db: tdb.database.db, bus, clock }, scope, long, now);

    expect(now.getTime() - started).toBeGreaterThan(3 * 60_000); // the sync outlived its first lease
    expect(other).toMatchObject({ skipped: "busy", created: 0 });
    expect(otherCalls).toBe(0);
    expect(result).toMatchObject({ skipped: null, created: 6 });
    expect(titles()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `Long sync action ${i}`));
    expect(await plan()).toMatchObject({ syncLeaseUntil: null, syncLeaseOwner: null, lastError: null });
  });

  it("a sync whose lease was taken meanwhile stops calling Planner and leaves the plan to the new holder", async () => {
    await addActions(6, 10);
    const planWhere = eq(t.plannerPlans.projectId, demoProjectId());
    const polledBefore = (await plan())?.polledAt;
    let requestsAtSteal = -1;
    // After the first create answers, the lease is found in another instance's hands (ours ran out during a stall).
    const stalled = slow(async (call) => {
      if (call !== 2) return;
      await tdb.database.db.update(t.plannerPlans).set({ syncLeaseOwner: "other-instance", syncLeaseUntil: new Date(now.getTime() + 60_000).toISOString() }).where(planWhere);
      requestsAtSteal = graph.requests.length;
    });
    const result = await syncProjectPlanner({ db: tdb.database.db, bus, clock }, scope, stalled, now);

    expect(result.skipped).toBe("busy");
    expect(graph.requests.length).toBe(requestsAtSteal); // nothing sent to Planner after the lease was lost
    expect(titles()).toHaveLength(7);
    expect(await plan()).toMatchObject({ syncLeaseOwner: "other-instance", lastError: null, polledAt: polledBefore });

    // The other instance finishes; the next sync completes the rest, with no second task for any action.
    await tdb.database.db.update(t.plannerPlans).set({ syncLeaseOwner: null, syncLeaseUntil: null }).where(planWhere);
    expect(await syncProjectPlanner({ db: tdb.database.db, bus, clock }, scope, client, now)).toMatchObject({ skipped: null, created: 3 });
    expect(titles()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `Long sync action ${i}`).sort());
    const links = await tdb.database.db.select().from(t.plannerTasks).where(inArray(t.plannerTasks.raidItemId, [6, 7, 8, 9].map(actionId)));
    expect(links.map((l) => l.linkedBack)).toEqual([true, true, true, true]);
  });
});
