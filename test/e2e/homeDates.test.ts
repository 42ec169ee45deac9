import { describe, expect, it } from "vitest";
import { newSignedInContext, useServerAndChromium } from "../support/browser";
import { devAuth } from "../support/testApp";

// A new user's trial (Sunday 29 Nov, London): "Due today" held the sprint report due Monday
// 30 Nov 17:00 New York, times named no zone ("by Mon, Nov 30 10:00 PM"), and the fortnightly
// report said "for Friday Fri 20 Nov 2026". Needs the built front end.
describe("home page dates on Sunday 29 Nov in London (CALLBOOK_NOW=2026-11-29T14:35:00Z)", () => {
  const e2e = useServerAndChromium({ env: { CALLBOOK_NOW: "2026-11-29T14:35:00Z" }, timeoutMs: 180_000 });

  it("groups on the viewer's own day and names the viewer's zone beside due and call times", { timeout: 120_000 }, async () => {
    const context = await newSignedInContext(e2e.browser, devAuth("dana"), { viewport: { width: 320, height: 800 }, timezoneId: "Europe/London", locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/`);
    const queue = page.locator("section[aria-label='Send queue']");
    const sprint = queue.locator("[data-follow-up=sprint_report]");
    await sprint.first().waitFor();
    expect(await queue.getByRole("list", { name: "Due today" }).locator("[data-follow-up=sprint_report]").count()).toBe(0);
    const upcoming = queue.getByRole("list", { name: "Upcoming" }).locator("[data-follow-up=sprint_report]");
    expect(await upcoming.textContent()).toContain("by Mon, Nov 30, 10:00 PM GMT");
    expect(await upcoming.locator(".fui-Badge").textContent()).toBe("upcoming");
    // The project list loads apart from the send queue ("Loading your projects…" until then).
    await page.getByText(/Next call: /).first().waitFor();
    const text = (await page.locator("main, body").first().textContent()) ?? "";
    expect(text).not.toMatch(/Friday Fri/);
    expect(text).toMatch(/Next call: [^,]+, \w{3}, \w{3} \d+, \d+:\d\d [AP]M GMT/);
    await page.screenshot({ path: "test-results/home-dates-320.png", fullPage: true });
    await context.close();
  });
});
