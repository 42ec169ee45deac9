import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import { startServer, type RunningServer } from "../support/serverProcess";
import { devAuth } from "../support/testApp";

// Outbox mode (`npm start`, no tenant, no bot): a newcomer sees in the Outbox what the Teams bot
// would post in the meeting chat.

describe("Teams cards in the Outbox (embedded default, Chromium)", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    await context.addInitScript((cred) => localStorage.setItem("callbook.credential", cred), devAuth("dana"));
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the recap card the last customer call would get, with its action, owner and button", async () => {
    await page.goto(`${server.url}/outbox`);
    const section = page.getByRole("region", { name: "Teams cards" });
    const card = section.getByRole("listitem").filter({ hasText: "Recap ready: 1 action, no decisions" });
    await card.waitFor({ timeout: 30_000 });
    const text = await card.textContent();
    expect(text).toContain("would be posted");
    expect(text).toContain("Meridian to send the returned-payment file spec");
    expect(text).toContain("Alicia Grant");
    expect(text).toContain("Review and send");
  });
});
