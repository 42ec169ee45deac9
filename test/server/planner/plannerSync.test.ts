import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as t from "../../../server/db/tables";
import { createLocalBus } from "../../../server/live/liveBus";
import { createGraphRequester } from "../../../server/graph/graphRequester";
import { createPlannerClient, type PlannerClient } from "../../../server/graph/plannerClient";
import { syncProjectPlanner } from "../../../server/services/planner/syncProjectPlanner";
import { plannerReferenceKey } from "../../../server/domain/planner/plannerTask";
import { demoId } from "../../../server/db/demo/seedDemo";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { demoMeetingId, demoProjectId } from "../../support/testApp";
import { startFakeGraphServer, type FakeGraphServer } from "../../support/graph/fakeGraphServer";
import { plannerTaskBodyProblems, plannerTaskDetailsBodyProblems } from "../../support/graph/plannerTypes";
import pino from "pino";
import type { AppDeps } from "../../../server/appDeps";
import { jobDefinitions } from "../../../server/services/jobs/startJobs";
import { localOutboxMail } from "../../../server/graph/mailFactory";

const person = (key: string) => demoId(`person_${key}`, DEMO_TENANT_ID);
const LINK_BASE = "https://callbook.example";
const ids = {
  dana: "7d0c3a52-6b0e-4b8f-9a55-0c1e7a000001",
  rachel: "7d0c3a52-6b0e-4b8f-9a55-0c1e7a000002",
  risk: "7d0c3a52-6b0e-4b8f-9a55-0c1e7a000003",
  tom: "7d0c3a52-6b0e-4b8f-9a55-0c1e7a000004",
};

