import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConsentRequired, createOboTokenProvider, type GraphTokenProvider } from "../../../server/auth/oboTokenProvider";
import type { RequestIdentity } from "../../../server/auth/verifyTeamsToken";
import { startFakeEntraServer, type FakeEntraServer } from "../../support/graph/fakeEntraServer";

let entra: FakeEntraServer;

beforeAll(async () => {
  entra = await startFakeEntraServer();
});
afterAll(async () => {
  await entra.close();
});

function provider(): GraphTokenProvider {
  return createOboTokenProvider(entra.msal);
}

async function identity(oid: string): Promise<RequestIdentity> {
  const token = await entra.mintTeamsToken({ oid });
  return { tenantId: entra.tenantId, userId: oid, name: "Pat", email: "pat@contoso.example", token };
}

describe("createOboTokenProvider (real msal-node against a local Entra)", () => {
  it("exchanges the SSO token on behalf of the user, with the jwt-bearer grant", async () => {
    const before = entra.tokenRequests.length;
    const user = await identity("0a0a0a0a-0000-4000-8000-000000000001");
    const token = await provider().getGraphToken(user);

    expect(token.split(".")).toHaveLength(3);
    expect(entra.tokenRequests).toHaveLength(before + 1);
    const request = entra.tokenRequests.at(-1);
    expect(request?.path).toBe(`/${entra.tenantId}/oauth2/v2.0/token`);
    expect(request?.form).toMatchObject({
      grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
      requested_token_use: "on_behalf_of",
      assertion: user.token,
      client_id: entra.clientId,
      client_secret: entra.clientSecret,
    });
    expect(request?.form.scope?.split(" ")).toContain("https://graph.microsoft.com/.default");
    // Metadata was given: no discovery calls, only the token request.
    expect(entra.calls.filter((c) => !c.startsWith("POST"))).toEqual([]);
  });

  it("serves the second call for the same SSO token from msal's cache", async () => {
    const tokens = provider();
    const user = await identity("0a0a0a0a-0000-4000-8000-000000000002");
    const first = await tokens.getGraphToken(user);
    const requestsAfterFirst = entra.tokenRequests.length;
    const second = await tokens.getGraphToken(user);

    expect(second).toBe(first);
    expect(entra.tokenRequests).toHaveLength(requestsAfterFirst);
  });

  it("turns invalid_grant with suberror consent_required into ConsentRequired (403 body)", async () => {
    entra.failTokenRequests({
      error: "invalid_grant",
      error_description:
        "AADSTS65001: The user or administrator has not consented to use the application with ID 'x'.",
      suberror: "consent_required",
    });
    const failure = await provider()
      .getGraphToken(await identity("0a0a0a0a-0000-4000-8000-000000000003"))
      .then(
        () => null,
        (error: unknown) => error,
      );

    expect(failure).toBeInstanceOf(ConsentRequired);
    const consent = failure as ConsentRequired;
    expect(consent.reason).toBe("consent_required");
    expect(consent.status).toBe(403);
    expect(consent.toBody().error).toMatchObject({
      code: "consent_required",
      scopes: ["https://graph.microsoft.com/.default"],
    });
  });

  it("turns interaction_required (MFA / claims challenge) into ConsentRequired with the claims", async () => {
    const claims = '{"access_token":{"polids":{"essential":true,"values":["x"]}}}';
    entra.failTokenRequests({
      error: "interaction_required",
      error_description: "AADSTS50076: multi-factor authentication required.",
      suberror: "basic_action",
      claims,
    });
    const failure = await provider()
      .getGraphToken(await identity("0a0a0a0a-0000-4000-8000-000000000004"))
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ConsentRequired);
    expect((failure as ConsentRequired).claims).toBe(claims);
  });

  it("passes other Entra errors through unchanged", async () => {
    entra.failTokenRequests({ status: 401, error: "invalid_client", error_description: "AADSTS7000215: bad secret" });
    const failure = await provider()
      .getGraphToken(await identity("0a0a0a0a-0000-4000-8000-000000000005"))
      .catch((error: unknown) => error);

    expect(failure).not.toBeInstanceOf(ConsentRequired);
    expect(String(failure)).toContain("invalid_client");
  });
});
