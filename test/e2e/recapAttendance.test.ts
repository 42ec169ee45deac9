import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { launchChromium, newSignedInContext } from "../support/browser";
import { demoMeetingId, listenOnLoopback, type LoopbackServer } from "../support/testApp";
import type { FakeEntraServer } from "../support/graph/fakeEntraServer";
import type { FakeGraphServer } from "../support/graph/fakeGraphServer";
import { DEMO_TENANT_ID } from "../../server/db/demo/demoPeople";
import { graphModeApp, oboGraphGateway, startGraphWorld, type GraphWorld } from "../support/graph/graphWorld";
import { startTogether } from "../support/startTogether";

// The recap in the meeting page lists the attendance from Teams' report (issue 18 acceptance).
// Graph mode needs on-behalf-of against the local Entra, which msal-node reaches only with the
// fake's metadata and network client: so the app runs in this process (createApp, the built front
// end), not as `npm start`; the browser sends the Entra token as its credential.
describe("recap attendance in Graph mode (Chromium)", () => {
  let world: GraphWorld | undefined;
  let entra: FakeEntraServer;
  let graph: FakeGraphServer;
  let server: LoopbackServer | undefined;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    [world, browser] = await startTogether<[GraphWorld, Browser]>(
      [startGraphWorld({ database: "pglite", tenantId: DEMO_TENANT_ID }), (w) => w.close()],
      [launchChromium(), (b) => b.close()],
    );
    ({ entra, graph } = world);
    const gateway = oboGraphGateway(entra, graph, { retryDelaySeconds: 0, maxRetries: 1 });
    const webRoot = fileURLToPath(new URL("../../dist/web", import.meta.url));
    server = await listenOnLoopback(graphModeApp({ database: world.tdb.database, entra, mail: () => gateway, webRoot }));
    url = server.url;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await world?.close();
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
    const context = await newSignedInContext(browser, `Bearer ${token}`, { viewport: { width: 1100, height: 900 } });
    try {
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