describe.each(databaseKinds)("actions in Microsoft Planner on %s", (kind) => {
  let tdb: TestDatabase;
  let graph: FakeGraphServer;
  let client: PlannerClient;
  let planId: string;
  let danaOid: string;
  const bus = createLocalBus();
  const published: string[] = [];
  let now = new Date("2026-11-23T14:00:00Z");
  const sync = () => syncProjectPlanner({ db: tdb.database.db, bus }, { tenantId: DEMO_TENANT_ID, projectId: demoProjectId(), linkBase: LINK_BASE }, client, now);
  const item = async (id: string) => (await tdb.database.db.select().from(t.raidItems).where(eq(t.raidItems.id, id)))[0];
  const link = async (id: string) => (await tdb.database.db.select().from(t.plannerTasks).where(eq(t.plannerTasks.raidItemId, id)))[0];

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    graph = await startFakeGraphServer();
    const requester = createGraphRequester({ baseUrl: graph.baseUrl, tokens: { getGraphToken: async () => "pm-token" }, maxRetries: 0, connectionReplays: 0 });
    client = createPlannerClient(requester, { tenantId: DEMO_TENANT_ID, userId: "pm", name: "Dana", email: "dana", token: "t" });
    planId = graph.planner.addPlan("Riverside go-live");
    const people = await tdb.database.db.select().from(t.people).where(eq(t.people.tenantId, DEMO_TENANT_ID));
    for (const p of people) if (p.organisation === "internal") graph.planner.addUser(p.email);
    danaOid = graph.planner.users.get((people.find((p) => p.id === person("dana"))?.email ?? "").toLowerCase()) ?? "";
    bus.subscribe(demoMeetingId("m_cust_prev"), () => published.push("m_cust_prev"));
    const { db } = tdb.database;
    // Only our own actions: the demo's are closed here so the counts below are ours.
    await db.update(t.raidItems).set({ status: "closed" }).where(and(eq(t.raidItems.projectId, demoProjectId()), eq(t.raidItems.kind, "action")));
    await db.insert(t.raidItems).values([
      { id: ids.dana, tenantId: DEMO_TENANT_ID, projectId: demoProjectId(), kind: "action", title: "Send the cut-over checklist", ownerId: person("dana"), dueDate: "2026-12-01", raisedInMeetingId: demoMeetingId("m_cust_prev") },
      { id: ids.rachel, tenantId: DEMO_TENANT_ID, projectId: demoProjectId(), kind: "action", title: "Customer signs the data mapping", ownerId: person("rachel"), dueDate: "2026-12-02" },
      { id: ids.risk, tenantId: DEMO_TENANT_ID, projectId: demoProjectId(), kind: "risk", title: "Vendor API rate limits", ownerId: person("dana") },
      { id: ids.tom, tenantId: DEMO_TENANT_ID, projectId: demoProjectId(), kind: "action", title: "Load test the export", ownerId: person("tom"), dueDate: "2026-12-03" },
    ]);
    await db.insert(t.plannerPlans).values({ tenantId: DEMO_TENANT_ID, projectId: demoProjectId(), planId, planTitle: "Riverside go-live", setByPersonId: person("dana") });
  });
  afterAll(async () => {
    await graph?.close();
    await tdb?.drop();
  });

  it("creates tasks for actions owned by internal people only: assigned, due, linked back to the call", async () => {
    const result = await sync();
    expect(result).toMatchObject({ skipped: null, created: 2, unlinked: [] });
    const tasks = [...graph.planner.tasks.values()];
    expect(tasks.map((x) => x.title).sort()).toEqual(["Load test the export", "Send the cut-over checklist"]);
    const dana = tasks.find((x) => x.title === "Send the cut-over checklist");
    expect(Object.keys(dana?.assignments ?? {})).toEqual([danaOid]);
    expect(dana?.dueDateTime).toBe("2026-12-01T05:00:00.000Z"); // midnight in New York
    const url = `${LINK_BASE}/meetings/${demoMeetingId("m_cust_prev")}`;
    const details = graph.planner.details.get(dana?.id ?? "");
    expect(Object.keys(details?.references ?? {})).toEqual([plannerReferenceKey(url)]);
    expect(details?.description).toContain(url);
    // Every body Callbook sent fits the Graph types, and every write carried If-Match.
    for (const r of graph.requestsTo("createPlannerTask")) expect(plannerTaskBodyProblems(r.body, "create")).toEqual([]);
    for (const r of graph.requestsTo("updatePlannerTaskDetails")) {
      expect(plannerTaskDetailsBodyProblems(r.body)).toEqual([]);
      expect(r.headers["if-match"]).toBeTruthy();
    }
    expect((await link(ids.rachel)) ?? null).toBeNull();
    // A second run changes nothing.
    const again = await sync();
    expect(again).toMatchObject({ created: 0, pushed: 0, pulled: 0 });
    expect(graph.requestsTo("updatePlannerTask")).toHaveLength(0);
  });

  it("brings completion and a new due date made in Planner back into the RAID log, versioned and live to the panel", async () => {
    const before = await item(ids.dana);
    const taskId = (await link(ids.dana))?.taskId ?? "";
    graph.planner.editTask(taskId, { percentComplete: 100, dueDateTime: "2026-12-04T08:00:00Z" }); // set in Planner from London
    published.length = 0;
    const result = await sync();
    expect(result.pulled).toBe(1);
    const after = await item(ids.dana);
    expect(after).toMatchObject({ status: "closed", dueDate: "2026-12-04", version: (before?.version ?? 0) + 1 });
    const audit = await tdb.database.db.select().from(t.auditLog).where(and(eq(t.auditLog.entityId, ids.dana), eq(t.auditLog.action, "planner_changed")));
    expect(audit.map((a) => a.actor)).toEqual(["Microsoft Planner"]);
    const events = await tdb.database.db.select().from(t.meetingEvents).where(eq(t.meetingEvents.entityId, ids.dana));
    expect(events.length).toBeGreaterThan(0);
    expect(published).toEqual(["m_cust_prev"]);
    expect(graph.requestsTo("updatePlannerTask")).toHaveLength(0); // nothing to send back
  });

  it("sends a change made in Callbook with If-Match, and resolves a 412 by re-reading the task", async () => {
    const { db } = tdb.database;
    const tom = await link(ids.tom);
    await db.update(t.raidItems).set({ title: "Load test the nightly export", dueDate: "2026-12-08" }).where(eq(t.raidItems.id, ids.tom));
    // Someone moves the task's progress in Planner between our read and our write.
    graph.planner.onNextTaskPatch(() => graph.planner.editTask(tom?.taskId ?? "", { percentComplete: 50 }));
    const result = await sync();
    expect(result).toMatchObject({ conflicts: 1, pushed: 1 });
    const patches = graph.requestsTo("updatePlannerTask");
    expect(patches.map((p) => p.outcome)).toEqual([412, 200]);
    for (const p of patches) {
      expect(p.headers["if-match"]).toBeTruthy();
      expect(plannerTaskBodyProblems(p.body, "update")).toEqual([]);
    }
    const task = graph.planner.tasks.get(tom?.taskId ?? "");
    expect(task).toMatchObject({ title: "Load test the nightly export", dueDateTime: "2026-12-08T05:00:00.000Z", percentComplete: 50 });
    expect((await link(ids.tom))?.etag).toBe(task?.etag);
  });

  it("honours 429 Retry-After on the settable clock: nothing is called until it has passed", async () => {
    await tdb.database.db.update(t.raidItems).set({ dueDate: "2026-12-09" }).where(eq(t.raidItems.id, ids.tom));
    graph.injectFault("listPlanTasks", { kind: "throttle", retryAfter: "120" });
    const first = await sync();
    expect(first.throttledUntil).toBe(new Date(now.getTime() + 120_000).toISOString());
    const calls = graph.requests.length;
    now = new Date(now.getTime() + 60_000);
    expect((await sync()).skipped).toBe("throttled");
    expect(graph.requests.length).toBe(calls);
    now = new Date(now.getTime() + 61_000);
    expect(await sync()).toMatchObject({ skipped: null, pushed: 1, throttledUntil: null });
    expect(graph.planner.tasks.get((await link(ids.tom))?.taskId ?? "")?.dueDateTime).toBe("2026-12-09T05:00:00.000Z");
  });

  it("unlinks and reports a task deleted in Planner, and never recreates it", async () => {
    const tom = await link(ids.tom);
    graph.planner.deleteTask(tom?.taskId ?? "");
    const result = await sync();
    expect(result.unlinked).toEqual([{ itemId: ids.tom, title: "Load test the nightly export" }]);
    expect(await link(ids.tom)).toMatchObject({ state: "deleted", unlinkedAt: expect.any(String) as string });
    await tdb.database.db.update(t.raidItems).set({ title: "Load test the export again" }).where(eq(t.raidItems.id, ids.tom));
    expect(await sync()).toMatchObject({ created: 0, pushed: 0, unlinked: [] });
    expect([...graph.planner.tasks.values()].some((x) => x.title.startsWith("Load test"))).toBe(false);
  });

  it("the 15-minute planner-sync job, driven by the settable clock, polls as the PM who named the plan", async () => {
    const asked: string[] = [];
    const deps: AppDeps = {
      database: tdb.database,
      logger: pino({ level: "silent" }),
      clock: () => now,
      authenticators: [],
      isReady: () => true,
      devSignIn: false,
      bus,
      mail: localOutboxMail(tdb.database.db, () => now),
      mailMode: "graph",
      planner: {
        forRequest: () => client,
        forPerson: (tenantId, personId) => {
          asked.push(`${tenantId}/${personId}`);
          return client;
        },
        linkBase: LINK_BASE,
      },
    };
    const danaTask = (await link(ids.dana))?.taskId ?? "";
    graph.planner.editTask(danaTask, { percentComplete: 0 }); // reopened in Planner
    now = new Date(now.getTime() + 15 * 60_000);
    const result = await jobDefinitions["planner-sync"].run(deps, now, { linkSecret: "x".repeat(32), baseUrl: LINK_BASE });
    expect(result).toMatchObject({ plans: 1, pulled: 1, failed: 0 });
    expect(asked).toEqual([`${DEMO_TENANT_ID}/${person("dana")}`]);
    expect(await item(ids.dana)).toMatchObject({ status: "open", closedAt: null });
    const [plan] = await tdb.database.db.select().from(t.plannerPlans).where(eq(t.plannerPlans.projectId, demoProjectId()));
    expect(plan?.polledAt && new Date(plan.polledAt).toISOString()).toBe(now.toISOString());
  });
  it("a create whose answer was lost (connection dropped after Planner accepted) is adopted at the next sync, not made twice", async () => {
    const lost = "7d0c3a52-6b0e-4b8f-9a55-0c1e7a000005";
    await tdb.database.db.insert(t.raidItems).values({ id: lost, tenantId: DEMO_TENANT_ID, projectId: demoProjectId(), kind: "action", title: "Book the cut-over bridge line", ownerId: person("dana"), dueDate: "2026-12-10", raisedInMeetingId: demoMeetingId("m_cust_prev") });
    graph.injectFault("createPlannerTask", { kind: "dropAfterAccept" });
    await expect(sync()).rejects.toThrow();
    expect(graph.requestsTo("createPlannerTask").at(-1)?.outcome).toBe("dropped");
    const named = () => [...graph.planner.tasks.values()].filter((x) => x.title === "Book the cut-over bridge line");
    expect(named()).toHaveLength(1); // Planner made it; Callbook never heard back
    expect(await link(lost)).toBeUndefined();
    const creates = graph.requestsTo("createPlannerTask").length;
    now = new Date(now.getTime() + 60_000);
    const result = await sync();
    expect(result).toMatchObject({ skipped: null, created: 0, adopted: 1 });
    expect(graph.requestsTo("createPlannerTask")).toHaveLength(creates);
    expect(named()).toHaveLength(1);
    const adopted = await link(lost);
    expect(adopted).toMatchObject({ taskId: named()[0]?.id, state: "linked", linkedBack: true });
    expect(graph.planner.details.get(adopted?.taskId ?? "")?.description).toContain(`${LINK_BASE}/meetings/${demoMeetingId("m_cust_prev")}`);
    expect(await tdb.database.db.select().from(t.plannerTaskClaims)).toEqual([]);
    // And nothing more on the run after.
    expect(await sync()).toMatchObject({ created: 0, adopted: 0, pushed: 0 });
  });

  // Adoption after a lost create takes only the task that create made: a task renamed in Planner
  // before the next sync is still ours; a twin typed into Planner by hand before Callbook's create
  // is never taken for it, whether the create reached Planner or not.
  const lostCreate = async (id: string, title: string, fault: "dropAfterAccept" | "dropBeforeAccept") => {
    await tdb.database.db.insert(t.raidItems).values({ id, tenantId: DEMO_TENANT_ID, projectId: demoProjectId(), kind: "action", title, ownerId: person("dana"), dueDate: "2026-12-11" });
    graph.injectFault("createPlannerTask", { kind: fault });
    await expect(sync()).rejects.toThrow();
    now = new Date(now.getTime() + 60_000);
  };
  const named = (title: string) => [...graph.planner.tasks.values()].filter((x) => x.title === title);
  /** A task someone typed into Planner an hour ago with the same title, due instant and assignee. */
  const handMadeTwin = (title: string) => {
    const planTask = [...graph.planner.tasks.values()][0];
    const id = `hand-made-${title.length}-${graph.planner.tasks.size}`.padEnd(28, "x");
    graph.planner.tasks.set(id, {
      id,
      planId: planTask?.planId ?? "",
      title,
      createdDateTime: new Date(Date.now() - 60 * 60_000).toISOString(),
      orderHint: "8585269235419181615",
      dueDateTime: "2026-12-11T05:00:00.000Z",
      percentComplete: 0,
      assignments: { [danaOid]: { "@odata.type": "#microsoft.graph.plannerAssignment", orderHint: "x" } },
      completedDateTime: null,
      bucketId: null,
      priority: 5,
      etag: 'W/"hand-made"',
    });
    graph.planner.details.set(id, { etag: 'W/"hand-made-details"', description: "", references: {} });
    return id;
  };

  it("a lost create whose task was renamed in Planner before the next sync is adopted, not made twice", async () => {
    const id = "7d0c3a52-6b0e-4b8f-9a55-0c1e7a000011";
    await lostCreate(id, "Confirm the freeze window", "dropAfterAccept");
    const [made] = named("Confirm the freeze window");
    graph.planner.editTask(made?.id ?? "", { title: "Confirm the change freeze window" });
    expect(await sync()).toMatchObject({ skipped: null, created: 0, adopted: 1 });
    expect(await link(id)).toMatchObject({ taskId: made?.id, state: "linked" });
    // One task for the action; the title is Callbook's again (Planner wins only completion and due date).
    expect([...named("Confirm the freeze window"), ...named("Confirm the change freeze window")].map((x) => x.id)).toEqual([made?.id]);
    expect(graph.planner.tasks.get(made?.id ?? "")?.title).toBe("Confirm the freeze window");
  });

  it("a hand-made twin typed into Planner before Callbook's create is not adopted: the task the create made is", async () => {
    const id = "7d0c3a52-6b0e-4b8f-9a55-0c1e7a000012";
    const twin = handMadeTwin("Order the spare switch");
    await lostCreate(id, "Order the spare switch", "dropAfterAccept");
    const made = named("Order the spare switch").find((x) => x.id !== twin);
    expect(await sync()).toMatchObject({ created: 0, adopted: 1 });
    expect((await link(id))?.taskId).toBe(made?.id);
    expect(graph.planner.details.get(twin)?.references).toEqual({}); // left as its author made it
  });

  it("a create that never reached Planner is made again, even with a hand-made twin in the plan", async () => {
    const id = "7d0c3a52-6b0e-4b8f-9a55-0c1e7a000013";
    const twin = handMadeTwin("Print the cut-over run sheet");
    await lostCreate(id, "Print the cut-over run sheet", "dropBeforeAccept");
    expect(named("Print the cut-over run sheet").map((x) => x.id)).toEqual([twin]);
    expect(await sync()).toMatchObject({ created: 1, adopted: 0 });
    const linked = await link(id);
    expect(linked?.taskId).not.toBe(twin);
    expect(named("Print the cut-over run sheet")).toHaveLength(2);
    expect(graph.planner.details.get(twin)?.references).toEqual({});
  });

  it("a sync finding the plan's lease held by another instance calls nothing and says it skipped", async () => {
    const planWhere = eq(t.plannerPlans.projectId, demoProjectId());
    await tdb.database.db.update(t.plannerPlans).set({ syncLeaseUntil: new Date(now.getTime() + 60_000).toISOString(), syncLeaseOwner: "other-instance" }).where(planWhere);
    const calls = graph.requests.length;
    expect(await sync()).toMatchObject({ skipped: "busy", created: 0 });
    expect(graph.requests.length).toBe(calls);
    // A lease left by a killed instance frees the plan once it has run out, on the settable clock.
    now = new Date(now.getTime() + 2 * 60_000);
    expect((await sync()).skipped).toBeNull();
    const [plan] = await tdb.database.db.select().from(t.plannerPlans).where(planWhere);
    expect(plan).toMatchObject({ syncLeaseUntil: null, syncLeaseOwner: null });
  });
});
