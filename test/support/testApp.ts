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
import { localOutboxMail } from "../../server/graph/mailFactory";

export function buildTestApp(database: Database, overrides: { now?: Date; revisions?: RevisionWatch; linkSecret?: string; clock?: () => Date; stageTicketSecret?: Uint8Array } = {}): Express {
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
  });
}

/** The dev credential of a demo person ("dana", "marcus", "rachel"...) of a tenant. */
export function devAuth(personKey: string, tenantId = DEMO_TENANT_ID): string {
  return `Dev ${tenantId}.${demoId(`person_${personKey}`, tenantId)}`;
}

export const demoMeetingId = (key: string, tenantId = DEMO_TENANT_ID) => demoId(`meeting_${key}`, tenantId);
export const demoProjectId = (tenantId = DEMO_TENANT_ID) => demoId("project", tenantId);
