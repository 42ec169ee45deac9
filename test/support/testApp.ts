import { once } from "node:events";
import type { AddressInfo } from "node:net";
import pino from "pino";
import type { Express } from "express";
import { createApp } from "../../server/app";
import { devAuthenticator } from "../../server/auth/devSignIn";
import type { Database } from "../../server/db/database";
import { demoId } from "../../server/db/demo/seedDemo";
import { DEMO_TENANT_ID } from "../../server/db/demo/demoPeople";
import { TEST_NOW } from "./constants";
import { createLocalBus } from "../../server/live/liveBus";
import type { RevisionWatch } from "../../server/db/revisionWatch";
import type { AppDeps } from "../../server/appDeps";
import { localOutboxMail } from "../../server/graph/mailFactory";

/**
 * The app as `npm start` builds it on `database`, in this process: dev sign-in, outbox mail, clock
 * TEST_NOW (or `now` / `clock`), silent logs. `deps` replaces or adds any of createApp's
 * dependencies last (mailMode "graph" with a Planner or consent seam, another mail gateway…).
 */
export function buildTestApp(
  database: Database,
  overrides: { now?: Date; revisions?: RevisionWatch; linkSecret?: string; clock?: () => Date; stageTicketSecret?: Uint8Array; deps?: Partial<AppDeps> } = {},
): Express {
  return createApp({
    database,
    logger: pino({ level: "silent" }),
    clock: overrides.clock ?? (() => overrides.now ?? TEST_NOW),
    authenticators: [devAuthenticator(database.db)],
    isReady: () => true,
    devSignIn: true,
    bus: createLocalBus(),
    ...(overrides.revisions ? { revisions: overrides.revisions } : {}),
    mail: localOutboxMail(database.db, () => overrides.now ?? TEST_NOW),
    mailMode: "outbox",
    ...(overrides.linkSecret ? { linkSecret: overrides.linkSecret } : {}),
    ...(overrides.stageTicketSecret ? { stageTicketSecret: overrides.stageTicketSecret } : {}),
    ...overrides.deps,
  });
}

/** The dev credential of a demo person ("dana", "marcus", "rachel"...) of a tenant. */
export function devAuth(personKey: string, tenantId = DEMO_TENANT_ID): string {
  return `Dev ${tenantId}.${demoId(`person_${personKey}`, tenantId)}`;
}

export const demoMeetingId = (key: string, tenantId = DEMO_TENANT_ID) => demoId(`meeting_${key}`, tenantId);
export const demoProjectId = (tenantId = DEMO_TENANT_ID) => demoId("project", tenantId);

/** An Express app listening in this process on a free loopback port. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  port: number;
  /** Ends open connections (live streams included), then closes the listener. */
  close(): Promise<void>;
}

/** Listens with `app` on 127.0.0.1, port 0 (a free one); resolves once it listens. */
export async function listenOnLoopback(app: Express): Promise<LoopbackServer> {
  const server = app.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
