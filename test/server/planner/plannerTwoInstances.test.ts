import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import pino from "pino";
import request from "supertest";
import type { Express } from "express";
import { and, eq } from "drizzle-orm";
import { openDatabase, type Database } from "../../../server/db/database";
import { migrate } from "../../../server/db/migrate";
import { seedDemo } from "../../../server/db/demo/seedDemo";
import * as t from "../../../server/db/tables";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import { demoId } from "../../../server/db/demo/seedDemo";
import { createScratchPostgres } from "../../support/testDatabase";
import { demoProjectId, devAuth } from "../../support/testApp";
import { TEST_NOW } from "../../support/constants";
import { startFakeGraphServer, type FakeGraphServer } from "../../support/graph/fakeGraphServer";

// Two Callbook instances on one PostgreSQL database, as in a deployment behind a load balancer.
// Each instance is built from its own copy of the server modules (vi.resetModules), so nothing
// in-process is shared between them: only the database, as between two machines.

type AppModules = {
  createApp: typeof import("../../../server/app").createApp;
  devAuthenticator: typeof import("../../../server/auth/devSignIn").devAuthenticator;
  createLocalBus: typeof import("../../../server/live/liveBus").createLocalBus;
  localOutboxMail: typeof import("../../../server/graph/mailFactory").localOutboxMail;
  createGraphRequester: typeof import("../../../server/graph/graphRequester").createGraphRequester;
  createPlannerClient: typeof import("../../../server/graph/plannerClient").createPlannerClient;
};

async function freshModules(): Promise<AppModules> {
  vi.resetModules();
  return {
    createApp: (await import("../../../server/app")).createApp,
    devAuthenticator: (await import("../../../server/auth/devSignIn")).devAuthenticator,
    createLocalBus: (await import("../../../server/live/liveBus")).createLocalBus,
    localOutboxMail: (await import("../../../server/graph/mailFactory")).localOutboxMail,
    createGraphRequester: (await import("../../../server/graph/graphRequester")).createGraphRequester,
    createPlannerClient: (await import("../../../server/graph/plannerClient")).createPlannerClient,
  };
}

function instance(m: AppModules, database: Database, graph: FakeGraphServer): Express {
  const requester = m.createGraphRequester({ baseUrl: graph.baseUrl, tokens: { getGraphToken: async () => "token" }, maxRetries: 0, connectionReplays: 0 });
  return m.createApp({
    database,
    logger: pino({ level: "silent" }),
    clock: () => TEST_NOW,
    authenticators: [m.devAuthenticator(database.db)],
    isReady: () => true,
    devSignIn: true,
    bus: m.createLocalBus(),
    mail: m.localOutboxMail(database.db, () => TEST_NOW),
    mailMode: "graph",
    planner: {
      forRequest: (identity) => m.createPlannerClient(requester, identity),
      forPerson: (tenantId, personId) => m.createPlannerClient(requester, { tenantId, userId: personId, name: "", email: "", token: "" }),
      linkBase: "https://callbook.example",
    },
  });
}

describe.skipIf(!process.env.TEST_DATABASE_URL)("Planner page-open polls on two instances at once (PostgreSQL)", () => {
  let scratch: { url: string; drop: () => Promise<void> };
  let one: Database;
  let two: Database;
  let graph: FakeGraphServer;
  let apps: Express[];

  beforeAll(async () => {
    scratch = await createScratchPostgres();
    one = await openDatabase({ databaseUrl: scratch.url, dataDir: "" });
    await migrate(one);
    await seedDemo(one, { now: TEST_NOW });
    two = await openDatabase({ databaseUrl: scratch.url, dataDir: "" });
    graph = await startFakeGraphServer();
    const planId = graph.planner.addPlan("Riverside go-live");
    for (const p of await one.db.select().from(t.people).where(eq(t.people.tenantId, DEMO_TENANT_ID))) if (p.organisation === "internal") graph.planner.addUser(p.email);
    await one.db.insert(t.plannerPlans).values({ tenantId: DEMO_TENANT_ID, projectId: demoProjectId(), planId, planTitle: "Riverside go-live", setByPersonId: demoId("person_dana", DEMO_TENANT_ID) });
    apps = [instance(await freshModules(), one, graph), instance(await freshModules(), two, graph)];
  }, 150_000);
  afterAll(async () => {
    await graph?.close();
    await one?.close();
    await two?.close();
    await scratch?.drop();
  });

  it("exactly one instance syncs: one Planner task per action, and the other says it skipped", async () => {
    // Both listings are held a moment, so both polls are inside the sync at once without the lease.
    graph.injectFault("listPlanTasks", { kind: "delay", ms: 400 }, 2);
    const url = `/api/projects/${demoProjectId()}/planner`;
    const answers = await Promise.all(apps.map((app) => request(app).get(url).set("Authorization", devAuth("dana"))));
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const polls = answers.map((a) => (a.body as { poll: { skipped: string | null; created: number } | null }).poll);
    expect(polls.map((p) => p?.skipped ?? null).sort()).toEqual(["busy", null]);

    const links = await one.db.select().from(t.plannerTasks).where(and(eq(t.plannerTasks.projectId, demoProjectId()), eq(t.plannerTasks.state, "linked")));
    expect(links.length).toBeGreaterThan(0);
    const tasks = [...graph.planner.tasks.values()];
    expect(tasks).toHaveLength(links.length);
    const perItem = new Map<string, number>();
    for (const l of links) perItem.set(l.raidItemId, (perItem.get(l.raidItemId) ?? 0) + 1);
    expect([...perItem.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(tasks.map((x) => x.title)).size).toBe(tasks.length);
    expect(graph.requestsTo("createPlannerTask")).toHaveLength(links.length);
    const [plan] = await one.db.select().from(t.plannerPlans).where(eq(t.plannerPlans.projectId, demoProjectId()));
    expect(plan).toMatchObject({ syncLeaseUntil: null, syncLeaseOwner: null, lastError: null });
  });
});
