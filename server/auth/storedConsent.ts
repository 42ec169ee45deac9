import { and, eq } from "drizzle-orm";
import { AuthError, ConfidentialClientApplication, InteractionRequiredAuthError, type INetworkModule } from "@azure/msal-node";
import type { Db } from "../db/database";
import * as t from "../db/tables";
import { timedNetworkClient } from "./timedNetworkClient";
import { DEFAULT_UPSTREAM_TIMEOUT_MS } from "../services/upstream/upstreamTimedOut";
import type { GraphTokenProvider } from "./oboTokenProvider";
import type { RequestIdentity } from "./verifyTeamsToken";
import { openTokenCache, sealTokenCache } from "./tokenCacheCipher";

// Sending when the PM is not there (issue 17 §5): the PM's own delegated consent, kept as an
// msal-node token cache (its refresh token) encrypted at rest, one row per (tenant, person).
// A job asks for a Graph token "as that PM" with acquireTokenSilent, which refreshes through Entra
// when the access token is old; the rotated cache is sealed again. When Entra refuses the refresh
// (revoked, expired, password reset, consent withdrawn) the row turns to "reconnect": the PM sees
// it and signs in again; nothing is dropped silently.

/** The PM's stored consent cannot be used: they must connect Callbook again. Carries no token. */
export class ReconnectRequired extends Error {
  override readonly name = "ReconnectRequired";
  readonly code = "reconnect_required";
  constructor(
    readonly personId: string,
    /** "not_connected", or Entra's errorCode/subError (e.g. "invalid_grant/bad_token"). */
    readonly reason: string,
  ) {
    super("The project manager must reconnect Callbook to Microsoft 365 so it can send without them.");
  }
}

export type StoredConsentState = "connected" | "reconnect" | "none";

export interface StoredConsentOptions {
  db: Db;
  /** AES-256 key (config TOKEN_CACHE_KEY, see tokenCacheCipher.ts). */
  key: Buffer;
  clientId: string;
  clientSecret: string;
  /** `https://login.microsoftonline.com/<tenant id>`. */
  authority: string;
  authorityMetadata?: string;
  cloudDiscoveryMetadata?: string;
  networkClient?: INetworkModule;
  /** Entra request timeout, ms (default 20 s). */
  timeoutMs?: number;
  /** Delegated Graph scopes asked for ("https://graph.microsoft.com/Mail.Send", …); offline_access is added by msal. */
  scopes: readonly string[];
  /** The consent pop-up's redirect URI (PUBLIC_URL + "/auth/end"), the same as the authorize request's. */
  redirectUri: string;
}

export interface StoredConsent {
  /**
   * Redeems the authorization code the consent pop-up came back with, for the signed-in person,
   * and stores their cache sealed. Throws ReconnectRequired when Entra refuses the code.
   */
  connect(tenantId: string, personId: string, code: string): Promise<void>;
  /** Graph tokens as the person in `identity.userId` of tenant `identity.tenantId`; throws ReconnectRequired. */
  tokens: GraphTokenProvider;
  state(tenantId: string, personId: string): Promise<{ state: StoredConsentState; reason: string | null; updatedAt: string | null }>;
  /** Forgets the person's cache (they disconnect). */
  forget(tenantId: string, personId: string): Promise<void>;
}

