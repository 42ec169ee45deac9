import { AuthError } from "@azure/msal-node";
import { createEntraClient, entraTimeoutOr, type EntraClientOptions } from "./entraClientApplication";
import { DEFAULT_UPSTREAM_TIMEOUT_MS, UpstreamTimedOut } from "../services/upstream/upstreamTimedOut";
import type { RequestIdentity } from "./verifyTeamsToken";
import { ConsentRequired } from "../errors";

/** Gives Graph access tokens for the signed-in user. A test fake is a plain object. */
export interface GraphTokenProvider {
  getGraphToken(identity: RequestIdentity): Promise<string>;
}

export const graphDefaultScopes: readonly string[] = ["https://graph.microsoft.com/.default"];

export { ConsentRequired };

export interface OboTokenProviderOptions extends EntraClientOptions {
  scopes?: readonly string[];
}

const consentSubErrors = new Set(["consent_required", "interaction_required"]);

/**
 * On-behalf-of tokens through msal-node. msal's in-memory cache keys OBO tokens by a hash of the
 * incoming assertion, so repeated calls with the same SSO token make no network request.
 */
export function createOboTokenProvider(options: OboTokenProviderOptions): GraphTokenProvider {
  const scopes = [...(options.scopes ?? graphDefaultScopes)];
  const timeoutMs = options.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
  const app = createEntraClient(options);

  return {
    async getGraphToken(identity: RequestIdentity): Promise<string> {
      const started = Date.now();
      try {
        const result = await app.acquireTokenOnBehalfOf({ oboAssertion: identity.token, scopes });
        if (!result?.accessToken) throw new Error("on-behalf-of returned no access token");
        return result.accessToken;
      } catch (error) {
        const named = entraTimeoutOr(error, started, timeoutMs, "on-behalf-of token");
        throw named instanceof UpstreamTimedOut ? named : consentOr(error, scopes);
      }
    },
  };
}

function consentOr(error: unknown, scopes: readonly string[]): unknown {
  if (!(error instanceof AuthError)) return error;
  // Entra answers `invalid_grant` with the real cause in `suberror` (AADSTS65001 → consent_required).
  const reason = [error.subError, error.errorCode].find((code) => code && consentSubErrors.has(code));
  if (!reason) return error;
  const claims = "claims" in error && typeof error.claims === "string" && error.claims ? error.claims : undefined;
  return new ConsentRequired(reason, claims, scopes);
}
