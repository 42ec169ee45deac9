import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { INetworkModule } from "@azure/msal-node";
import { createBotTokenProvider } from "../../../server/bot/botTokenProvider";
import { UpstreamTimedOut } from "../../../server/services/upstream/upstreamTimedOut";
import { startFakeEntraServer, type FakeEntraServer } from "../../support/graph/fakeEntraServer";

// The bot's Bot Connector tokens (client credentials) go through the same msal-node factory as
// on-behalf-of and stored consent, so a hung Entra token endpoint ends at the request time-out
// instead of holding the bot's reply for minutes (issue 13 §5).

describe("Bot Connector tokens by client credentials", () => {
  let entra: FakeEntraServer;
  let hang = false;
  let network: INetworkModule;

  beforeAll(async () => {
    entra = await startFakeEntraServer();
    network = {
      sendGetRequestAsync: (url, options) => entra.networkClient.sendGetRequestAsync(url, options),
      // A token endpoint that accepts the connection and never answers.
      sendPostRequestAsync: (url, options) => (hang ? new Promise(() => undefined) : entra.networkClient.sendPostRequestAsync(url, options)),
    };
  });
  afterAll(async () => {
    await entra?.close();
  });

  const provider = (timeoutMs = 20_000) =>
    createBotTokenProvider({
      appId: entra.clientId,
      password: entra.clientSecret,
      authority: entra.authority,
      authorityMetadata: entra.authorityMetadata,
      cloudDiscoveryMetadata: entra.cloudDiscoveryMetadata,
      networkClient: network,
      timeoutMs,
    });

  it("asks Entra for the Bot Framework scope with the bot's app id and secret", async () => {
    const token = await provider()();
    expect(token.split(".")).toHaveLength(3);
    expect(entra.tokenRequests.at(-1)?.form).toMatchObject({ grant_type: "client_credentials", client_id: entra.clientId, scope: "https://api.botframework.com/.default" });
  });

  it("a hung token endpoint ends in the time-out error naming Microsoft Entra", { timeout: 15_000 }, async () => {
    hang = true;
    try {
      const failure = await provider(1000)().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(UpstreamTimedOut);
      expect((failure as UpstreamTimedOut).message).toBe("Microsoft Entra did not answer Bot Connector token within 1 s");
    } finally {
      hang = false;
    }
  });
});
