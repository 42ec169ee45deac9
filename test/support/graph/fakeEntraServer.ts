import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createHash, randomUUID } from "node:crypto";
import {
  SignJWT,
  UnsecuredJWT,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
  type CryptoKey,
} from "jose";
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from "@azure/msal-node";

// A local stand-in for Entra ID (login.microsoftonline.com): OpenID metadata, a key set and the
// token endpoint msal-node's on-behalf-of flow posts to. Keys are generated per server.

export const entraHost = "https://login.microsoftonline.com";

export interface MintOptions {
  version?: 1 | 2;
  tenantId?: string;
  oid?: string;
  name?: string;
  email?: string;
  /** `azp` (v2) / `appid` (v1): the calling host. Default Teams desktop. */
  callerClientId?: string;
  scp?: string;
  aud?: string;
  iss?: string;
  expiresInSeconds?: number;
  /** Sign with a key that is not in the key set (same `kid`), or produce an `alg: none` token. */
  signing?: "trusted" | "untrusted" | "none";
  /** Extra or replacement claims; `undefined` values remove a claim. */
  claims?: Record<string, unknown>;
  now?: Date;
}

export interface RecordedTokenRequest {
  path: string;
  form: Record<string, string>;
}

export interface TokenErrorReply {
  status?: number;
  error: string;
  error_description: string;
  suberror?: string;
  claims?: string;
}

/** The part of msal-node's options (OboTokenProviderOptions, StoredConsentOptions) that names an Entra. */
export interface EntraMsalSettings {
  clientId: string;
  clientSecret: string;
  authority: string;
  authorityMetadata: string;
  cloudDiscoveryMetadata: string;
  networkClient: INetworkModule;
}

export interface FakeEntraServer {
  baseUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  appIdUri: string;
  authority: string;
  /** Verifies against the public key set this server serves. */
  jwks: JWTVerifyGetKey;
  authorityMetadata: string;
  cloudDiscoveryMetadata: string;
  /** msal-node network client that sends https://login.microsoftonline.com/... here. */
  networkClient: INetworkModule;
  /**
   * The msal-node settings that reach this Entra and nothing else (client id and secret, authority,
   * its metadata, the network client): spread into createOboTokenProvider or createStoredConsent.
   */
  msal: EntraMsalSettings;
  tokenRequests: RecordedTokenRequest[];
  /** Every network call msal made (method and path), to prove cache hits and offline discovery. */
  calls: string[];
  mintTeamsToken(options?: MintOptions): Promise<string>;
  /** The next `times` token requests fail with this Entra error body. */
  failTokenRequests(reply: TokenErrorReply, times?: number): void;
  /**
   * A code the authorize endpoint would hand back after the user consents (auth code flow):
   * redeeming it answers an id token, an access token and a refresh token for this user.
   */
  issueAuthCode(user: { oid: string; email: string; name: string }, pkce?: { codeChallenge: string }): string;
  /** Every refresh token of the user is revoked (password reset, admin revoke): refreshing answers invalid_grant. */
  revokeRefreshTokens(oid: string): void;
  /** Lifetime of access tokens issued from now on, seconds (default 3599). */
  setAccessTokenLifetime(seconds: number): void;
  /** Access tokens issued, with the user they belong to (to check what reached Graph). */
  issuedAccessTokens: Map<string, string>;
  close(): Promise<void>;
}

const kid = "callbook-test-key";

