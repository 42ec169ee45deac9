import { describe, expect, it } from "vitest";
import { newSignedInContext, useServerAndChromium } from "../support/browser";
import { devAuth } from "../support/testApp";

// Needs the built front end (npm run build:web).
describe("send queue in Chromium: the home page lists what is owed and sends a draft in one click", () => {
  const e2e = useServerAndChromium({ expectCleanExit: true });

  it("opens the open-task update from the home page, edits the subject, sends it, and it lands in the outbox", { timeout: 120_000 }, async () => {
    const context = await newSignedInContext(e2e.browser, devAuth("dana"), { viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/`);
    // The server's clock is the real one: on a weekend the update is upcoming, on a weekday due today.
    const queue = page.locator("section[aria-label='Send queue']");
    const entry = queue.locator("[data-follow-up=open_task_update]");
    await entry.waitFor();
    const dueBefore = await entry.textContent();
    await page.screenshot({ path: "docs/screenshots/send-queue-home.png", fullPage: false });
    await entry.getByTestId("follow-up-title").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Subject").waitFor();
    await dialog.getByText("Customer-safe").waitFor();
    const preview = dialog.frameLocator("iframe[title='Message preview']");
    await preview.getByText("Load customer UAT test accounts", { exact: false }).waitFor();
    await dialog.getByLabel("Subject").fill("Riverbend: open tasks, name / status / ETA");
    await dialog.getByLabel("Personal message (optional)").fill("Hi Rachel, here is where each task stands.");
    await page.screenshot({ path: "test-results/send-queue-draft.png", fullPage: false });
    await dialog.getByRole("button", { name: "Send" }).click();
    await dialog.waitFor({ state: "detached" });
    // Marked sent by the send: the entry now names the next occurrence, two working days on.
    await expect
      .poll(async () => (await queue.locator("[data-follow-up=open_task_update]").allTextContents()).join(""), { timeout: 30_000 })
      .toMatch(/^Open-task update.*(due|upcoming).* · by /);
    expect((await queue.locator("[data-follow-up=open_task_update]").allTextContents()).join("")).not.toBe(dueBefore);
    await page.goto(`${e2e.server.url}/outbox`);
    await page.getByText("Riverbend: open tasks, name / status / ETA").first().waitFor();
    await context.close();
  });
});
