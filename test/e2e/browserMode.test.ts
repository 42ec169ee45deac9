import { describe, expect, it } from "vitest";
import { useServerAndChromium } from "../support/browser";

describe("browser mode in Chromium (npm start's app on the embedded database)", () => {
  const e2e = useServerAndChromium({ expectCleanExit: true });

  it("signs in as the demo PM, lists upcoming calls and opens one in a 320 px side panel", async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 320, height: 800 } });
    await page.goto(e2e.server.url);
    await page.getByRole("button", { name: /Dana Whitfield/ }).click();
    const list = page.getByRole("list", { name: "Upcoming calls" });
    // The list is a chunk of its own (issue 19): on a loaded machine its first load takes longer than expect.poll's 1 s.
    await list.getByRole("link").first().waitFor();
    await expect.poll(() => list.getByRole("link").count()).toBeGreaterThanOrEqual(10);
    await list.getByRole("link", { name: "Riverbend steering committee" }).click();
    const panel = page.getByTestId("side-panel");
    await panel.getByRole("heading", { name: "Riverbend steering committee" }).waitFor();
    const box = await panel.boundingBox();
    expect(box?.width).toBe(320);
    await expect.poll(() => panel.getByLabel("RAG status amber").count()).toBe(1);
    await panel.getByRole("heading", { name: /Agenda · Steering committee/ }).waitFor();
    await page.screenshot({ path: "test-results/browser-mode-side-panel.png", fullPage: true });
    await page.close();
  });

  it("shows different live agendas for a customer status call and a triage call", async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 320, height: 800 } });
    await page.goto(e2e.server.url);
    await page.getByRole("button", { name: /Dana Whitfield/ }).click();
    const list = page.getByRole("list", { name: "Upcoming calls" });
    await list.getByRole("link", { name: "Riverbend weekly status" }).first().click();
    const panel = page.getByTestId("side-panel");
    await panel.getByRole("heading", { name: /Agenda · Customer status call/ }).waitFor();
    await expect.poll(() => panel.locator("[data-agenda-item=upcoming_tasks] li").count()).toBe(10);
    await panel.locator("[data-agenda-item=raid]").getByText("Past due").first().waitFor();
    await panel.getByText(/days to go-live —/).first().waitFor();
    expect(await panel.locator("[data-agenda-item=open_cases]").count()).toBe(0);

    await page.getByRole("link", { name: "← All calls" }).click();
    await list.getByRole("link", { name: "Riverbend production triage" }).first().click();
    await panel.getByRole("heading", { name: /Agenda · Triage call/ }).waitFor();
    const cases = panel.locator("[data-agenda-item=open_cases] li");
    await expect.poll(() => cases.count()).toBe(2);
    expect(await cases.first().textContent()).toContain("CS-20481");
    expect(await cases.first().textContent()).toContain("Critical");
    expect(await panel.locator("[data-agenda-item=upcoming_tasks]").count()).toBe(0);
    await page.close();
  });
});
