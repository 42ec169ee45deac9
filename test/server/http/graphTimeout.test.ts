import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import request from "supertest";
import type { Express } from "express";
import type { INetworkModule } from "@azure/msal-node";
import type { TestDatabase } from "../../support/testDatabase";
import { demoMeetingId } from "../../support/testApp";
import type { FakeEntraServer } from "../../support/graph/fakeEntraServer";
import type { FakeGraphServer, GraphFault, GraphRouteName } from "../../support/graph/fakeGraphServer";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import { deliveriesByRecapId } from "../../drills/support/graphDrillApp";
import { graphModeApp, oboGraphGateway, startGraphWorld, type GraphWorld } from "../../support/graph/graphWorld";

// Issue 13 §5: a Graph (or Entra) that accepts the connection and never answers. Client-side
// timeouts of 1.5 s here (20 s by default): the send answers 504 with a message the panel shows,
// the outbox row says failed, and "Send again" with the same id delivers exactly once.
const TIMEOUT_MS = 1500;

describe("a hung Microsoft connection during a recap send", () => {
  let world: GraphWorld | undefined;
  let tdb: TestDatabase;
  let entra: FakeEntraServer;
  let graph: FakeGraphServer;
  let app: Express;
  let entraHangs = false;
  const dana = async () => `Bearer ${await entra.mintTeamsToken({ tenantId: DEMO_TENANT_ID, email: "Dana.Whitfield@contoso.com", name: "Dana Whitfield", oid: "0a0a0a0a-0000-4000-8000-00000000da7a" })}`;

  beforeAll(async () => {
    world = await startGraphWorld({ database: "pglite", tenantId: DEMO_TENANT_ID });
    ({ tdb, entra, graph } = world);
    // Entra's token endpoint that can be made to hang (a POST that never answers).
    const network: INetworkModule = {
      sendGetRequestAsync: (url, options) => entra.networkClient.sendGetRequestAsync(url, options),
      sendPostRequestAsync: (url, options) => (entraHangs ? new Promise(() => undefined) : entra.networkClient.sendPostRequestAsync(url, options)),
    };
    const gateway = oboGraphGateway(
      entra,
      graph,
      { timeoutMs: TIMEOUT_MS, retryDelaySeconds: 0, maxRetries: 1, replayDelayMs: 5, settleMs: 10 },
      { networkClient: network, timeoutMs: TIMEOUT_MS },
    );
    app = graphModeApp({ database: tdb.database, entra, mail: () => gateway });
  });
  afterAll(async () => {
    await world?.close();
  });

  const hangs: [string, GraphRouteName, GraphFault][] = [
    ["the send hangs after Graph sent the mail", "sendMessage", { kind: "hangAfterAccept" }],
    ["the send hangs before Graph acted", "sendMessage", { kind: "hang" }],
    ["creating the draft hangs", "createMessage", { kind: "hang" }],
    ["creating the draft hangs after Graph created it", "createMessage", { kind: "hangAfterAccept" }],
  ];

  it.each(hangs)("%s: 504 with a message, the outbox says failed, and a retry delivers exactly once", { timeout: 30_000 }, async (_label, route, fault) => {
    const meeting = demoMeetingId("m_cust");
    const auth = await dana();
    const id = randomUUID();
    graph.injectFault(route, fault, 1);
    const first = await request(app).post(`/api/meetings/${meeting}/recap/send`).set("Authorization", auth).send({ id, sendBeforeStart: true });
    expect(first.status).toBe(504);
    expect(first.body).toMatchObject({ status: "failed", error: { code: "upstream_timeout" } });
    expect(first.body.error.message).toBe("Outlook did not answer within 2 s. Send again: Callbook checks whether the recap went out before sending it.");
    const row = await request(app).get(`/api/outbox/${id}`).set("Authorization", auth);
    expect(row.body).toMatchObject({ status: "failed", error: first.body.error.message });

    const retry = await request(app).post(`/api/meetings/${meeting}/recap/send`).set("Authorization", auth).send({ id, sendBeforeStart: true });
    expect([200, 201]).toContain(retry.status);
    expect(retry.body.status).toBe("sent");
    expect(deliveriesByRecapId([graph]).get(id)).toBe(1);
    const again = await request(app).post(`/api/meetings/${meeting}/recap/send`).set("Authorization", auth).send({ id, sendBeforeStart: true });
    expect(again.status).toBe(200);
    expect(deliveriesByRecapId([graph]).get(id)).toBe(1);
  });

  it("a hung Entra token endpoint: 504 naming Microsoft sign-in, and a retry delivers once", { timeout: 30_000 }, async () => {
    const meeting = demoMeetingId("m_cust_prev");
    // A fresh SSO token: msal has no cached on-behalf-of token for it.
    const auth = `Bearer ${await entra.mintTeamsToken({ tenantId: DEMO_TENANT_ID, email: "Dana.Whitfield@contoso.com", name: "Dana Whitfield", oid: "0a0a0a0a-0000-4000-8000-00000000da7a", expiresInSeconds: 1234 })}`;
    const id = randomUUID();
    entraHangs = true;
    let first;
    try {
      first = await request(app).post(`/api/meetings/${meeting}/recap/send`).set("Authorization", auth).send({ id, sendBeforeStart: true });
    } finally {
      entraHangs = false;
    }
    expect(first.status).toBe(504);
    expect(first.body.error.message).toBe("Microsoft sign-in did not answer within 2 s. Send again: Callbook checks whether the recap went out before sending it.");
    const retry = await request(app).post(`/api/meetings/${meeting}/recap/send`).set("Authorization", auth).send({ id, sendBeforeStart: true });
    expect(retry.status).toBe(201);
    expect(deliveriesByRecapId([graph]).get(id)).toBe(1);
  });
});
