import { Writable } from "node:stream";
import express from "express";
import { pino } from "pino";
import request from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authenticatedIdentity, requireAuth } from "../../../server/auth/requireAuth";
import {
  createTokenVerifier,
  defaultAllowedClientIds,
  type TokenVerifierOptions,
} from "../../../server/auth/verifyTeamsToken";
import { startFakeEntraServer, type FakeEntraServer, type MintOptions } from "../../support/graph/fakeEntraServer";

let entra: FakeEntraServer;
let logLines: Record<string, unknown>[];

beforeAll(async () => {
  entra = await startFakeEntraServer();
});
afterAll(async () => {
  await entra.close();
});
beforeEach(() => {
  logLines = [];
});

function app(overrides: Partial<TokenVerifierOptions> = {}) {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(JSON.parse(chunk.toString("utf8")) as Record<string, unknown>);
      done();
    },
  });
  const verifier = createTokenVerifier({
    clientId: entra.clientId,
    appIdUri: entra.appIdUri,
    allowedClientIds: defaultAllowedClientIds,
    jwks: entra.jwks,
    ...overrides,
  });
  const server = express();
  server.get("/api/me", requireAuth(verifier, pino(sink)), (_req, res) => {
    res.json(authenticatedIdentity(res));
  });
  return server;
}

async function callWith(mint: MintOptions, overrides: Partial<TokenVerifierOptions> = {}) {
  const token = await entra.mintTeamsToken(mint);
  const response = await request(app(overrides)).get("/api/me").set("Authorization", `Bearer ${token}`);
  return { token, response };
}

function expectRefused(response: request.Response, token: string, reason: string) {
  expect(response.status).toBe(401);
  expect(response.body).toEqual({ error: { code: "unauthorized", message: expect.any(String) as unknown } });
  expect(logLines.map((line) => line.reason)).toEqual([reason]);
  expect(JSON.stringify(logLines)).not.toContain(token);
  expect(JSON.stringify(logLines)).not.toContain(token.split(".")[1]);
}

describe("requireAuth + createTokenVerifier", () => {
  it("accepts a v2 token (aud = client id) and exposes the identity", async () => {
    const { token, response } = await callWith({ version: 2, oid: "oid-v2", email: "pat@contoso.example" });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      tenantId: entra.tenantId,
      userId: "oid-v2",
      name: "Pat Manager",
      email: "pat@contoso.example",
      token,
    });
    expect(logLines).toEqual([]);
  });

  it("accepts a v1 token (aud = api://domain/clientId, upn, appid of Outlook web)", async () => {
    const { response } = await callWith({
      version: 1,
      oid: "oid-v1",
      email: "sam@contoso.example",
      callerClientId: "bc59ab01-8403-45c6-8796-ac3ef710b3e3",
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ userId: "oid-v1", email: "sam@contoso.example" });
  });

  it("refuses a request without a bearer token", async () => {
    const response = await request(app()).get("/api/me");
    expectRefused(response, "no-token-here", "missing_token");
  });

  it("refuses alg: none", async () => {
    const { token, response } = await callWith({ signing: "none" });
    expectRefused(response, token, "alg_not_allowed");
  });

  it("refuses a token signed with a key that is not Entra's", async () => {
    const { token, response } = await callWith({ signing: "untrusted" });
    expectRefused(response, token, "bad_signature");
  });

  it("refuses a token for another audience", async () => {
    const { token, response } = await callWith({ aud: "https://graph.microsoft.com" });
    expectRefused(response, token, "wrong_audience");
  });

  it("refuses a foreign issuer", async () => {
    const { token, response } = await callWith({ iss: "https://evil.example/v2.0" });
    expectRefused(response, token, "wrong_issuer");
  });

  it("refuses an issuer of another tenant than the token's tid", async () => {
    const other = "22222222-3333-4444-8555-666666666666";
    const { token, response } = await callWith({ iss: `https://login.microsoftonline.com/${other}/v2.0` });
    expectRefused(response, token, "wrong_issuer");
  });

  it("refuses a v1 issuer on a v2 token", async () => {
    const { token, response } = await callWith({ version: 2, iss: `https://sts.windows.net/${entra.tenantId}/` });
    expectRefused(response, token, "wrong_issuer");
  });

  it("refuses an expired token", async () => {
    const { token, response } = await callWith({ expiresInSeconds: -3600 });
    expectRefused(response, token, "expired");
  });

  it("refuses a token without the access_as_user scope", async () => {
    const { token, response } = await callWith({ scp: "User.Read" });
    expectRefused(response, token, "missing_scope");
  });

  it("refuses a token requested by a client that is not a Teams/Office host", async () => {
    const { token, response } = await callWith({ callerClientId: "00000000-dead-4bee-8f00-000000000000" });
    expectRefused(response, token, "client_not_allowed");
  });

  it("refuses a tenant outside the allow-list, and accepts one inside it", async () => {
    const refused = await callWith({}, { allowedTenants: ["33333333-4444-4555-8666-777777777777"] });
    expectRefused(refused.response, refused.token, "tenant_not_allowed");

    logLines = [];
    const accepted = await callWith({}, { allowedTenants: [entra.tenantId.toUpperCase()] });
    expect(accepted.response.status).toBe(200);
  });

  it("refuses a token without oid", async () => {
    const { token, response } = await callWith({ claims: { oid: undefined } });
    expectRefused(response, token, "missing_claims");
  });

  it("uses the injected clock", async () => {
    const { token, response } = await callWith(
      { now: new Date("2026-01-01T10:00:00Z"), expiresInSeconds: 3600 },
      { clock: () => new Date("2026-01-01T12:00:00Z") },
    );
    expectRefused(response, token, "expired");
  });

  it("refuses garbage", async () => {
    const garbage = "bm90LWpzb24.bm90LWpzb24tZWl0aGVy.c2ln";
    const response = await request(app()).get("/api/me").set("Authorization", `Bearer ${garbage}`);
    expectRefused(response, garbage, "malformed");
  });
});
