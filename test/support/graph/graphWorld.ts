import pino, { type Logger } from "pino";
import type { Express } from "express";
import { createApp } from "../../../server/app";
import { createLocalBus } from "../../../server/live/liveBus";
import { createTokenVerifier, defaultAllowedClientIds } from "../../../server/auth/verifyTeamsToken";
import { entraAuthenticator } from "../../../server/auth/entraAuthenticator";
import { createOboTokenProvider, type OboTokenProviderOptions } from "../../../server/auth/oboTokenProvider";
import { createGraphGateway, type GraphGatewayOptions } from "../../../server/graph/graphGateway";
import type { MailCalendarGateway } from "../../../server/graph/MailCalendarGateway";
import type { Database } from "../../../server/db/database";
import { TEST_NOW } from "../constants";
import { openTestDatabase, type DatabaseKind, type TestDatabase } from "../testDatabase";
import { startTogether } from "../startTogether";
import { startFakeEntraServer, type FakeEntraServer } from "./fakeEntraServer";
import { startFakeGraphServer, type FakeGraphServer } from "./fakeGraphServer";

// The local Microsoft world of the Graph-mode tests: a test database, a local Entra (Teams SSO
// tokens, on-behalf-of, auth codes) and a local Graph, and the app wired to them as production
// wires it (server/index.ts): SSO verified against Entra's keys, Graph called on behalf of the user.

export interface GraphWorld {
  tdb: TestDatabase;
  entra: FakeEntraServer;
  graph: FakeGraphServer;
  /** Drops the database and closes Entra and Graph. */
  close(): Promise<void>;
}

export interface GraphWorldOptions {
  /** The database kind; seeded with the demo project at TEST_NOW unless `seed` is false. */
  database: DatabaseKind;
  seed?: boolean;
  /** The tenant of Entra's tokens (DEMO_TENANT_ID for the demo's people); the fake's own otherwise. */
  tenantId?: string;
}

/** Opens the database and starts Entra and Graph together; if one fails, the others are closed and its error thrown. */
export async function startGraphWorld(options: GraphWorldOptions): Promise<GraphWorld> {
  const [tdb, entra, graph] = await startTogether<[TestDatabase, FakeEntraServer, FakeGraphServer]>(
    [openTestDatabase(options.database, { seed: options.seed ?? true }), (t) => t.drop()],
    [startFakeEntraServer(options.tenantId ? { tenantId: options.tenantId } : {}), (e) => e.close()],
    [startFakeGraphServer(), (g) => g.close()],
  );
  return { tdb, entra, graph, close: async () => void (await Promise.all([tdb.drop(), entra.close(), graph.close()])) };
}

/**
 * The Graph gateway of a signed-in user: on-behalf-of tokens from `entra` (msal-node, through the
 * fake's network client) and the real Graph SDK against `graph`. `gateway` holds the SDK's retry and
 * timing settings (tests pass 0 s retry delays); `obo` adds to the token provider's (timeoutMs, a
 * network client that can hang).
 */
export function oboGraphGateway(
  entra: FakeEntraServer,
  graph: FakeGraphServer,
  gateway: Omit<GraphGatewayOptions, "baseUrl" | "tokens">,
  obo: Partial<OboTokenProviderOptions> = {},
): MailCalendarGateway {
  return createGraphGateway({ baseUrl: graph.baseUrl, tokens: createOboTokenProvider({ ...entra.msal, ...obo }), ...gateway });
}

/**
 * The app in Graph mode as production builds it with Teams SSO: callers sign in with an Entra token
 * (no dev sign-in), verified against `entra`'s keys; mail and calendar go through `mail()` (read per
 * request, so a test may swap the gateway). Clock TEST_NOW unless `clock` is given; logs silent unless `logger` is.
 */
export function graphModeApp(options: {
  database: Database;
  entra: FakeEntraServer;
  mail: () => MailCalendarGateway;
  clock?: () => Date;
  logger?: Logger;
  webRoot?: string;
}): Express {
  const { entra, database } = options;
  const logger = options.logger ?? pino({ level: "silent" });
  const verifier = createTokenVerifier({ clientId: entra.clientId, appIdUri: entra.appIdUri, allowedClientIds: defaultAllowedClientIds, jwks: entra.jwks });
  return createApp({
    database,
    logger,
    clock: options.clock ?? (() => TEST_NOW),
    authenticators: [entraAuthenticator(verifier, database.db, logger)],
    isReady: () => true,
    devSignIn: false,
    bus: createLocalBus(),
    mail: () => options.mail(),
    mailMode: "graph",
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
  });
}
