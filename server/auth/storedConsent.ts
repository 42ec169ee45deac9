import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { and, eq, isNull, lt } from "drizzle-orm";
import { AuthError, CryptoProvider, InteractionRequiredAuthError } from "@azure/msal-node";
import type { Db } from "../db/database";
import type { Clock } from "../clock";
import * as t from "../db/tables";
import { createEntraClient, type EntraClientOptions } from "./entraClientApplication";
import type { GraphTokenProvider } from "./oboTokenProvider";
import type { RequestIdentity } from "./verifyTeamsToken";
import { openTokenCache, sealTokenCache } from "./tokenCacheCipher";
import { ConsentStateRefused, ReconnectRequired } from "./consentErrors";

// Sending when the PM is not there (issue 17 §5): the PM's own delegated consent, kept as an
// msal-node token cache (its refresh token) encrypted at rest, one row per (tenant, person).
// A job asks for a Graph token "as that PM" with acquireTokenSilent, which refreshes through Entra
// when the access token is old; the rotated cache is sealed again. When Entra refuses the refresh
// (revoked, expired, password reset, consent withdrawn) the row turns to "reconnect": the PM sees
// it and signs in again; nothing is dropped silently.

/** Re-exported for callers that already load msal-node; others import them from consentErrors.ts. */
export { ConsentStateRefused, ReconnectRequired };

/** How long a consent pop-up may take from opening to the code being posted (ms, on the app's Clock). */
export const CONSENT_REQUEST_TTL_MS = 10 * 60_000;

export type StoredConsentState = "connected" | "reconnect" | "none";

export interface StoredConsentOptions extends EntraClientOptions {
  db: Db;
  /** AES-256 key (config TOKEN_CACHE_KEY, see tokenCacheCipher.ts). */
  key: Buffer;
  /** Delegated Graph scopes asked for ("https://graph.microsoft.com/Mail.Send", …); offline_access is added by msal. */
  scopes: readonly string[];
  /** The consent pop-up's redirect URI (PUBLIC_URL + "/auth/end"), the same as the authorize request's. */
  redirectUri: string;
  /** The app's Clock (server/clock.ts, CALLBOOK_NOW): consent requests are stamped and expire on it. */
  clock: Clock;
}

export interface StoredConsent {
  /**
   * Opens a consent request for the signed-in person: a PKCE pair (msal-node
   * CryptoProvider.generatePkceCodes, RFC 7636 S256) whose verifier is kept sealed in
   * `consent_requests`, and `state` = "<request id>.<HMAC-SHA256 of id, tenant and person>",
   * valid 10 minutes on the app's Clock, used once. The pop-up sends both `state` and
   * `codeChallenge` to Entra. The tenant's requests expired by then (used or not) are deleted first.
   */
  begin(tenantId: string, personId: string): Promise<{ state: string; codeChallenge: string }>;
  /**
   * Redeems the authorization code the consent pop-up came back with, for the signed-in person,
   * with the `state` it came back with (checked and used up first) and that request's PKCE
   * verifier, and stores their cache sealed. Throws ConsentStateRefused ("state: …") when the
   * state is missing, not this person's, expired or already used; ReconnectRequired when Entra
   * refuses the code (a verifier that does not match the challenge included).
   */
  connect(tenantId: string, personId: string, code: string, state: string | undefined): Promise<void>;
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
  const application = () => createEntraClient(options);

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

  const stateKey = createHmac("sha256", key).update("callbook consent state v1").digest();
  const signState = (id: string, tenantId: string, personId: string) => createHmac("sha256", stateKey).update(`${id}|${tenantId}|${personId}`).digest("base64url");

  /** Checks `state` against the caller and uses it up; returns the request's PKCE verifier. */
  async function takeState(tenantId: string, personId: string, state: string | undefined): Promise<string> {
    if (!state) throw new ConsentStateRefused("state: is required (open the consent window from Callbook again)");
    const [id, mac] = state.split(".");
    const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    if (!id || !mac || !uuidShape.test(id)) throw new ConsentStateRefused("state: is not one Callbook issued");
    const expected = Buffer.from(signState(id, tenantId, personId));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new ConsentStateRefused("state: was issued to another person or is not one Callbook issued");
    }
    const requestWhere = and(eq(t.consentRequests.id, id), eq(t.consentRequests.tenantId, tenantId), eq(t.consentRequests.personId, personId));
    const [taken] = await db
      .update(t.consentRequests)
      .set({ usedAt: options.clock().toISOString() })
      .where(and(requestWhere, isNull(t.consentRequests.usedAt)))
      .returning();
    if (!taken) {
      const [row] = await db.select({ usedAt: t.consentRequests.usedAt }).from(t.consentRequests).where(requestWhere);
      // The signature is ours, so a request no longer stored is one deleted after it expired (begin).
      throw new ConsentStateRefused(row ? "state: was already used; open the consent window again" : "state: has expired; open the consent window again");
    }
    if (Date.parse(taken.expiresAt) < options.clock().getTime()) throw new ConsentStateRefused("state: has expired; open the consent window again");
    return openTokenCache(taken.verifier, key, `consent/${id}`);
  }

  return {
    async begin(tenantId, personId) {
      const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
      const id = randomUUID();
      const now = options.clock();
      await db.delete(t.consentRequests).where(and(eq(t.consentRequests.tenantId, tenantId), lt(t.consentRequests.expiresAt, now.toISOString())));
      await db.insert(t.consentRequests).values({
        id,
        tenantId,
        personId,
        verifier: sealTokenCache(verifier, key, `consent/${id}`),
        expiresAt: new Date(now.getTime() + CONSENT_REQUEST_TTL_MS).toISOString(),
      });
      return { state: `${id}.${signState(id, tenantId, personId)}`, codeChallenge: challenge };
    },

    async connect(tenantId, personId, code, state) {
      const codeVerifier = await takeState(tenantId, personId, state);
      const app = application();
      let homeAccountId: string | undefined;
      try {
        const result = await app.acquireTokenByCode({ code, scopes, redirectUri: options.redirectUri, codeVerifier });
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
