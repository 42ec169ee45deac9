import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import pino from "pino";
import type { Browser } from "playwright-core";
import { launchChromium } from "../support/browser";
import { openTestDatabase, type TestDatabase } from "../support/testDatabase";
import { demoMeetingId } from "../support/testApp";
import { TEST_NOW } from "../support/constants";
import { startFakeEntraServer, type FakeEntraServer } from "../support/graph/fakeEntraServer";
import { startFakeGraphServer, type FakeGraphServer } from "../support/graph/fakeGraphServer";
import { createApp } from "../../server/app";
import { createLocalBus } from "../../server/live/liveBus";
import { createTokenVerifier, defaultAllowedClientIds } from "../../server/auth/verifyTeamsToken";
import { entraAuthenticator } from "../../server/auth/entraAuthenticator";
import { createOboTokenProvider } from "../../server/auth/oboTokenProvider";
import { createGraphGateway } from "../../server/graph/graphGateway";
import { DEMO_TENANT_ID } from "../../server/db/demo/demoPeople";

// The recap in the meeting page lists the attendance from Teams' report (issue 18 acceptance).
// Graph mode needs on-behalf-of against the local Entra, which msal-node reaches only with the
// fake's metadata and network client: so the app runs in this process (createApp, the built front
// end), not as `npm start`; the browser sends the Entra token as its credential.
describe("recap attendance in Graph mode (Chromium)", () => {
  let tdb: TestDatabase;
  let entra: FakeEntraServer;
  let graph: FakeGraphServer;
  let server: Server;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    [tdb, entra, graph, browser] = await Promise.all([openTestDatabase("pglite"), startFakeEntraServer({ tenantId: DEMO_TENANT_ID }), startFakeGraphServer(), launchChromium()]);
    const logger = pino({ level: "silent" });
    const verifier = createTokenVerifier({ clientId: entra.clientId, appIdUri: entra.appIdUri, allowedClientIds: defaultAllowedClientIds, jwks: entra.jwks });
    const gateway = createGraphGateway({
      baseUrl: graph.baseUrl,
      tokens: createOboTokenProvider({
        clientId: entra.clientId,
        clientSecret: entra.clientSecret,
        authority: entra.authority,
        authorityMetadata: entra.authorityMetadata,
        cloudDiscoveryMetadata: entra.cloudDiscoveryMetadata,
        networkClient: entra.networkClient,
      }),
      retryDelaySeconds: 0,
      maxRetries: 1,
    });
    const app = createApp({
      database: tdb.database,
      logger,
      clock: () => TEST_NOW,
      authenticators: [entraAuthenticator(verifier, tdb.database.db, logger)],
      isReady: () => true,
      devSignIn: false,
      bus: createLocalBus(),
      mail: () => gateway,
      mailMode: "graph",
      webRoot: fileURLToPath(new URL("../../dist/web", import.meta.url)),
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await browser?.close();
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await Promise.all([tdb?.drop(), entra?.close(), graph?.close()]);
  });

  it("shows who attended with join and leave times, and the PM alone sees the required attendee who stayed away", async () => {
    const start = "2026-11-16T19:00:00.000Z"; // m_cust_prev: Mon 16 Nov 2026, 14:00 US Eastern
    const at = (minutes: number) => new Date(Date.parse(start) + minutes * 60_000).toISOString();
    graph.mailbox.chats.set("19:meeting_m_cust_prev@thread.v2", {
      chatId: "19:meeting_m_cust_prev@thread.v2",
      joinWebUrl: "https://teams.microsoft.com/l/meetup-join/19%3ameeting_m_cust_prev%40thread.v2/0",
      organizedByMe: true,
      onlineMeetingId: "MSoyMDI2MTExNg",
    });
    graph.mailbox.attendanceReports.set("MSoyMDI2MTExNg", [
      {
        id: "3f5c1a2b-9d8e-4c7b-a6f5-e4d3c2b1a090",
        meetingStart: at(-1),
        meetingEnd: at(44),
        attendees: [
          { displayName: "Dana Whitfield", email: "dana.whitfield@contoso.com", role: "Organizer", intervals: [{ join: at(-1), leave: at(44) }] },
          { displayName: "Rachel Stone", email: "rachel.stone@riverbendutilities.com", intervals: [{ join: at(2), leave: at(41) }] },
          { displayName: "Ben Foster", email: "ben.foster@riverbendutilities.com", intervals: [{ join: at(6), leave: at(38) }] },
          { displayName: "Maria Lopez", email: "maria.lopez@riverbendutilities.com", intervals: [{ join: at(0), leave: at(44) }] },
        ],
      },
    ]);
    const token = await entra.mintTeamsToken({ tenantId: DEMO_TENANT_ID, email: "dana.whitfield@contoso.com", name: "Dana Whitfield", oid: "0a0a0a0a-0000-4000-8000-00000000da7a" });
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    try {
      await context.addInitScript((cred) => localStorage.setItem("callbook.credential", cred), `Bearer ${token}`);
      const page = await context.newPage();
      await page.goto(`${url}/meetings/${demoMeetingId("m_cust_prev")}`);
      const recap = page.getByRole("region", { name: "Recap" });
      await recap.getByRole("button", { name: "Prepare the recap" }).click();
      await recap.getByTestId("recap-missing-required").waitFor();
      expect(await recap.getByTestId("recap-missing-required").textContent()).toBe("Required but did not attend (only you see this): Marcus Lee.");
      const mail = page.frameLocator('iframe[title="Recap preview"]');
      await mail.getByRole("heading", { name: "Who attended" }).waitFor();
      const attended = await mail.getByRole("listitem").allTextContents();
      expect(attended).toEqual(
        expect.arrayContaining([
          expect.stringContaining("Dana Whitfield — 13:59–14:44 EST"),
          expect.stringContaining("Maria Lopez — 14:00–14:44 EST"),
          expect.stringContaining("Rachel Stone — 14:02–14:41 EST"),
          expect.stringContaining("Ben Foster — 14:06–14:38 EST"),
        ]),
      );
      expect(await mail.getByText(/^Attended: Dana Whitfield, Maria Lopez, Rachel Stone, Ben Foster$/).count()).toBe(1);
      expect(await mail.getByText(/did not attend|Marcus Lee —/).count()).toBe(0);
      expect(await mail.getByText(/Who attended is not known/).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
