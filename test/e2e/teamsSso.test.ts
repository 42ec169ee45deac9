import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchTeamsChromium } from "../support/teamsHost/teamsBrowser";
import { startServer, type RunningServer } from "../support/serverProcess";
import { appFrame, demoChatId, startTeamsHost, type TeamsHost } from "../support/teamsHost/teamsHost";
import { startFakeEntraServer, type FakeEntraServer } from "../support/graph/fakeEntraServer";
import { DEMO_TENANT_ID } from "../../server/db/demo/demoPeople";

// Teams SSO end to end: the real teams-js asks the host for a token (authentication.getAuthToken),
// the app sends it as a Bearer credential, and the server verifies it with jose against the
// signing keys it fetches from (a local) Entra over HTTP. No dev credential is in the browser.
describe("Teams SSO in the side panel", () => {
  let entra: FakeEntraServer;
  let host: TeamsHost;
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [entra, host, browser] = await Promise.all([startFakeEntraServer({ tenantId: DEMO_TENANT_ID }), startTeamsHost(), launchTeamsChromium()]);
    server = await startServer({
      TEAMS_TEST_HOST_ORIGINS: host.origin,
      AAD_APP_CLIENT_ID: entra.clientId,
      TAB_DOMAIN: "callbook.test",
      AUTHORITY_HOST: entra.baseUrl,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await Promise.all([host?.close(), entra?.close()]);
  });

  const openPanel = async (authToken: string) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 960 } });
    const page = await context.newPage();
    await page.goto(
      host.pageUrl({ appUrl: `http://localhost:${server.port}/panel`, frameContext: "sidePanel", chatId: demoChatId("m_cust"), tenantId: DEMO_TENANT_ID, authToken }),
    );
    return { context, frame: await appFrame(page) };
  };

  it("signs in with the host's token: the meeting, its agenda and the live stream load as the PM", async () => {
    const token = await entra.mintTeamsToken({ tenantId: DEMO_TENANT_ID, email: "dana.whitfield@contoso.com", name: "Dana Whitfield" });
    const { context, frame } = await openPanel(token);
    await frame.getByRole("heading", { name: "Riverbend weekly status" }).waitFor();
    await frame.getByRole("heading", { name: /Agenda · Customer status call/ }).waitFor();
    await expect.poll(() => frame.getByTestId("connection").textContent()).toBe("Live");
    expect(server.logs.join("")).not.toContain(token);
    await context.close();
  });

  it("refuses a token of another tenant's issuer: the panel shows the sign-in error, not data", async () => {
    const token = await entra.mintTeamsToken({
      tenantId: DEMO_TENANT_ID,
      email: "dana.whitfield@contoso.com",
      iss: "https://login.microsoftonline.com/0b7e5c1d-2f3a-4e5b-8c9d-0000000000b2/v2.0",
    });
    const { context, frame } = await openPanel(token);
    await frame.getByRole("alert").filter({ hasText: "Callbook did not accept your sign-in" }).waitFor();
    expect(await frame.getByRole("heading", { name: "Riverbend weekly status" }).count()).toBe(0);
    expect(server.logs.join("")).toContain('"reason":"wrong_issuer"');
    await context.close();
  });
});
