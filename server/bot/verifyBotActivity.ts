import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from "jose";

// Incoming Bot Framework requests (Microsoft Learn, "Authenticate requests from the Bot
// Connector service to your bot"): an RS256 JWT in `Authorization: Bearer`, keys from the
// `jwks_uri` of the OpenID configuration (https://login.botframework.com/v1/.well-known/openidconfiguration),
// `iss` https://api.botframework.com, `aud` the bot's Microsoft app id, a `serviceUrl` claim equal
// to the activity's serviceUrl, and 5 minutes of clock skew.

/** The issuer of tokens the Bot Connector signs. */
export const botFrameworkIssuer = "https://api.botframework.com";

/** The public Bot Framework OpenID configuration. */
export const botFrameworkOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

export type BotRejectedReason =
  | "missing_token"
  | "bad_signature"
  | "expired"
  | "wrong_audience"
  | "wrong_issuer"
  | "service_url_mismatch"
  | "tenant_not_allowed"
  | "verification_failed";

/** A refused activity: `reason` is for the log (never the token). */
export class BotActivityRejected extends Error {
  override readonly name = "BotActivityRejected";
  constructor(readonly reason: BotRejectedReason) {
    super(`bot activity rejected: ${reason}`);
  }
}

export interface BotVerifierOptions {
  /** The bot's Microsoft app id (Azure Bot registration): the token's `aud`. */
  botAppId: string;
  /** OpenID configuration URL; its `jwks_uri` gives the signing keys. */
  openIdMetadataUrl: string;
  /** Tenants whose meetings the bot serves; an activity from any other is refused. */
  allowedTenants: readonly string[];
  /** Fetch (tests pass none; a local fake issuer serves the configuration over HTTP). */
  fetchJson?: (url: string) => Promise<unknown>;
  clock?: () => Date;
}

/** What the verifier reads of the activity besides the token. */
export interface ActivityEnvelope {
  serviceUrl: string;
  tenantId: string | null;
}

export type BotActivityVerifier = (authorization: string | undefined, activity: ActivityEnvelope) => Promise<void>;

/**
 * Builds the verifier. The key set is loaded from the OpenID configuration's `jwks_uri` on first
 * use and kept (jose re-fetches on an unknown `kid`, at most every 30 s).
 * Throws {@link BotActivityRejected} for a refused request.
 */
export function createBotActivityVerifier(options: BotVerifierOptions): BotActivityVerifier {
  const fetchJson =
    options.fetchJson ??
    (async (url: string) => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`OpenID configuration ${res.status}`);
      return res.json();
    });
  let keys: Promise<JWTVerifyGetKey> | null = null;
  const keySet = () => {
    keys ??= fetchJson(options.openIdMetadataUrl).then((meta) => {
      const uri = (meta as { jwks_uri?: unknown }).jwks_uri;
      if (typeof uri !== "string") throw new Error("OpenID configuration has no jwks_uri");
      return createRemoteJWKSet(new URL(uri));
    });
    keys.catch(() => {
      keys = null;
    });
    return keys;
  };
  const allowed = new Set(options.allowedTenants.map((t) => t.toLowerCase()));

  return async (authorization, activity) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
    if (!match?.[1]) throw new BotActivityRejected("missing_token");
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(match[1], await keySet(), {
        algorithms: ["RS256"],
        clockTolerance: 300,
        ...(options.clock ? { currentDate: options.clock() } : {}),
      }));
    } catch (err) {
      if (err instanceof errors.JWTExpired) throw new BotActivityRejected("expired");
      if (err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JOSEAlgNotAllowed || err instanceof errors.JWSInvalid)
        throw new BotActivityRejected("bad_signature");
      throw new BotActivityRejected("verification_failed");
    }
    if (payload.iss !== botFrameworkIssuer) throw new BotActivityRejected("wrong_issuer");
    const aud = payload.aud;
    if (!(aud === options.botAppId || (Array.isArray(aud) && aud.includes(options.botAppId)))) throw new BotActivityRejected("wrong_audience");
    const claimed = typeof payload.serviceurl === "string" ? payload.serviceurl : payload.serviceUrl;
    if (typeof claimed !== "string" || trimSlash(claimed) !== trimSlash(activity.serviceUrl)) throw new BotActivityRejected("service_url_mismatch");
    if (!activity.tenantId || !allowed.has(activity.tenantId.toLowerCase())) throw new BotActivityRejected("tenant_not_allowed");
  };
}

const trimSlash = (url: string) => url.replace(/\/+$/, "").toLowerCase();
