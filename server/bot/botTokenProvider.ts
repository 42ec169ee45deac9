import { ConfidentialClientApplication } from "@azure/msal-node";

/**
 * Bot Connector access tokens by client credentials (Microsoft Learn, "Authenticate requests
 * from your bot to the Bot Connector service"): scope `https://api.botframework.com/.default`,
 * issued by the bot's home tenant (single-tenant Azure Bot). msal-node caches until expiry.
 * Throws when Entra refuses (wrong secret, app not in the tenant).
 */
export function createBotTokenProvider(options: { appId: string; password: string; authority: string }): () => Promise<string> {
  const client = new ConfidentialClientApplication({ auth: { clientId: options.appId, clientSecret: options.password, authority: options.authority } });
  return async () => {
    const result = await client.acquireTokenByClientCredential({ scopes: ["https://api.botframework.com/.default"] });
    if (!result?.accessToken) throw new Error("no Bot Connector token");
    return result.accessToken;
  };
}
