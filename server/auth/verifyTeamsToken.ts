import { jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { LRUCache } from "lru-cache";

/** Who is calling, taken from a verified Teams/Outlook SSO token. */
export interface RequestIdentity {
  tenantId: string;
  /** The user's object id (`oid`), stable across apps. */
  userId: string;
  name: string;
  /** `preferred_username` (v2) or `upn` (v1); may be empty for some guest accounts. */
  email: string;
  /** The raw SSO token: the assertion for the on-behalf-of flow. Never log it. */
  token: string;
}

export type TokenVerifier = (token: string) => Promise<RequestIdentity>;

/**
 * Hosts that may ask Entra for a token to our API (documented "preauthorized client ids" for
 * Teams tabs and Outlook add-ins). Microsoft 365 web, desktop and mobile share ids with
 * Office web, Office desktop and Outlook desktop, so there are seven distinct ids.
 */
export const teamsAndOfficeClientIds = {
  teamsDesktopAndMobile: "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
  teamsWeb: "5e3ce6c0-2b1f-4285-8d4b-75ee78787346",
  /** Also "Microsoft 365 web". */
  officeWeb: "4765445b-32c6-49b0-83e6-1d93765276ca",
  /** Also "Microsoft 365 desktop". */
  officeDesktop: "0ec893e0-5785-4de6-99da-4ed124e5296c",
  /** Also "Microsoft 365 mobile". */
  outlookDesktop: "d3590ed6-52b3-4102-aeff-aad2292ab01c",
  outlookWeb: "bc59ab01-8403-45c6-8796-ac3ef710b3e3",
  outlookMobile: "27922004-5251-4030-b22d-91ecd9a37ea4",
} as const;

export const defaultAllowedClientIds: readonly string[] = Object.values(teamsAndOfficeClientIds);

export const requiredScope = "access_as_user";

export type TokenRejectedReason =
  | "missing_token"
  | "malformed"
  | "alg_not_allowed"
  | "unknown_key"
  | "bad_signature"
  | "expired"
  | "not_yet_valid"
  | "wrong_audience"
  | "unknown_version"
  | "missing_claims"
  | "wrong_issuer"
  | "missing_scope"
  | "client_not_allowed"
  | "tenant_not_allowed"
  | "verification_failed";

/** A refused token. `reason` is for the log; the message never contains the token. */
export class TokenRejected extends Error {
  override readonly name = "TokenRejected";
  constructor(
    readonly reason: TokenRejectedReason,
    readonly detail?: string,
  ) {
    super(detail ? `token rejected: ${reason} (${detail})` : `token rejected: ${reason}`);
  }
}

export interface TokenVerifierOptions {
  /** Application (client) id of Callbook's Entra app: the `aud` of v2 tokens. */
  clientId: string;
  /** `api://<domain>/<clientId>`: the `aud` of v1 tokens. */
  appIdUri: string;
  /** Callers allowed by `azp` (v2) / `appid` (v1); usually {@link defaultAllowedClientIds}. */
  allowedClientIds: readonly string[];
  /** When set and non-empty, only these tenant ids are accepted. */
  allowedTenants?: readonly string[];
  /** Entra's signing keys: `createRemoteJWKSet(new URL("https://login.microsoftonline.com/common/discovery/v2.0/keys"))`. */
  jwks: JWTVerifyGetKey;
  clock?: () => Date;
  /** Tolerated clock skew for exp/nbf. Default 60 s. */
  clockToleranceSeconds?: number;
  /** How many verified tokens are remembered (least recently used go first). Default 5000; 0 verifies every call. */
  verifiedTokens?: number;
}

/**
 * The longest a verified token is remembered (ms): jose's createRemoteJWKSet keeps Entra's keys
 * this long (its `cacheMaxAge` default, 10 minutes), so remembering a token no longer than that
 * never outlives the key it was checked with by more than the key cache already does.
 */
export const VERIFIED_TOKEN_MAX_AGE_MS = 10 * 60_000;

interface VerifiedToken {
  identity: RequestIdentity;
  /** Epoch ms after which the token is verified again: min(exp, verified + VERIFIED_TOKEN_MAX_AGE_MS). */
  untilMs: number;
}

/**
 * A TokenVerifier for Teams/Outlook SSO tokens (RS256 by Entra's keys; audience, issuer of the
 * token's own tenant, access_as_user scope, allowed host client, optional tenant allow-list);
 * rejects with TokenRejected. A verified token is remembered by its full text (issue 19: a panel
 * sends the same token for up to an hour, and an RSA check per request is the sign-in's main
 * cost) until its exp, at most VERIFIED_TOKEN_MAX_AGE_MS; a refused token is never remembered.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const clock = options.clock ?? (() => new Date());
  const allowedClients = new Set(options.allowedClientIds.map((id) => id.toLowerCase()));
  const allowedTenants =
    options.allowedTenants && options.allowedTenants.length > 0
      ? new Set(options.allowedTenants.map((t) => t.toLowerCase()))
      : null;

  const maxVerified = options.verifiedTokens ?? 5000;
  const verified = maxVerified > 0 ? new LRUCache<string, VerifiedToken>({ max: maxVerified }) : null;

  return async (token: string): Promise<RequestIdentity> => {
    if (token.length === 0) throw new TokenRejected("missing_token");
    const now = clock().getTime();
    const held = verified?.get(token);
    if (held && now < held.untilMs) return held.identity;
    if (held) verified?.delete(token);
    const identity = await verify(token);
    // Remembered until the token's own exp (not exp + the clock tolerance), and no longer than
    // jose's JWKS cache keeps a signing key, so a key Entra withdraws is dropped no later than before.
    const untilMs = Math.min(identity.expiresAtMs, now + VERIFIED_TOKEN_MAX_AGE_MS);
    if (verified && now < untilMs) verified.set(token, { identity: identity.identity, untilMs });
    return identity.identity;
  };

  async function verify(token: string): Promise<{ identity: RequestIdentity; expiresAtMs: number }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, options.jwks, {
        algorithms: ["RS256"],
        audience: [options.clientId, options.appIdUri],
        currentDate: clock(),
        clockTolerance: options.clockToleranceSeconds ?? 60,
        requiredClaims: ["exp", "iss", "aud"],
      }));
    } catch (error) {
      throw joseFailure(error);
    }

    const tid = stringClaim(payload, "tid");
    const oid = stringClaim(payload, "oid");
    if (!tid || !oid) throw new TokenRejected("missing_claims", "tid/oid");

    const version = stringClaim(payload, "ver");
    const expectedIssuer =
      version === "2.0"
        ? `https://login.microsoftonline.com/${tid}/v2.0`
        : version === "1.0"
          ? `https://sts.windows.net/${tid}/`
          : null;
    if (expectedIssuer === null) throw new TokenRejected("unknown_version", String(version));
    // Compared by hand: the issuer must name the token's own tenant (jose's `issuer` can't).
    if (payload.iss !== expectedIssuer) throw new TokenRejected("wrong_issuer");

    const scopes = (stringClaim(payload, "scp") ?? "").split(" ");
    if (!scopes.includes(requiredScope)) throw new TokenRejected("missing_scope");

    const caller = stringClaim(payload, version === "2.0" ? "azp" : "appid");
    if (!caller || !allowedClients.has(caller.toLowerCase())) {
      throw new TokenRejected("client_not_allowed", caller ?? "none");
    }
    if (allowedTenants && !allowedTenants.has(tid.toLowerCase())) {
      throw new TokenRejected("tenant_not_allowed", tid);
    }

    const identity: RequestIdentity = Object.freeze({
      tenantId: tid,
      userId: oid,
      name: stringClaim(payload, "name") ?? "",
      email: stringClaim(payload, "preferred_username") ?? stringClaim(payload, "upn") ?? "",
      token,
    });
    // exp is a required claim (jwtVerify checked it is a number in the future, within the tolerance).
    return { identity, expiresAtMs: (payload.exp ?? 0) * 1000 };
  }
}

function stringClaim(payload: JWTPayload, claim: string): string | undefined {
  const value = payload[claim];
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

function joseFailure(error: unknown): TokenRejected {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  const claim = typeof error === "object" && error !== null && "claim" in error ? String(error.claim) : "";
  switch (code) {
    case "ERR_JOSE_ALG_NOT_ALLOWED":
    case "ERR_JOSE_NOT_SUPPORTED":
      return new TokenRejected("alg_not_allowed");
    case "ERR_JWKS_NO_MATCHING_KEY":
    case "ERR_JWKS_MULTIPLE_MATCHING_KEYS":
      return new TokenRejected("unknown_key");
    case "ERR_JWS_SIGNATURE_VERIFICATION_FAILED":
      return new TokenRejected("bad_signature");
    case "ERR_JWT_EXPIRED":
      return new TokenRejected("expired");
    case "ERR_JWT_CLAIM_VALIDATION_FAILED":
      if (claim === "aud") return new TokenRejected("wrong_audience");
      if (claim === "nbf" || claim === "iat") return new TokenRejected("not_yet_valid");
      return new TokenRejected("missing_claims", claim);
    case "ERR_JWS_INVALID":
    case "ERR_JWT_INVALID":
      return new TokenRejected("malformed");
    default:
      // Network failures fetching the key set land here; the detail is safe to log.
      return new TokenRejected("verification_failed", code || (error instanceof Error ? error.name : "unknown"));
  }
}
