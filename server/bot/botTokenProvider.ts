import type { INetworkModule } from "@azure/msal-node";
import { createEntraClient, entraTimeoutOr } from "../auth/entraClientApplication";
import { DEFAULT_UPSTREAM_TIMEOUT_MS } from "../services/upstream/upstreamTimedOut";

/** The bot's app registration (Azure Bot) as the token provider needs it. */
export interface BotTokenOptions {
  appId: string;
  password: string;
  /** `https://login.microsoftonline.com/<bot's home tenant>`. */
  authority: string;
  /** Client-side timeout of each Entra request, ms (config GRAPH_TIMEOUT_MS). Default 20 s. */
  timeoutMs?: number;
  /** OpenID metadata / instance discovery as JSON strings, and msal's HTTP seam: tests against a local Entra. */
  authorityMetadata?: string;
  cloudDiscoveryMetadata?: string;
  networkClient?: INetworkModule;
}

/**
 * Bot Connector access tokens by client credentials (Microsoft Learn, "Authenticate requests
 * from your bot to the Bot Connector service"): scope `https://api.botframework.com/.default`,
 * issued by the bot's home tenant (single-tenant Azure Bot). msal-node caches until expiry. The
 * client is Callbook's one msal-node factory (createEntraClient), so every Entra request has the
 * client-side timeout: a hung token endpoint throws UpstreamTimedOut("Microsoft Entra", …) after
 * `timeoutMs`. Throws msal's AuthError when Entra refuses (wrong secret, app not in the tenant).
 */
export function createBotTokenProvider(options: BotTokenOptions): () => Promise<string> {
  const client = createEntraClient({
    clientId: options.appId,
    clientSecret: options.password,
    authority: options.authority,
    timeoutMs: options.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS,
    ...(options.authorityMetadata ? { authorityMetadata: options.authorityMetadata } : {}),
    ...(options.cloudDiscoveryMetadata ? { cloudDiscoveryMetadata: options.cloudDiscoveryMetadata } : {}),
    ...(options.networkClient ? { networkClient: options.networkClient } : {}),
  });
  const timeoutMs = options.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
  return async () => {
    const started = Date.now();
    let result;
    try {
      result = await client.acquireTokenByClientCredential({ scopes: ["https://api.botframework.com/.default"] });
    } catch (error) {
      throw entraTimeoutOr(error, started, timeoutMs, "Bot Connector token");
    }
    if (!result?.accessToken) throw new Error("no Bot Connector token");
    return result.accessToken;
  };
}
