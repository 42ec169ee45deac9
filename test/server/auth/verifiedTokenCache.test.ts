import type { JWTVerifyGetKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTokenVerifier, defaultAllowedClientIds, TokenRejected, VERIFIED_TOKEN_MAX_AGE_MS, type TokenVerifierOptions } from "../../../server/auth/verifyTeamsToken";
import { startFakeEntraServer, type FakeEntraServer } from "../../support/graph/fakeEntraServer";

// Issue 19: a verified SSO token is remembered (no RSA check per request) until its exp, never
// past it, and only under its own full text. Entra's key set is counted: a look-up is a verification.

const T0 = new Date("2026-03-02T09:00:00Z");
const OTHER_TENANT = "33333333-4444-4555-8666-777777777777";

let entra: FakeEntraServer;
beforeAll(async () => {
  entra = await startFakeEntraServer();
});
afterAll(async () => {
  await entra.close();
});

function verifierAt(overrides: Partial<TokenVerifierOptions> = {}) {
  const clock = { now: T0 };
  let verifications = 0;
  const jwks: JWTVerifyGetKey = (header, token) => {
    verifications++;
    return entra.jwks(header, token);
  };
  const verify = createTokenVerifier({
    clientId: entra.clientId,
    appIdUri: entra.appIdUri,
    allowedClientIds: defaultAllowedClientIds,
    jwks,
    clock: () => clock.now,
    ...overrides,
  });
  return { verify, clock, verifications: () => verifications };
}

const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

async function reasonOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "accepted";
  } catch (e) {
    return e instanceof TokenRejected ? e.reason : String(e);
  }
}

describe("verified SSO tokens are remembered until their exp (issue 19)", () => {
  it("verifies a token once, then answers the same identity from memory", async () => {
    const { verify, clock, verifications } = verifierAt();
    const token = await entra.mintTeamsToken({ now: T0, expiresInSeconds: 3600, oid: "oid-pat" });
    clock.now = at(1);
    const first = await verify(token);
    clock.now = at(120);
    const second = await verify(token);
    expect(second).toEqual(first);
    expect(second).toMatchObject({ tenantId: entra.tenantId, userId: "oid-pat", token });
    expect(verifications()).toBe(1);
  });

  it("refuses a remembered token once it has expired, and checks it again from its exp on", async () => {
    const { verify, clock, verifications } = verifierAt();
    const token = await entra.mintTeamsToken({ now: T0, expiresInSeconds: 600 });
    clock.now = at(1);
    await verify(token);
    clock.now = at(599);
    await verify(token);
    expect(verifications()).toBe(1);
    // Past exp the token is verified again (within the 60 s clock tolerance jose still accepts it, as before).
    clock.now = at(601);
    expect(await reasonOf(verify(token))).toBe("accepted");
    expect(verifications()).toBe(2);
    clock.now = at(600 + 61);
    expect(await reasonOf(verify(token))).toBe("expired");
    expect(await reasonOf(verify(token))).toBe("expired");
  });

  it("checks a token again after VERIFIED_TOKEN_MAX_AGE_MS even when its exp is later", async () => {
    const { verify, clock, verifications } = verifierAt();
    const token = await entra.mintTeamsToken({ now: T0, expiresInSeconds: 3 * 3600 });
    clock.now = at(1);
    await verify(token);
    clock.now = at(1 + VERIFIED_TOKEN_MAX_AGE_MS / 1000 - 1);
    await verify(token);
    expect(verifications()).toBe(1);
    clock.now = at(1 + VERIFIED_TOKEN_MAX_AGE_MS / 1000);
    await verify(token);
    expect(verifications()).toBe(2);
  });

  it("never answers one tenant's token from another tenant's entry", async () => {
    const { verify, clock } = verifierAt({ allowedTenants: [entra.tenantId] });
    const mine = await entra.mintTeamsToken({ now: T0, expiresInSeconds: 3600, oid: "same-oid", email: "pat@contoso.example" });
    const theirs = await entra.mintTeamsToken({ now: T0, expiresInSeconds: 3600, oid: "same-oid", email: "pat@contoso.example", tenantId: OTHER_TENANT });
    clock.now = at(1);
    expect((await verify(mine)).tenantId).toBe(entra.tenantId);
    // Same person id and address, another tenant: verified on its own, and refused by the allow-list.
    expect(await reasonOf(verify(theirs))).toBe("tenant_not_allowed");
    expect(await reasonOf(verify(theirs))).toBe("tenant_not_allowed");
    const open = verifierAt();
    open.clock.now = at(1);
    await open.verify(mine);
    expect((await open.verify(theirs)).tenantId).toBe(OTHER_TENANT);
    expect((await open.verify(mine)).tenantId).toBe(entra.tenantId);
  });

  it("does not remember a refused token, nor anything when verifiedTokens is 0", async () => {
    const refused = verifierAt();
    const untrusted = await entra.mintTeamsToken({ now: T0, expiresInSeconds: 3600, signing: "untrusted" });
    refused.clock.now = at(1);
    expect(await reasonOf(refused.verify(untrusted))).not.toBe("accepted");
    expect(await reasonOf(refused.verify(untrusted))).not.toBe("accepted");
    expect(refused.verifications()).toBe(2);

    const off = verifierAt({ verifiedTokens: 0 });
    const token = await entra.mintTeamsToken({ now: T0, expiresInSeconds: 3600 });
    off.clock.now = at(1);
    await off.verify(token);
    await off.verify(token);
    expect(off.verifications()).toBe(2);
  });
});
