import { describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync } from "node:fs";
import { newSignedInContext, useServerAndChromium } from "../support/browser";
import { demoMeetingId, demoProjectId, devAuth } from "../support/testApp";

// Needs the built front end (npm run build:web). The project page's search box and "My actions",
// as the PM and as the customer's project lead see them.
describe("search and My actions in Chromium", () => {
  const e2e = useServerAndChromium({ expectCleanExit: true });

  it("the PM types a prefix in the project's search box, sees the hits marked, and a hit opens its call", { timeout: 120_000 }, async () => {
    const context = await newSignedInContext(e2e.browser, devAuth("dana"), { viewport: { width: 1000, height: 700 } });
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/projects/${demoProjectId()}`);
    await page.getByRole("searchbox", { name: "Search calls, notes, actions, decisions and RAID" }).fill("Alicia");
    const results = page.getByRole("list", { name: "Results for Alicia" });
    await results.getByText("Meridian to send the returned-payment file spec").waitFor();
    await page.getByRole("searchbox", { name: "Search calls, notes, actions, decisions and RAID" }).fill("autop");
    const autop = page.getByRole("list", { name: "Results for autop" });
    await autop.locator("mark", { hasText: "Autopay" }).first().waitFor();
    expect(await autop.getByRole("listitem").count()).toBe(2);
    await page.screenshot({ path: "test-results/project-search.png", fullPage: false });
    mkdirSync("docs/screenshots", { recursive: true });
    copyFileSync("test-results/project-search.png", "docs/screenshots/project-search.png");

    await page.getByRole("searchbox", { name: "Search calls, notes, actions, decisions and RAID" }).fill("Alicia");
    await page.getByRole("list", { name: "Results for Alicia" }).getByRole("link").first().click();
    await page.waitForURL(`**/meetings/${demoMeetingId("m_cust_prev")}`);
    await context.close();
  });

  it("a customer opens My actions from the home page and sees only his own, customer-safe items", { timeout: 120_000 }, async () => {
    const context = await newSignedInContext(e2e.browser, devAuth("ben"), { viewport: { width: 1000, height: 600 } });
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/`);
    await page.getByRole("main").getByRole("link", { name: "My actions" }).click();
    const table = page.getByRole("table", { name: "My actions" });
    await table.getByText("Share UAT test account list").waitFor();
    expect(await table.getByRole("row").count()).toBe(2);
    await page.screenshot({ path: "test-results/my-actions.png", fullPage: false });
    copyFileSync("test-results/my-actions.png", "docs/screenshots/my-actions.png");
    // The home page lists what is owed once: the send queue, not a second follow-ups list per project.
    await page.goto(`${e2e.server.url}/`);
    await page.getByRole("list", { name: "Your projects" }).waitFor();
    expect(await page.getByRole("list", { name: /^Follow-ups owed on/ }).count()).toBe(0);
    await context.close();
  });
});