export async function startFakeEntraServer(
  options: { tenantId?: string; clientId?: string; domain?: string } = {},
): Promise<FakeEntraServer> {
  const tenantId = options.tenantId ?? "11111111-2222-4333-8444-555555555555";
  const clientId = options.clientId ?? "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
  const clientSecret = "test-secret-" + randomUUID();
  const appIdUri = `api://${options.domain ?? "callbook.test"}/${clientId}`;
  const trusted = await generateKeyPair("RS256", { extractable: true });
  const untrusted = await generateKeyPair("RS256", { extractable: true });
  const publicJwk: JWK = { ...(await exportJWK(trusted.publicKey)), kid, alg: "RS256", use: "sig" };
  const jwksBody = { keys: [publicJwk] };
  const tokenRequests: RecordedTokenRequest[] = [];
  const calls: string[] = [];
  const failures: TokenErrorReply[] = [];
  const authCodes = new Map<string, { oid: string; email: string; name: string }>();
  /** PKCE (RFC 7636 S256) challenges of codes whose authorize request carried one. */
  const codeChallenges = new Map<string, string>();
  const refreshTokens = new Map<string, { oid: string; email: string; name: string; revoked: boolean }>();
  const issuedAccessTokens = new Map<string, string>();
  let accessTokenLifetime = 3599;

  const metadataFor = (tenant: string) => ({
    token_endpoint: `${entraHost}/${tenant}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
    jwks_uri: `${entraHost}/${tenant}/discovery/v2.0/keys`,
    response_modes_supported: ["query", "fragment", "form_post"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    issuer: `${entraHost}/${tenant}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: "https://graph.microsoft.com/oidc/userinfo",
    authorization_endpoint: `${entraHost}/${tenant}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${entraHost}/${tenant}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${entraHost}/${tenant}/oauth2/v2.0/logout`,
    claims_supported: ["sub", "iss", "aud", "exp", "iat", "nonce", "oid", "tid", "name", "preferred_username"],
    kerberos_endpoint: `${entraHost}/${tenant}/kerberos`,
    tenant_region_scope: "NA",
    cloud_instance_name: "microsoftonline.com",
    cloud_graph_host_name: "graph.windows.net",
    msgraph_host: "graph.microsoft.com",
    rbac_url: "https://pas.windows.net",
  });
  const cloudDiscovery = {
    tenant_discovery_endpoint: `${entraHost}/${tenantId}/v2.0/.well-known/openid-configuration`,
    "api-version": "1.1",
    metadata: [
      {
        preferred_network: "login.microsoftonline.com",
        preferred_cache: "login.windows.net",
        aliases: ["login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net"],
      },
    ],
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    calls.push(`${req.method ?? "GET"} ${url.pathname}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
    };
    const parts = url.pathname.split("/").filter(Boolean);
    const tenant = parts[0] ?? "common";
    if (req.method === "GET" && url.pathname.endsWith("/v2.0/.well-known/openid-configuration")) {
      return send(200, metadataFor(tenant));
    }
    if (req.method === "GET" && url.pathname.endsWith("/keys")) return send(200, jwksBody);
    if (req.method === "GET" && url.pathname === "/common/discovery/instance") return send(200, cloudDiscovery);
    if (req.method === "POST" && url.pathname.endsWith("/oauth2/v2.0/token")) {
      const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
      tokenRequests.push({ path: url.pathname, form });
      const failure = failures.shift();
      if (failure) {
        const { status, ...body } = failure;
        return send(status ?? 400, {
          ...body,
          error_codes: [65001],
          timestamp: new Date().toISOString(),
          trace_id: randomUUID(),
          correlation_id: form["client-request-id"] ?? randomUUID(),
        });
      }
      if (form.client_id !== clientId || form.client_secret !== clientSecret) {
        return send(401, { error: "invalid_client", error_description: "AADSTS7000215: Invalid client secret provided." });
      }
      if (form.grant_type === "authorization_code" || form.grant_type === "refresh_token") {
        const user = form.grant_type === "authorization_code" ? authCodes.get(form.code ?? "") : refreshTokens.get(form.refresh_token ?? "");
        if (form.grant_type === "authorization_code") authCodes.delete(form.code ?? "");
        const challenge = form.grant_type === "authorization_code" ? codeChallenges.get(form.code ?? "") : undefined;
        if (challenge !== undefined) {
          codeChallenges.delete(form.code ?? "");
          const verifier = form.code_verifier ?? "";
          if (createHash("sha256").update(verifier).digest("base64url") !== challenge) {
            return send(400, {
              error: "invalid_grant",
              error_description: "AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.",
              error_codes: [501481],
              timestamp: new Date().toISOString(),
              trace_id: randomUUID(),
              correlation_id: form["client-request-id"] ?? randomUUID(),
            });
          }
        }
        if (!user || ("revoked" in user && user.revoked)) {
          return send(400, {
            error: "invalid_grant",
            error_description:
              form.grant_type === "authorization_code"
                ? "AADSTS70008: The provided authorization code or refresh token has expired due to inactivity."
                : "AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed.",
            error_codes: [form.grant_type === "authorization_code" ? 70008 : 50173],
            suberror: form.grant_type === "refresh_token" ? "bad_token" : undefined,
            timestamp: new Date().toISOString(),
            trace_id: randomUUID(),
            correlation_id: form["client-request-id"] ?? randomUUID(),
          });
        }
        const refreshToken = "rt." + randomUUID();
        refreshTokens.set(refreshToken, { ...user, revoked: false });
        if (form.grant_type === "refresh_token") refreshTokens.delete(form.refresh_token ?? "");
        const accessToken = await new SignJWT({ oid: user.oid, tid: tenant === "organizations" || tenant === "common" ? tenantId : tenant, scp: "Mail.Send Mail.ReadWrite Tasks.ReadWrite", ver: "1.0" })
          .setProtectedHeader({ alg: "RS256", kid })
          .setAudience("https://graph.microsoft.com")
          .setIssuer(`https://sts.windows.net/${tenantId}/`)
          .setIssuedAt()
          .setJti(randomUUID())
          .setExpirationTime(`${accessTokenLifetime}s`)
          .sign(trusted.privateKey);
        issuedAccessTokens.set(accessToken, user.oid);
        const idToken = await new SignJWT({ oid: user.oid, tid: tenantId, name: user.name, preferred_username: user.email, ver: "2.0", sub: "sub-" + user.oid })
          .setProtectedHeader({ alg: "RS256", kid })
          .setAudience(clientId)
          .setIssuer(`${entraHost}/${tenantId}/v2.0`)
          .setIssuedAt()
          .setExpirationTime("1h")
          .sign(trusted.privateKey);
        return send(200, {
          token_type: "Bearer",
          scope: form.scope ?? "",
          expires_in: accessTokenLifetime,
          ext_expires_in: accessTokenLifetime,
          access_token: accessToken,
          refresh_token: refreshToken,
          id_token: idToken,
          client_info: Buffer.from(JSON.stringify({ uid: user.oid, utid: tenantId })).toString("base64url"),
        });
      }
      const claims = decodePayload(form.assertion ?? "");
      const oid = typeof claims?.oid === "string" ? claims.oid : randomUUID();
      const tid = typeof claims?.tid === "string" ? claims.tid : tenant;
      const accessToken = await new SignJWT({ oid, tid, scp: "Mail.Send Calendars.ReadWrite", ver: "1.0" })
        .setProtectedHeader({ alg: "RS256", kid })
        .setAudience("https://graph.microsoft.com")
        .setIssuer(`https://sts.windows.net/${tid}/`)
        .setIssuedAt()
        .setExpirationTime("1h")
        .sign(trusted.privateKey);
      return send(200, {
        token_type: "Bearer",
        scope: form.scope ?? "",
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: accessToken,
        client_info: Buffer.from(JSON.stringify({ uid: oid, utid: tid })).toString("base64url"),
      });
    }
    send(404, { error: "not_found", error_description: `no route ${req.method} ${url.pathname}` });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const networkClient: INetworkModule = {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => forward<T>("GET", url, options),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => forward<T>("POST", url, options),
  };
  async function forward<T>(method: string, url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    if (!url.startsWith(entraHost)) throw new Error(`fake Entra: unexpected host in ${url}`);
    const response = await fetch(baseUrl + url.slice(entraHost.length), {
      method,
      headers: options?.headers ?? {},
      ...(method === "POST" ? { body: options?.body ?? "" } : {}),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
    return { status: response.status, headers, body: (await response.json()) as T };
  }

  async function mintTeamsToken(mint: MintOptions = {}): Promise<string> {
    const version = mint.version ?? 2;
    const tid = mint.tenantId ?? tenantId;
    const now = Math.floor((mint.now ?? new Date()).getTime() / 1000);
    const payload: JWTPayload = {
      aud: mint.aud ?? (version === 2 ? clientId : appIdUri),
      iss: mint.iss ?? (version === 2 ? `${entraHost}/${tid}/v2.0` : `https://sts.windows.net/${tid}/`),
      iat: now - 60,
      nbf: now - 60,
      exp: now + (mint.expiresInSeconds ?? 3600),
      tid,
      oid: mint.oid ?? "99999999-8888-4777-8666-555555555555",
      name: mint.name ?? "Pat Manager",
      scp: mint.scp ?? "access_as_user",
      ver: version === 2 ? "2.0" : "1.0",
      sub: "subject-" + tid,
    };
    const email = mint.email ?? "pat@contoso.example";
    const caller = mint.callerClientId ?? "1fec8e78-bce4-4aaf-ab1b-5451cc387264";
    if (version === 2) Object.assign(payload, { azp: caller, preferred_username: email });
    else Object.assign(payload, { appid: caller, upn: email });
    for (const [claim, value] of Object.entries(mint.claims ?? {})) {
      if (value === undefined) delete payload[claim];
      else payload[claim] = value;
    }
    if (mint.signing === "none") return new UnsecuredJWT(payload).encode();
    const key: CryptoKey = mint.signing === "untrusted" ? untrusted.privateKey : trusted.privateKey;
    return new SignJWT(payload).setProtectedHeader({ alg: "RS256", kid, typ: "JWT" }).sign(key);
  }

  const msal: EntraMsalSettings = {
    clientId,
    clientSecret,
    authority: `${entraHost}/${tenantId}`,
    authorityMetadata: JSON.stringify(metadataFor(tenantId)),
    cloudDiscoveryMetadata: JSON.stringify(cloudDiscovery),
    networkClient,
  };
  return {
    ...msal,
    msal,
    baseUrl,
    tenantId,
    appIdUri,
    jwks: createLocalJWKSet(jwksBody),
    tokenRequests,
    calls,
    mintTeamsToken,
    failTokenRequests(reply, times = 1) {
      for (let i = 0; i < times; i++) failures.push(reply);
    },
    issueAuthCode(user, pkce) {
      const code = "code." + randomUUID();
      authCodes.set(code, user);
      if (pkce) codeChallenges.set(code, pkce.codeChallenge);
      return code;
    },
    revokeRefreshTokens(oid) {
      for (const entry of refreshTokens.values()) if (entry.oid === oid) entry.revoked = true;
    },
    setAccessTokenLifetime(seconds) {
      accessTokenLifetime = seconds;
    },
    issuedAccessTokens,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function decodePayload(jwt: string): Record<string, unknown> | null {
  const part = jwt.split(".")[1];
  if (!part) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
