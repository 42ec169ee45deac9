import pino from "pino";
import type { Express } from "express";
import { createApp } from "../../../server/app";
import { devAuthenticator } from "../../../server/auth/devSignIn";
import type { Database } from "../../../server/db/database";
import { createLocalBus } from "../../../server/live/liveBus";
import { localOutboxMail } from "../../../server/graph/mailFactory";
import { createBotActivityVerifier } from "../../../server/bot/verifyBotActivity";
import { createConnectorClient } from "../../../server/bot/connectorClient";
import { createMeetingBot, type MeetingBot } from "../../../server/services/bot/meetingBot";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import { TEST_NOW } from "../constants";
import type { FakeBotConnector } from "./fakeBotConnector";

/**
 * The test app with the bot endpoint wired to a fake Bot Framework (connector: null = outbox mode).
 * `webRoot` and `teamsHostOrigins` serve the built front end to the Teams host page (e2e).
 */
export function buildBotTestApp(
  database: Database,
  fake: FakeBotConnector,
  options: { outbox?: boolean; webRoot?: string; teamsHostOrigins?: string[] } = {},
): { app: Express; bot: MeetingBot } {
  const logger = pino({ level: "silent" });
  const bus = createLocalBus();
  const clock = () => TEST_NOW;
  const bot = createMeetingBot({
    db: database.db,
    connector: options.outbox ? null : createConnectorClient(async () => "bot-token-from-client-credentials"),
    bus,
    clock,
    logger,
    teamsAppId: "c0ffee00-0000-4000-8000-000000000018",
    publicUrl: "https://callbook.test",
  });
  const verify = createBotActivityVerifier({ botAppId: fake.botAppId, openIdMetadataUrl: fake.openIdMetadataUrl, allowedTenants: [DEMO_TENANT_ID] });
  const app = createApp({
    database,
    logger,
    clock,
    authenticators: [devAuthenticator(database.db)],
    isReady: () => true,
    devSignIn: true,
    bus,
    mail: localOutboxMail(database.db, clock),
    mailMode: "outbox",
    botEndpoint: { verify, bot, logger },
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
    ...(options.teamsHostOrigins ? { teamsHostOrigins: options.teamsHostOrigins } : {}),
  });
  return { app, bot };
}
