import { createOboTokenProvider } from "../../../server/auth/oboTokenProvider";
import { createGraphGateway } from "../../../server/graph/graphGateway";
import type { MailCalendarGateway } from "../../../server/graph/MailCalendarGateway";
import type { Database } from "../../../server/db/database";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import type { FakeEntraServer } from "../../support/graph/fakeEntraServer";
import type { FakeGraphServer } from "../../support/graph/fakeGraphServer";
import { graphModeApp } from "../../support/graph/graphWorld";
import { listenOnLoopback } from "../../support/testApp";

// Callbook on the Microsoft path, as graphPath.test.ts builds it (graphModeApp): Teams SSO against
// a local Entra, on-behalf-of tokens, the real Graph SDK against a local Graph. The gateway can be
// pointed at another local Graph between phases (a fresh fault queue).

/** Client-side Graph timeout in the drill (20 s in production): a hung connection costs this much. */
export const GRAPH_DRILL_TIMEOUT_MS = 1000;

export interface GraphDrillApp {
  url: string;
  useGraph(graph: FakeGraphServer): void;
  danaToken(): Promise<string>;
  close(): Promise<void>;
}

export async function startGraphDrillApp(database: Database, entra: FakeEntraServer, graph: FakeGraphServer): Promise<GraphDrillApp> {
  const tokens = createOboTokenProvider(entra.msal);
  const gatewayFor = (g: FakeGraphServer) =>
    createGraphGateway({ baseUrl: g.baseUrl, tokens, retryDelaySeconds: 0, maxRetries: 1, replayDelayMs: 5, settleMs: 10, timeoutMs: GRAPH_DRILL_TIMEOUT_MS });
  let gateway: MailCalendarGateway = gatewayFor(graph);
  const server = await listenOnLoopback(graphModeApp({ database, entra, mail: () => gateway }));
  return {
    url: server.url,
    useGraph: (g) => {
      gateway = gatewayFor(g);
    },
    danaToken: () =>
      entra.mintTeamsToken({ tenantId: DEMO_TENANT_ID, email: "Dana.Whitfield@contoso.com", name: "Dana Whitfield", oid: "0a0a0a0a-0000-4000-8000-00000000da7a" }),
    close: () => server.close(),
  };
}

/** Recap id → number of deliveries, read from the X-Callbook-Recap-Id header of each delivered message. */
export function deliveriesByRecapId(graphs: FakeGraphServer[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const g of graphs) {
    for (const d of g.mailbox.deliveries) {
      const headers = g.mailbox.messages.get(d.messageId)?.body.internetMessageHeaders;
      const id = Array.isArray(headers) ? (headers as { name: string; value: string }[]).find((h) => h.name === "X-Callbook-Recap-Id")?.value : undefined;
      const key = id ?? `(no recap id: ${String(d.subject)})`;
      out.set(key, (out.get(key) ?? 0) + 1);
    }
  }
  return out;
}
