import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SignJWT, exportJWK, generateKeyPair, type JWK } from "jose";
import type { ConnectorMember } from "../../../server/bot/connectorClient";

// A local stand-in for the Bot Framework: the OpenID configuration and key set the Bot Connector
// signs with (login.botframework.com), a token minter for incoming activities, and the
// connector's REST API (smba.trafficmanager.net) for the calls the bot makes, recorded.

export interface RecordedConnectorCall {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

export interface MintActivityToken {
  aud?: string;
  iss?: string;
  serviceUrl?: string;
  expiresInSeconds?: number;
  /** "untrusted": signed by a key that is not in the key set (same kid). */
  signing?: "trusted" | "untrusted";
}

export interface FakeBotConnector {
  /** Base URL of the connector REST API (the activity's serviceUrl). */
  serviceUrl: string;
  openIdMetadataUrl: string;
  botAppId: string;
  calls: RecordedConnectorCall[];
  /** Members `GET /v3/conversations/{id}/members` answers. */
  members: ConnectorMember[];
  mint(options?: MintActivityToken): Promise<string>;
  close(): Promise<void>;
}

const kid = "bot-connector-test-key";

/** Starts the fake on a free loopback port. */
export async function startFakeBotConnector(options: { botAppId?: string } = {}): Promise<FakeBotConnector> {
  const botAppId = options.botAppId ?? "b07b07b0-0000-4000-8000-000000000018";
  const trusted = await generateKeyPair("RS256", { extractable: true });
  const untrusted = await generateKeyPair("RS256", { extractable: true });
  const publicJwk: JWK = { ...(await exportJWK(trusted.publicKey)), kid, alg: "RS256", use: "sig", endorsements: ["msteams"] } as JWK;
  const calls: RecordedConnectorCall[] = [];
  let activitySeq = 0;
  const state = { members: [] as ConnectorMember[] };

  const readBody = async (req: IncomingMessage): Promise<unknown> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(body));
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://x");
      const path = url.pathname;
      if (req.method === "GET" && path === "/v1/.well-known/openidconfiguration") {
        return send(res, 200, {
          issuer: "https://api.botframework.com",
          authorization_endpoint: "https://invalid.botframework.com",
          jwks_uri: `${base}/v1/.well-known/keys`,
          id_token_signing_alg_values_supported: ["RS256"],
          token_endpoint_auth_methods_supported: ["private_key_jwt"],
        });
      }
      if (req.method === "GET" && path === "/v1/.well-known/keys") return send(res, 200, { keys: [publicJwk] });
      if (!path.startsWith("/teams/")) return send(res, 404, { error: { code: "NotFound" } });
      const body = req.method === "GET" ? undefined : await readBody(req);
      const rest = path.slice("/teams".length);
      calls.push({ method: req.method ?? "", path: decodeURIComponent(rest), authorization: req.headers.authorization, body });
      if (!req.headers.authorization?.startsWith("Bearer ")) return send(res, 401, { error: { code: "Unauthorized" } });
      if (req.method === "GET" && /^\/v3\/conversations\/[^/]+\/members$/.test(rest)) return send(res, 200, state.members);
      if (req.method === "POST" && /^\/v3\/conversations\/[^/]+\/activities$/.test(rest)) return send(res, 201, { id: `1700000000${++activitySeq}` });
      if (req.method === "PUT" && /^\/v3\/conversations\/[^/]+\/activities\/[^/]+$/.test(rest)) return send(res, 200, { id: rest.split("/").pop() });
      if (req.method === "POST" && /^\/v1\/meetings\/[^/]+\/notification$/.test(rest)) return send(res, 202, {});
      return send(res, 404, { error: { code: "NotFound" } });
    })().catch(() => send(res, 500, {}));
  });
  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    serviceUrl: `${base}/teams/`,
    openIdMetadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    botAppId,
    calls,
    get members() {
      return state.members;
    },
    set members(m: ConnectorMember[]) {
      state.members = m;
    },
    async mint(o = {}) {
      const now = Math.floor(Date.now() / 1000);
      const key = o.signing === "untrusted" ? untrusted.privateKey : trusted.privateKey;
      return new SignJWT({ serviceurl: o.serviceUrl ?? `${base}/teams/` })
        .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
        .setIssuer(o.iss ?? "https://api.botframework.com")
        .setAudience(o.aud ?? botAppId)
        .setIssuedAt(now - 10)
        .setNotBefore(now - 10)
        .setExpirationTime(now + (o.expiresInSeconds ?? 3600))
        .sign(key);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
