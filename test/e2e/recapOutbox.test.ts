import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import { startServer, type RunningServer } from "../support/serverProcess";
import { demoMeetingId, demoProjectId, devAuth } from "../support/testApp";

describe("recap and call series into the local outbox (embedded default, Chromium)", () => {
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

  it("sends the recap from the side panel; it appears in the Outbox with its recipients and a downloadable .eml", async () => {
    await page.goto(`${server.url}/meetings/${demoMeetingId("m_cust_prev")}`);
    const recap = page.getByRole("region", { name: "Recap" });
    await recap.getByRole("button", { name: "Prepare the recap" }).click();
    await recap.getByLabel("Personal message (optional)").fill("Thanks everyone — notes below.");
    const subject = await recap.getByLabel("Subject").inputValue();
    expect(subject).toMatch(/^Recap: Riverbend weekly status/);
    await recap.getByRole("button", { name: "Send recap" }).click();
    await recap.getByTestId("recap-sent").waitFor();
    expect(await recap.getByTestId("recap-sent").textContent()).toMatch(/Sent .* by Dana Whitfield \(local outbox\)/);

    await page.getByRole("navigation", { name: "Callbook" }).getByRole("link", { name: "Outbox" }).click();
    const outbox = page.getByRole("list", { name: "Outbox" });
    const entry = outbox.getByRole("listitem").filter({ hasText: subject });
    await entry.waitFor();
    expect(await entry.textContent()).toContain("Rachel Stone");
    const download = page.waitForEvent("download");
    await entry.getByRole("button", { name: "Download .eml" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^recap-.*\.eml$/);
    await entry.getByRole("button", { name: subject }).click();
    const preview = page.frameLocator('iframe[title="Message preview"]');
    await preview.getByText("Thanks everyone — notes below.").waitFor();
  });

  it("asks before a second copy, and lets the PM change the recipients under the audience rule", async () => {
    await page.goto(`${server.url}/meetings/${demoMeetingId("m_cust_prev")}`);
    const recap = page.getByRole("region", { name: "Recap" });
    await recap.getByRole("button", { name: "Prepare the recap" }).click();
    await recap.getByTestId("recap-sent").waitFor();
    await recap.getByRole("button", { name: "Send again" }).click();
    const again = page.getByRole("dialog", { name: "Send a second copy?" });
    await again.getByRole("button", { name: "Cancel" }).click();
    await again.waitFor({ state: "hidden" });

    // Only internal people left: the recap becomes internal; one outside address makes it customer-safe again.
    const recipients = recap.getByRole("listbox", { name: "Recipients" }).or(recap.getByTestId("recap-recipients"));
    for (const name of ["Rachel Stone", "Ben Foster", "Maria Lopez"]) {
      await recap.getByRole("button", { name: `Remove ${name}` }).click();
      await recap.getByRole("button", { name: `Remove ${name}` }).waitFor({ state: "detached" });
    }
    await recap.getByText(/^Internal: everyone is in the organisation/).waitFor();
    await recap.getByRole("combobox", { name: "Add a recipient" }).fill("auditor@example.org");
    await recap.getByRole("button", { name: "Add", exact: true }).click();
    await recipients.getByText("auditor@example.org").waitFor();
    await recap.getByText(/^Customer-safe: someone outside the organisation/).waitFor();
  });

  it("warns before the call's start and sends nothing until the PM confirms", async () => {
    await page.goto(`${server.url}/meetings/${demoMeetingId("m_cust")}`);
    const recap = page.getByRole("region", { name: "Recap" });
    await recap.getByRole("button", { name: "Prepare the recap" }).click();
    await recap.getByTestId("recap-before-start").waitFor();
    expect(await recap.getByTestId("recap-before-start").textContent()).toMatch(/has not happened yet: it starts .* at \d{1,2}:\d{2}/);
    await recap.getByRole("button", { name: "Send recap" }).click();
    const dialog = page.getByRole("dialog", { name: "Send before the call?" });
    await dialog.waitFor();
    await page.screenshot({ path: "docs/screenshots/recap-before-start.png" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await recap.getByTestId("recap-sent").count()).toBe(0);
  });

  it("creates a triage series with the runbook's attendees; the invite is in the Outbox", async () => {
    await page.goto(`${server.url}/projects/${demoProjectId()}/series`);
    const form = page.getByRole("region", { name: "Create a call series" });
    await form.getByLabel(/^Call type/).selectOption("triage");
    const attendees = form.getByRole("list", { name: "Attendees" });
    await attendees.getByText(/Grace Kim/).waitFor();
    expect(await attendees.textContent()).not.toContain("Rachel Stone");
    expect(await form.getByTestId("series-summary").textContent()).toMatch(/^Weekly on Tuesday and Thursday at \d{1,2}:\d{2} [AP]M \(.+ time\)$/);
    await form.getByRole("combobox", { name: "Add an attendee" }).fill("auditor@example.org");
    await form.getByRole("button", { name: "Add", exact: true }).click();
    await attendees.getByText(/auditor@example.org — added by you/).waitFor();
    await page.screenshot({ path: "docs/screenshots/create-series.png", fullPage: true });
    await form.getByRole("button", { name: "Create series" }).click();
    await form.getByText("Series created: the invitation is in the outbox.").waitFor();
    await page.getByRole("navigation", { name: "Callbook" }).getByRole("link", { name: "Outbox" }).click();
    const invite = page.getByRole("list", { name: "Outbox" }).getByRole("listitem").filter({ hasText: "Invite" }).first();
    await invite.waitFor();
    expect(await invite.textContent()).toContain("Grace Kim");
  });
  it("writes the triage slot in the viewer's own zone: a PM in Kolkata reads 10–11 am Eastern as Kolkata evening (issue 14 §2)", async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, timezoneId: "Asia/Kolkata", locale: "en-US" });
    try {
      await context.addInitScript((cred) => localStorage.setItem("callbook.credential", cred), devAuth("dana"));
      const kolkata = await context.newPage();
      await kolkata.goto(`${server.url}/projects/${demoProjectId()}/series`);
      const form = kolkata.getByRole("region", { name: "Create a call series" });
      await form.getByLabel(/^Call type/).selectOption("triage");
      const hint = form.getByText(/^Triage is 10–11 am US Eastern for everyone; your time: /);
      await hint.waitFor();
      // 10:00 New York is 20:30 in Kolkata in winter (EST), 19:30 in summer (EDT).
      expect(await hint.textContent()).toMatch(/your time: Tue and Thu, (8:30 PM–9:30 PM|7:30 PM–8:30 PM)$/);
    } finally {
      await context.close();
    }
  });
});
