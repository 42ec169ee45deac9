import { readFileSync } from "node:fs";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { Express } from "express";
import pg from "pg";
import pino from "pino";
import { createApp } from "../../server/app";
import { createRemoteJWKSet } from "jose";
import { devAuthenticator } from "../../server/auth/devSignIn";
import { entraAuthenticator } from "../../server/auth/entraAuthenticator";
import { createTokenVerifier, defaultAllowedClientIds } from "../../server/auth/verifyTeamsToken";
import type { Database } from "../../server/db/database";
import { createLocalBus, type LiveBus } from "../../server/live/liveBus";
import { createLiveClients } from "../../server/live/liveClients";
import { localOutboxMail } from "../../server/graph/mailFactory";
import { openDatabase } from "../../server/db/database";
import { migrate } from "../../server/db/migrate";
import { watchRevisions } from "../../server/db/revisionWatch";
import { seedDemo } from "../../server/db/demo/seedDemo";
import { openTestDatabase, type DatabaseKind, type TestDatabase } from "../../test/support/testDatabase";
import { TEST_NOW } from "../../test/support/constants";

export const DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test";

let template: Promise<Blob> | null = null;

/**
 * The PGlite dump every in-process database of this run starts from: initdb, today's migrations
 * and the demo at TEST_NOW, made once per bench process (never a dump left by an older schema).
 */
export function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const database = await openDatabase({ dataDir: "memory://" });
    try {
      await migrate(database);
      await seedDemo(database, { now: TEST_NOW });
      const dump = await database.dumpDataDir?.();
      if (!dump) throw new Error("PGlite dump unavailable");
      return dump;
    } finally {
      await database.close();
    }
  })();
  return template;
}

/** TEST_DATABASE_URL, else the machine's PostgreSQL, if it answers; null when there is none. */
export async function reachablePostgres(): Promise<string | null> {
  const url = process.env.TEST_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    process.env.TEST_DATABASE_URL = url;
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh database seeded with the demo at TEST_NOW: PGlite in memory, or a scratch PostgreSQL database. */
export async function openBenchDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === "postgres") return openTestDatabase(kind);
  const database = await openDatabase({ dataDir: "memory://", pgliteTemplate: await pgliteTemplate() });
  return { database, drop: () => database.close() };
}

/** Teams SSO for an in-process server: the fake Entra's client id and host, the tab domain, and the test host page allowed to frame the app. */
export interface TeamsSso {
  clientId: string;
  authorityHost: string;
  tabDomain: string;
  hostOrigin: string;
}

export interface InProcessServer {
  url: string;
  app: Express;
  server: Server;
  close(): Promise<void>;
}

/**
 * Callbook as server/index.ts builds it for the embedded default (dev sign-in, local bus, local
 * outbox, the revision watch), logging at info to /dev/null so a request pays for its log line as in production.
 * `extend` adds routes to the same app instance before it listens.
 */
export async function startInProcess(
  database: Database,
  options: { webRoot?: string; now?: Date; bus?: LiveBus; extend?: (app: Express) => void; teams?: TeamsSso } = {},
): Promise<InProcessServer> {
  const now = options.now ?? TEST_NOW;
  const logger = pino({ level: "info" }, pino.destination({ dest: "/dev/null", sync: false }));
  const revisions = await watchRevisions(database, logger);
  const teams = options.teams;
  // Teams SSO as server/index.ts builds it from AAD_APP_CLIENT_ID, TAB_DOMAIN and AUTHORITY_HOST.
  const sso = teams
    ? [
        entraAuthenticator(
          createTokenVerifier({
            clientId: teams.clientId,
            appIdUri: `api://${teams.tabDomain}/${teams.clientId}`,
            allowedClientIds: [...defaultAllowedClientIds, teams.clientId],
            jwks: createRemoteJWKSet(new URL(`${teams.authorityHost}/common/discovery/v2.0/keys`)),
          }),
          database.db,
          logger,
        ),
      ]
    : [];
  const app = createApp({
    database,
    logger,
    clock: () => now,
    authenticators: [...sso, devAuthenticator(database.db)],
    ...(teams ? { teamsHostOrigins: [teams.hostOrigin], entra: { clientId: teams.clientId, apiResource: `api://${teams.tabDomain}/${teams.clientId}` } } : {}),
    isReady: () => true,
    devSignIn: true,
    bus: options.bus ?? createLocalBus(),
    liveClients: createLiveClients(),
    revisions,
    mail: localOutboxMail(database.db, () => now),
    mailMode: "outbox",
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
  });
  options.extend?.(app);
  const server = app.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await revisions.close();
    },
  };
}

/** VmRSS of a process in MB, from /proc/<pid>/status. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? "NaN");
  return kb / 1024;
}

/** Peak RSS (VmHWM) of a process in MB. */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? "NaN");
  return kb / 1024;
}
