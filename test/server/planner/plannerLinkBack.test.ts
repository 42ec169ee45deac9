import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphRequester } from "../../../server/graph/graphRequester";
import { createPlannerClient, type PlannerClient } from "../../../server/graph/plannerClient";
import { startFakeGraphServer, type FakeGraphServer } from "../../support/graph/fakeGraphServer";

// The link back to Callbook is a PATCH of the task's details with If-Match: when someone edits the
// task's notes in Planner between our read and our write, Graph answers 412 Precondition Failed.
// Like the task PATCH, the link back re-reads the details for a fresh ETag and tries again.

describe("Planner link back on a 412", () => {
  let graph: FakeGraphServer;
  let client: PlannerClient;
  let planId: string;
  const link = { url: "https://callbook.example/r/1", alias: "Callbook: Weekly status", description: "Action from the weekly status in Callbook", referenceKey: "https%3A//callbook%2Eexample/r/1" };

  beforeAll(async () => {
    graph = await startFakeGraphServer();
    const requester = createGraphRequester({ baseUrl: graph.baseUrl, tokens: { getGraphToken: async () => "pm-token" }, maxRetries: 0, connectionReplays: 0 });
    client = createPlannerClient(requester, { tenantId: "t", userId: "pm", name: "Dana", email: "dana", token: "t" });
    planId = graph.planner.addPlan("Riverside go-live");
  });
  afterAll(() => graph.close());

  it("re-reads the details and writes the link once someone else's edit made the ETag stale", async () => {
    const task = await client.createTask({ planId, title: "Send the cut-over checklist" });
    graph.planner.onNextDetailsPatch((id) => graph.planner.editTaskDetails(id, "Notes typed in Planner"));
    await client.addLinkBack(task.id, link);
    expect(graph.requestsTo("updatePlannerTaskDetails").map((r) => r.outcome)).toEqual([412, 204]);
    expect(graph.requestsTo("getPlannerTaskDetails")).toHaveLength(2);
    expect(graph.planner.details.get(task.id)?.references[link.referenceKey]).toMatchObject({ alias: link.alias, type: "Other" });
  });

  it("gives up with the 412 after three re-reads when the details keep changing", async () => {
    const task = await client.createTask({ planId, title: "Customer signs the data mapping" });
    const before = graph.requestsTo("updatePlannerTaskDetails").length;
    // One edit before each of the four PATCHes (the first and three retries).
    for (let i = 0; i < 4; i++) graph.planner.onNextDetailsPatch((id) => graph.planner.editTaskDetails(id, `edit ${i}`));
    await expect(client.addLinkBack(task.id, link)).rejects.toMatchObject({ status: 412 });
    expect(graph.requestsTo("updatePlannerTaskDetails").slice(before).map((r) => r.outcome)).toEqual([412, 412, 412, 412]);
  });
});
