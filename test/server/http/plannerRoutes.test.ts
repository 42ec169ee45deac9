import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import { createGraphRequester } from "../../../server/graph/graphRequester";
import { createPlannerClient } from "../../../server/graph/plannerClient";
import { openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoProjectId, devAuth } from "../../support/testApp";
import { TEST_NOW } from "../../support/constants";
import { startFakeGraphServer, type FakeGraphServer } from "../../support/graph/fakeGraphServer";
import { eq } from "drizzle-orm";
import * as t from "../../../server/db/tables";

describe("the project's Planner plan setting", () => {
  let tdb: TestDatabase;
  let graph: FakeGraphServer;
  let app: Express;
  let planId: string;

  beforeAll(async () => {
    tdb = await openTestDatabase("pglite");
    graph = await startFakeGraphServer();
    planId = graph.planner.addPlan("Riverside go-live");
    const requester = createGraphRequester({ baseUrl: graph.baseUrl, tokens: { getGraphToken: async () => "token" }, maxRetries: 0 });
    app = buildTestApp(tdb.database, {
      deps: {
        mailMode: "graph",
        planner: {
          forRequest: (identity) => createPlannerClient(requester, identity),
          forPerson: (tenantId, personId) => createPlannerClient(requester, { tenantId, userId: personId, name: "", email: "", token: "" }),
          linkBase: "https://callbook.example",
        },
      },
    });
  });
  afterAll(async () => {
    await graph?.close();
    await tdb?.drop();
  });

  const url = () => `/api/projects/${demoProjectId()}/planner`;

  it("refuses a plan Graph does not know, naming the field", async () => {
    const res = await request(app).put(url()).set("Authorization", devAuth("dana")).send({ planId: "NoSuchPlan123" });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("planId: no Planner plan with this id is visible to you");
    expect(graph.requestsTo("getPlan").map((r) => r.outcome)).toEqual([404]);
  });

  it("names a plan that exists, and the page's read polls it", async () => {
    const put = await request(app).put(url()).set("Authorization", devAuth("dana")).send({ planId });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ available: true, plan: { planId, title: "Riverside go-live", polledAt: null }, unlinked: [] });
    const get = await request(app).get(url()).set("Authorization", devAuth("dana"));
    expect(get.body.plan.polledAt).toBe(TEST_NOW.toISOString());
    expect(get.body.linked).toBeGreaterThan(0);
    // Opened again within the minute: no second poll.
    const lists = graph.requestsTo("listPlanTasks").length;
    await request(app).get(url()).set("Authorization", devAuth("dana"));
    expect(graph.requestsTo("listPlanTasks").length).toBe(lists);
  });

  it("a change to an action in Callbook reaches its Planner task without waiting for the job", async () => {
    const [linked] = await tdb.database.db.select().from(t.plannerTasks).where(eq(t.plannerTasks.state, "linked")).limit(1);
    const [item] = await tdb.database.db.select().from(t.raidItems).where(eq(t.raidItems.id, linked?.raidItemId ?? ""));
    const res = await request(app)
      .patch(`/api/projects/${demoProjectId()}/raid/${item?.id ?? ""}`)
      .set("Authorization", devAuth("dana"))
      .send({ version: item?.version, title: "Confirm the cut-over window with IT" });
    expect(res.status).toBe(200);
    for (let i = 0; i < 300 && graph.planner.tasks.get(linked?.taskId ?? "")?.title !== "Confirm the cut-over window with IT"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(graph.planner.tasks.get(linked?.taskId ?? "")?.title).toBe("Confirm the cut-over window with IT");
    const patch = graph.requestsTo("updatePlannerTask").at(-1);
    expect(patch?.headers["if-match"]).toBeTruthy();
    expect(patch?.body).toEqual({ title: "Confirm the cut-over window with IT" });
  });

  it("is internal only", async () => {
    const res = await request(app).get(url()).set("Authorization", devAuth("rachel"));
    expect(res.status).toBe(403);
  });
});