/** Builds the stored-consent token source; one msal application per use, its cache loaded from the row. */
export function createStoredConsent(options: StoredConsentOptions): StoredConsent {
  const { db, key } = options;
  const scopes = [...options.scopes];
  const aad = (tenantId: string, personId: string) => `${tenantId}/${personId}`;
  const rowWhere = (tenantId: string, personId: string) =>
    and(eq(t.delegatedTokenCaches.tenantId, tenantId), eq(t.delegatedTokenCaches.personId, personId));
  const application = () =>
    new ConfidentialClientApplication({
      auth: {
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        authority: options.authority,
        ...(options.authorityMetadata ? { authorityMetadata: options.authorityMetadata } : {}),
        ...(options.cloudDiscoveryMetadata ? { cloudDiscoveryMetadata: options.cloudDiscoveryMetadata } : {}),
      },
      system: { networkClient: timedNetworkClient(options.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS, options.networkClient) },
    });

  async function store(tenantId: string, personId: string, homeAccountId: string, serialized: string, now: string): Promise<void> {
    const ciphertext = sealTokenCache(serialized, key, aad(tenantId, personId));
    await db
      .insert(t.delegatedTokenCaches)
      .values({ tenantId, personId, homeAccountId, ciphertext, state: "connected", reason: null, updatedAt: now })
      .onConflictDoUpdate({
        target: [t.delegatedTokenCaches.tenantId, t.delegatedTokenCaches.personId],
        set: { homeAccountId, ciphertext, state: "connected", reason: null, updatedAt: now },
      });
  }

  async function markReconnect(tenantId: string, personId: string, reason: string): Promise<void> {
    await db.update(t.delegatedTokenCaches).set({ state: "reconnect", reason, updatedAt: new Date().toISOString() }).where(rowWhere(tenantId, personId));
  }

  const refused = (error: unknown): string | null => {
    if (error instanceof InteractionRequiredAuthError) return [error.errorCode, error.subError].filter(Boolean).join("/");
    if (error instanceof AuthError && (error.errorCode === "invalid_grant" || error.errorCode === "interaction_required" || error.errorCode === "no_tokens_found")) {
      return [error.errorCode, error.subError].filter(Boolean).join("/");
    }
    return null;
  };

  return {
    async connect(tenantId, personId, code) {
      const app = application();
      let homeAccountId: string | undefined;
      try {
        const result = await app.acquireTokenByCode({ code, scopes, redirectUri: options.redirectUri });
        homeAccountId = result.account?.homeAccountId;
      } catch (error) {
        const reason = refused(error);
        if (reason) throw new ReconnectRequired(personId, reason);
        throw error;
      }
      if (!homeAccountId) throw new ReconnectRequired(personId, "no_account");
      await store(tenantId, personId, homeAccountId, app.getTokenCache().serialize(), new Date().toISOString());
    },

    tokens: {
      async getGraphToken(identity: RequestIdentity): Promise<string> {
        const { tenantId, userId: personId } = identity;
        const [row] = await db.select().from(t.delegatedTokenCaches).where(rowWhere(tenantId, personId));
        if (!row) throw new ReconnectRequired(personId, "not_connected");
        if (row.state === "reconnect") throw new ReconnectRequired(personId, row.reason ?? "reconnect");
        const app = application();
        const cache = app.getTokenCache();
        cache.deserialize(openTokenCache(row.ciphertext, key, aad(tenantId, personId)));
        const before = cache.serialize();
        const account = await cache.getAccountByHomeId(row.homeAccountId);
        if (!account) {
          await markReconnect(tenantId, personId, "no_account");
          throw new ReconnectRequired(personId, "no_account");
        }
        try {
          const result = await app.acquireTokenSilent({ account, scopes });
          const after = cache.serialize();
          // A refresh rotated the refresh token: seal the new cache.
          if (after !== before) await store(tenantId, personId, row.homeAccountId, after, new Date().toISOString());
          return result.accessToken;
        } catch (error) {
          const reason = refused(error);
          if (!reason) throw error;
          await markReconnect(tenantId, personId, reason);
          throw new ReconnectRequired(personId, reason);
        }
      },
    },

    async state(tenantId, personId) {
      const [row] = await db.select().from(t.delegatedTokenCaches).where(rowWhere(tenantId, personId));
      return row ? { state: row.state, reason: row.reason, updatedAt: new Date(row.updatedAt).toISOString() } : { state: "none", reason: null, updatedAt: null };
    },

    async forget(tenantId, personId) {
      await db.delete(t.delegatedTokenCaches).where(rowWhere(tenantId, personId));
    },
  };
}
