import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../server/config";
import { buildBotEndpoint } from "../../../server/bot/buildBotEndpoint";
import pino from "pino";
import { createLocalBus } from "../../../server/live/liveBus";
import type { Db } from "../../../server/db/database";

// The bot is configured all at once or not at all.

describe("bot configuration", () => {
  it("lists every missing bot setting at start-up", () => {
    try {
      loadConfig({ BOT_APP_ID: "b07" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems).toEqual([
        "BOT_APP_PASSWORD is required when BOT_APP_ID is set",
        "TAB_DOMAIN is required when BOT_APP_ID is set",
        "TEAMS_APP_ID is required when BOT_APP_ID is set",
        "BOT_TENANT_ID is required when BOT_APP_ID is set (or AAD_APP_TENANT_ID)",
      ]);
    }
  });

  it("outbox mode (no BOT_APP_ID) has no bot endpoint; a configured bot has one", async () => {
    const deps = { db: {} as Db, bus: createLocalBus(), clock: () => new Date(), logger: pino({ level: "silent" }) };
    expect((await buildBotEndpoint(loadConfig({}), deps)).botEndpoint).toBeUndefined();
    const configured = loadConfig({ BOT_APP_ID: "b07", BOT_APP_PASSWORD: "s", BOT_TENANT_ID: "t", TAB_DOMAIN: "callbook.example.com", TEAMS_APP_ID: "app" });
    expect((await buildBotEndpoint(configured, deps)).botEndpoint).toBeDefined();
  });
});
