import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import { resolve } from "node:path";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { openTestDatabase, type TestDatabase } from "../support/testDatabase";
import { demoMeetingId, devAuth } from "../support/testApp";
import { demoId } from "../../server/db/demo/seedDemo";
import { DEMO_TENANT_ID } from "../../server/db/demo/demoPeople";
import { startFakeBotConnector, type FakeBotConnector } from "../support/bot/fakeBotConnector";
import { buildBotTestApp } from "../support/bot/botTestApp";
import { adaptiveCardProblems } from "../support/bot/checkAdaptiveCard";
import { launchTeamsChromium } from "../support/teamsHost/teamsBrowser";
import { appFrame, demoChatId, signInApp, startTeamsHost, type TeamsHost } from "../support/teamsHost/teamsHost";
import type { MeetingBot } from "../../server/services/bot/meetingBot";

// Issue 18 acceptance: the end event posts a customer-safe card to a meeting chat that has a guest
// in it, and the card updates in place when the PM closes the action in the side panel, inside the
// Teams host page. The Bot Framework is the local fake (signed activities in, connector REST out).

const chatId = demoChatId("m_cust");
const teamsMeetingId = Buffer.from(`0#${chatId}#0`).toString("base64");
const SECRET = "Escalate Meridian staffing via Helen";
const ACTION = "Send the autopay file layout";

describe("recap card in a chat with a guest, closed from the panel in Teams", () => {
  let tdb: TestDatabase;
  let fake: FakeBotConnector;
  let host: TeamsHost;
  let browser: Browser;
  let server: Server;
  let bot: MeetingBot;
  let appOrigin = "";
  let apiBase = "";
  const cust = demoMeetingId("m_cust");

  beforeAll(async () => {
    [tdb, fake, host, browser] = await Promise.all([openTestDatabase("pglite"), startFakeBotConnector(), startTeamsHost(), launchTeamsChromium()]);
    const built = buildBotTestApp(tdb.database, fake, { webRoot: resolve("dist/web"), teamsHostOrigins: [host.origin] });
    bot = built.bot;
    server = built.app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    const { port } = server.address() as AddressInfo;
    appOrigin = `http://localhost:${port}`;
    apiBase = `http://127.0.0.1:${port}/api`;
    fake.members = [
      { id: "29:dana", name: "Dana Whitfield", aadObjectId: "aad-dana", email: "dana@riverbend.test", userPrincipalName: "dana@riverbend.test" },
      // A guest: the customer, with an account from outside the tenant.
      { id: "29:guest", name: "Rachel Morgan (Guest)", aadObjectId: "aad-guest", email: "rachel@customer.example", userPrincipalName: "rachel_customer.example#EXT#@riverbend.onmicrosoft.com" },
    ];
    const capture = async (body: object) => {
      const res = await fetch(`${apiBase}/meetings/${cust}/items`, { method: "POST", headers: { Authorization: devAuth("dana"), "Content-Type": "application/json" }, body: JSON.stringify({ id: randomUUID(), ...body }) });
      expect(res.status).toBe(201);
    };
    await capture({ kind: "action", title: ACTION, ownerId: demoId("person_priya"), dueDate: "2026-11-25" });
    await capture({ kind: "action", title: SECRET, ownerId: demoId("person_dana"), internalOnly: true });
  });
  afterAll(async () => {
    bot?.close();
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    await Promise.all([host?.close(), fake?.close()]);
    await tdb?.drop();
  });

  it("posts the customer-safe card at the end, and updates it in place when the PM closes the action in the panel", { timeout: 120_000 }, async () => {
    const end = {
      type: "event",
      name: "application/vnd.microsoft.meetingEnd",
      id: randomUUID(),
      channelId: "msteams",
      serviceUrl: fake.serviceUrl,
      from: { id: "29:dana", aadObjectId: "aad-dana" },
      recipient: { id: `28:${fake.botAppId}` },
      conversation: { id: chatId, conversationType: "groupChat", tenantId: DEMO_TENANT_ID, isGroup: true },
      channelData: { tenant: { id: DEMO_TENANT_ID }, meeting: { id: teamsMeetingId } },
      value: { Id: teamsMeetingId, MeetingType: "Scheduled", JoinUrl: "https://teams.microsoft.com/l/meetup-join/x", Title: "Riverbend weekly status", EndTime: "2026-11-18T20:30:00Z" },
    };
    const res = await fetch(`${apiBase}/messages`, { method: "POST", headers: { Authorization: `Bearer ${await fake.mint()}`, "Content-Type": "application/json" }, body: JSON.stringify(end) });
    expect(res.status).toBe(200);
    const posted = fake.calls.find((c) => c.method === "POST" && c.path === `/v3/conversations/${chatId}/activities`);
    const card = (posted?.body as { attachments: { content: unknown }[] }).attachments[0]?.content;
    expect(JSON.stringify(card)).toContain(ACTION);
    expect(JSON.stringify(card)).not.toContain(SECRET);
    expect(adaptiveCardProblems(card)).toEqual([]);

    const context = await browser.newContext({ viewport: { width: 360, height: 960 } });
    await signInApp(context, appOrigin, devAuth("dana"));
    const page = await context.newPage();
    await page.goto(host.pageUrl({ appUrl: `${appOrigin}/panel`, frameContext: "sidePanel", chatId }));
    const frame = await appFrame(page);
    await frame.getByTestId("connection").filter({ hasText: "Live" }).waitFor({ timeout: 30_000 });
    fake.calls.length = 0;
    await frame.getByRole("list", { name: "Action items" }).getByRole("button", { name: `Close ${ACTION}` }).click();
    const update = await waitFor(() => fake.calls.find((c) => c.method === "PUT"));
    expect(update.path).toBe(`/v3/conversations/${chatId}/activities/17000000001`);
    const updated = JSON.stringify(update.body);
    expect(updated).toContain(`Done: ${ACTION}`);
    expect(updated).not.toContain(SECRET);
    expect(fake.calls.filter((c) => c.method === "POST" && c.path.endsWith("/activities"))).toHaveLength(0);
    await context.close();
  });
});

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error("timed out waiting for the connector call");
    await new Promise((r) => setTimeout(r, 50));
  }
}
