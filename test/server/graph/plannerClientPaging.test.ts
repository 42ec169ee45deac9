import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphRequester } from "../../../server/graph/graphRequester";
import { createPlannerClient } from "../../../server/graph/plannerClient";
import { startFakeGraphServer, type FakeGraphServer } from "../../support/graph/fakeGraphServer";

// Graph pages `GET /planner/plans/{id}/tasks` and names the rest with an absolute `@odata.nextLink`
// carrying an opaque `$skiptoken`; a plan bigger than one page must still be read whole, or the
// sync would take the tasks past the first page for deleted ones.
describe("Planner client: a plan's tasks over several pages", () => {
  let graph: FakeGraphServer;
  beforeAll(async () => {
    graph = await startFakeGraphServer();
  });
  afterAll(async () => {
    await graph?.close();
  });

  it("follows every @odata.nextLink and returns each task once", async () => {
    const requester = createGraphRequester({ baseUrl: graph.baseUrl, tokens: { getGraphToken: async () => "pm-token" }, maxRetries: 0, connectionReplays: 0 });
    const client = createPlannerClient(requester, { tenantId: "t", userId: "pm", name: "Dana", email: "dana", token: "t" });
    const planId = graph.planner.addPlan("Riverside go-live");
    graph.planner.taskPageSize = 3;
    const titles = Array.from({ length: 8 }, (_, i) => `Task ${i + 1}`);
    for (const title of titles) await client.createTask({ planId, title });
    const tasks = await client.listPlanTasks(planId);
    expect(tasks.map((task) => task.title).sort()).toEqual([...titles].sort());
    expect(new Set(tasks.map((task) => task.id)).size).toBe(8);
    const listed = graph.requestsTo("listPlanTasks");
    expect(listed).toHaveLength(3);
  });
});
