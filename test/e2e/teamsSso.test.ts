import { describe, expect, it } from "vitest";
import { useTeamsSsoWorld } from "../support/teamsHost/teamsBrowser";
import { appFrame } from "../support/teamsHost/teamsHost";
import { DEMO_TENANT_ID } from "../../server/db/demo/demoPeople";

// Teams SSO end to end: the real teams-js asks the host for a token (authentication.getAuthToken),
// the app sends it as a Bearer credential, and the server verifies it with jose against the
// signing keys it fetches from (a local) Entra over HTTP. No dev credential is in the browser.
describe("Teams SSO in the side panel", () => {
  const teams = useTeamsSsoWorld();

  const openPanel = async (authToken: string) => {
    const context = await teams.browser.newContext({ viewport: { width: 360, height: 960 } });
    const page = await context.newPage();
    await page.goto(teams.sidePanelUrl(authToken));
    return { context, frame: await appFrame(page) };
  };

  it("signs in with the host's token: the meeting, its agenda and the live stream load as the PM", async () => {
    const token = await teams.entra.mintTeamsToken({ tenantId: DEMO_TENANT_ID, email: "dana.whitfield@contoso.com", name: "Dana Whitfield" });
    const { context, frame } = await openPanel(token);
    await frame.getByRole("heading", { name: "Riverbend weekly status" }).waitFor();
    await frame.getByRole("heading", { name: /Agenda · Customer status call/ }).waitFor();
    await expect.poll(() => frame.getByTestId("connection").textContent()).toBe("Live");
    expect(teams.server.logs.join("")).not.toContain(token);
    await context.close();
  });

  it("refuses a token of another tenant's issuer: the panel shows the sign-in error, not data", async () => {
    const token = await teams.entra.mintTeamsToken({
      tenantId: DEMO_TENANT_ID,
      email: "dana.whitfield@contoso.com",
      iss: "https://login.microsoftonline.com/0b7e5c1d-2f3a-4e5b-8c9d-0000000000b2/v2.0",
    });
    const { context, frame } = await openPanel(token);
    await frame.getByRole("alert").filter({ hasText: "Callbook did not accept your sign-in" }).waitFor();
    expect(await frame.getByRole("heading", { name: "Riverbend weekly status" }).count()).toBe(0);
    expect(teams.server.logs.join("")).toContain('"reason":"wrong_issuer"');
    await context.close();
  });
});
