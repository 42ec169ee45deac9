import type { Logger } from "pino";
import type { Config } from "../config";
import type { Db } from "../db/database";
import type { LiveBus } from "../live/liveBus";
import type { Clock } from "../clock";
import type { BotEndpointDeps } from "../services/bot/botEndpointDeps";
import { createBotActivityVerifier } from "./verifyBotActivity";
import { createConnectorClient } from "./connectorClient";
import { createMeetingBot } from "../services/bot/meetingBot";

/**
 * The real bot endpoint from config, or nothing when BOT_APP_ID is unset (outbox mode: no bot
 * traffic; the Outbox page previews the cards instead). Allowed tenants: ALLOWED_TENANTS, else
 * the bot's own tenant.
 */
export async function buildBotEndpoint(config: Config, deps: { db: Db; bus: LiveBus; clock: Clock; logger: Logger }): Promise<{ botEndpoint?: BotEndpointDeps }> {
  const tenant = config.BOT_TENANT_ID ?? config.AAD_APP_TENANT_ID;
  if (!config.BOT_APP_ID || !config.BOT_APP_PASSWORD || !tenant || !config.TAB_DOMAIN || !config.TEAMS_APP_ID) return {};
  // msal-node is loaded only when a bot is configured (it is some 20 MB of RSS).
  const { createBotTokenProvider } = await import("./botTokenProvider");
  const token = createBotTokenProvider({ appId: config.BOT_APP_ID, password: config.BOT_APP_PASSWORD, authority: `${config.AUTHORITY_HOST}/${tenant}`, timeoutMs: config.GRAPH_TIMEOUT_MS });
  const bot = createMeetingBot({
    db: deps.db,
    connector: createConnectorClient(token),
    bus: deps.bus,
    clock: deps.clock,
    logger: deps.logger,
    teamsAppId: config.TEAMS_APP_ID,
    publicUrl: config.PUBLIC_URL?.replace(/\/+$/, "") ?? `https://${config.TAB_DOMAIN}`,
  });
  const verify = createBotActivityVerifier({
    botAppId: config.BOT_APP_ID,
    openIdMetadataUrl: config.BOT_OPENID_METADATA_URL,
    allowedTenants: config.ALLOWED_TENANTS?.length ? config.ALLOWED_TENANTS : [tenant],
  });
  return { botEndpoint: { verify, bot, logger: deps.logger } };
}
