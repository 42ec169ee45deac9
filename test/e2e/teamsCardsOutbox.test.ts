import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { newSignedInContext, useServerAndChromium } from "../support/browser";
import { devAuth } from "../support/testApp";

// Outbox mode (`npm start`, no tenant, no bot): a newcomer sees in the Outbox what the Teams bot
// would post in the meeting chat.

describe("Teams cards in the Outbox (embedded default, Chromium)", () => {
  const e2e = useServerAndChromium();
  let page: Page;
  beforeAll(async () => {
    page = await (await newSignedInContext(e2e.browser, devAuth("dana"), { viewport: { width: 1100, height: 900 } })).newPage();
  });

  it("shows the recap card the last customer call would get, with its action, owner and button", async () => {
    await page.goto(`${e2e.server.url}/outbox`);
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
