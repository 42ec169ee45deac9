import { AuthError, ConfidentialClientApplication, type INetworkModule } from "@azure/msal-node";
import { timedNetworkClient } from "./timedNetworkClient";
import { DEFAULT_UPSTREAM_TIMEOUT_MS, UpstreamTimedOut } from "../services/upstream/upstreamTimedOut";

/** Callbook's Entra app registration as msal-node needs it, with the HTTP seam and its timeout. */
export interface EntraClientOptions {
  clientId: string;
  clientSecret: string;
  /** `https://login.microsoftonline.com/<tenant id>` (the tenant of the users). */
  authority: string;
  /** OpenID metadata of the authority, as a JSON string: skips discovery (offline start, tests). */
  authorityMetadata?: string;
  /** Instance discovery response, as a JSON string: skips instance discovery. */
  cloudDiscoveryMetadata?: string;
  /** msal-node's HTTP seam; tests pass one that talks to a local fake Entra. */
  networkClient?: INetworkModule;
  /** Client-side timeout of each Entra request, ms (config GRAPH_TIMEOUT_MS). Default 20 s. */
  timeoutMs?: number;
}

/**
 * The one msal-node ConfidentialClientApplication of Callbook's app registration, used for
 * on-behalf-of tokens (oboTokenProvider.ts) and for the PMs' stored consent (storedConsent.ts), and
 * of the bot's own registration for Bot Connector tokens (bot/botTokenProvider.ts).
 * Every Entra request goes through `timedNetworkClient` (so a hung token endpoint throws
 * UpstreamTimedOut after `timeoutMs`). No logger: msal's default logs nothing at this level, and
 * never an assertion or a token. Each call builds a new application with its own token cache.
 */
export function createEntraClient(options: EntraClientOptions): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: {
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      authority: options.authority,
      ...(options.authorityMetadata ? { authorityMetadata: options.authorityMetadata } : {}),
      ...(options.cloudDiscoveryMetadata ? { cloudDiscoveryMetadata: options.cloudDiscoveryMetadata } : {}),
    },
    system: { networkClient: timedNetworkClient(options.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS, options.networkClient) },
  });
}

/**
 * What an msal call on a createEntraClient application threw, with the time-out named: msal turns
 * the network module's UpstreamTimedOut into a bare `network_error`, so a network error after the
 * whole `timeoutMs` (real time since `startedMs`, from Date.now) is that time-out and comes back as
 * UpstreamTimedOut("Microsoft Entra", `operation`, timeoutMs); anything else comes back unchanged.
 */
export function entraTimeoutOr(error: unknown, startedMs: number, timeoutMs: number, operation: string): unknown {
  const timedOut = error instanceof UpstreamTimedOut || (error instanceof AuthError && error.errorCode === "network_error" && Date.now() - startedMs >= timeoutMs);
  return timedOut ? new UpstreamTimedOut("Microsoft Entra", operation, timeoutMs) : error;
}
