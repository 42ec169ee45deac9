import { describe, expect, it } from "vitest";
import { InteractionRequiredAuthError, type AccountInfo, type IPublicClientApplication } from "@azure/msal-browser";
import { apiScope, createNaaSession, NaaSignInError } from "../../src/host/outlook/naaSignIn";

// The NAA wrapper against a fake MSAL client: which requests it makes and how it maps failures.
// (The real nested-app broker lives in Outlook; offline it cannot be reached.)

const account = { homeAccountId: "h", environment: "login.microsoftonline.com", tenantId: "t", username: "dana@contoso.com", localAccountId: "l" } as AccountInfo;

function fakeMsal(silent: () => Promise<string>) {
  const calls: { kind: string; request: unknown }[] = [];
  let active: AccountInfo | null = null;
  const pca = {
    getActiveAccount: () => active,
    getAllAccounts: () => [],
    setActiveAccount: (a: AccountInfo | null) => {
      active = a;
    },
    acquireTokenSilent: async (request: unknown) => {
      calls.push({ kind: "silent", request });
      return { accessToken: await silent(), account };
    },
    acquireTokenPopup: async (request: unknown) => {
      calls.push({ kind: "popup", request });
      return { accessToken: "popup-token", account };
    },
  } as unknown as IPublicClientApplication;
  const configs: unknown[] = [];
  const factory = async (config: unknown) => {
    configs.push(config);
    return pca;
  };
  return { calls, configs, factory: factory as unknown as Parameters<typeof createNaaSession>[1] };
}

const config = { clientId: "11111111-2222-3333-4444-555555555555", apiResource: "api://callbook.example.com/11111111-2222-3333-4444-555555555555" };

describe("nested app authentication", () => {
  it("asks for Callbook's access_as_user scope silently and keeps the account", async () => {
    const { calls, configs, factory } = fakeMsal(async () => "silent-token");
    const naa = await createNaaSession(config, factory);
    expect(naa.scope).toBe(`${config.apiResource}/access_as_user`);
    expect(configs).toEqual([{ auth: { clientId: config.clientId, authority: "https://login.microsoftonline.com/organizations" } }]);
    expect(await naa.getToken()).toBe("silent-token");
    expect(await naa.getToken()).toBe("silent-token");
    expect(calls).toEqual([
      { kind: "silent", request: { scopes: [naa.scope] } },
      { kind: "silent", request: { scopes: [naa.scope], account } },
    ]);
  });

  it("says interaction is required when a silent token is not possible, then signs in with the host's prompt", async () => {
    const { calls, factory } = fakeMsal(async () => {
      throw new InteractionRequiredAuthError("interaction_required", "AADSTS65001: consent");
    });
    const naa = await createNaaSession(config, factory);
    const e = await naa.getToken().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NaaSignInError);
    expect((e as NaaSignInError).code).toBe("interaction_required");
    expect(await naa.signInInteractive()).toBe("popup-token");
    await naa.requestGraphConsent();
    expect(calls.slice(1)).toEqual([
      { kind: "popup", request: { scopes: [naa.scope] } },
      { kind: "popup", request: { scopes: ["https://graph.microsoft.com/.default"], prompt: "consent" } },
    ]);
  });

  it("builds the scope from the API resource", () => {
    expect(apiScope({ apiResource: "api://x.example.com/abc/" })).toBe("api://x.example.com/abc/access_as_user");
  });
});
