import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium, type ServerAndChromium } from "../browser";
import { startServer, type RunningServer } from "../serverProcess";
import { started, startTogether } from "../startTogether";
import { startFakeEntraServer, type FakeEntraServer } from "../graph/fakeEntraServer";
import { demoChatId, startTeamsHost, type TeamsHost } from "./teamsHost";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";

/**
 * Debian's Chromium as test/support/browser.ts launches it, plus one setting: Chromium 156 turns on
 * third-party cookie deprecation by default, which denies localStorage to the app in the host page's
 * cross-site iframe. Teams' desktop client (WebView2) and Chrome's default profile allow partitioned
 * storage there, and so does this browser.
 */
export function launchTeamsChromium(): Promise<Browser> {
  return launchChromium(["--disable-features=TrackingProtection3pcd"]);
}

/** The Teams SSO e2e world: a local Entra for the demo tenant, the fake Teams host page, Chromium, and the server trusting both. */
export interface TeamsSsoWorld extends ServerAndChromium {
  readonly entra: FakeEntraServer;
  readonly host: TeamsHost;
  /** The host page showing the app's side panel for the demo customer call's chat, handing out `authToken` as Teams SSO would. */
  sidePanelUrl(authToken: string): string;
}

/**
 * Registers, in the calling `describe`, a beforeAll that starts the local Entra (demo tenant), the
 * Teams host page and Chromium together, then the server (`npm start`'s, a process) with Teams SSO
 * pointed at that Entra and the host's origin allowed to frame it; and an afterAll that closes
 * Chromium, stops the server (SIGINT) and closes the host and Entra, whatever the tests did. The
 * app is opened as http://localhost:<port>, a different origin from the host's 127.0.0.1.
 */
export function useTeamsSsoWorld(): TeamsSsoWorld {
  let entra: FakeEntraServer | undefined;
  let host: TeamsHost | undefined;
  let browser: Browser | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    [entra, host, browser] = await startTogether<[FakeEntraServer, TeamsHost, Browser]>(
      [startFakeEntraServer({ tenantId: DEMO_TENANT_ID }), (e) => e.close()],
      [startTeamsHost(), (h) => h.close()],
      [launchTeamsChromium(), (b) => b.close()],
    );
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
  const world: TeamsSsoWorld = {
    get entra() {
      return started("the local Entra", entra);
    },
    get host() {
      return started("the Teams host page", host);
    },
    get browser() {
      return started("Chromium", browser);
    },
    get server() {
      return started("the server", server);
    },
    sidePanelUrl: (authToken) =>
      world.host.pageUrl({
        appUrl: `http://localhost:${world.server.port}/panel`,
        frameContext: "sidePanel",
        chatId: demoChatId("m_cust"),
        tenantId: DEMO_TENANT_ID,
        authToken,
      }),
  };
  return world;
}
