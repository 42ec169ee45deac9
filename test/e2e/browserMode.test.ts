import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium } from "../support/browser";
import { startServer, type RunningServer } from "../support/serverProcess";

describe("browser mode in Chromium (npm start's app on the embedded database)", () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    if (server) expect(await server.stop("SIGINT")).toBe(0);
  });

  it("signs in as the demo PM, lists upcoming calls and opens one in a 320 px side panel", async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    await page.goto(server.url);
    await page.getByRole("button", { name: /Dana Whitfield/ }).click();
    const list = page.getByRole("list", { name: "Upcoming calls" });
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
});
