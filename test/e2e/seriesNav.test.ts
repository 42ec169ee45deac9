import { afterAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { newSignedInContext, useServerAndChromium } from "../support/browser";
import { demoMeetingId, demoProjectId, devAuth } from "../support/testApp";
import { tooWide } from "../support/tooWide";

// A new user's trial (Sun 29 Nov 2026, a UTC browser, en-US): "Create series" found from the project
// page, its times in the series' zone, its result with links; the recipients field's suggestions;
// the send-queue draft's recipients and its Send button at 1280 × 800. Needs the built front end.
describe("create series and recipients, as a new user met them (Chromium)", () => {
  const e2e = useServerAndChromium({ env: { CALLBOOK_NOW: "2026-11-29T14:00:00Z" }, timeoutMs: 180_000 });
  const contexts: BrowserContext[] = [];
  const open = async (width: number, height: number): Promise<Page> => {
    const context = await newSignedInContext(e2e.browser, devAuth("dana"), { viewport: { width, height }, locale: "en-US", timezoneId: "UTC" });
    contexts.push(context);
    return context.newPage();
  };
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
  });

  it("reaches Create series from the project page, reads it in New York time, and ends on a result with links", { timeout: 120_000 }, async () => {
    const page = await open(320, 800);
    await page.goto(`${e2e.server.url}/projects/${demoProjectId()}`);
    await page.getByRole("link", { name: "Create a call series" }).click();
    const form = page.getByRole("region", { name: "Create a call series" });
    const summary = form.getByTestId("series-summary");
    await summary.waitFor();
    expect(new URL(page.url()).pathname).toBe(`/projects/${demoProjectId()}/series`);

    // The time field says its zone; the picker names the organiser's; the summary reads New York first, then the viewer's UTC.
    expect(await form.getByLabel("Time (New York)").inputValue()).toMatch(/^\d{2}:\d{2}$/);
    expect(await form.getByLabel("Time zone of the series").locator("option").first().textContent()).toBe("Organiser's zone (New York)");
    expect(await summary.textContent()).toMatch(/^Weekly on \w+ at \d{1,2}:\d{2} [AP]M \(New York time\); for you \d{1,2}:\d{2} [AP]M( the next day)? \(UTC time\)$/);
    expect(await form.getByText("The series runs in").count()).toBe(0);

    // Marcus Lee is out on 9 Dec: one line per date, in words, and no sentence repeating it.
    const outDates = form.getByRole("list", { name: "Occurrences with a backup" }).getByRole("listitem");
    await outDates.first().waitFor();
    for (const line of await outDates.allTextContents()) expect(line).toMatch(/^[A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}: .+ out/);
    expect((await outDates.allTextContents()).join("\n")).toContain("Wed, Dec 9: Marcus Lee out, Jordan Blake invited instead");
    expect(await form.getByText(/is out of office for the occurrence/).count()).toBe(0);
    expect(await tooWide(page)).toEqual([]);
    await form.evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: "docs/screenshots/create-series-top.png" });

    await form.getByRole("button", { name: "Create series" }).click();
    await form.getByText(/^Series created: “.+”\. The invitation is in the Outbox/).waitFor();
    // The filled form is gone: nothing to create twice until the PM starts again.
    expect(await form.getByRole("button", { name: "Create series" }).count()).toBe(0);
    expect(await form.getByRole("link", { name: "See the new calls" }).count()).toBe(1);
    await page.screenshot({ path: "docs/screenshots/create-series-done.png" });
    await form.getByRole("link", { name: "Open the Outbox" }).click();
    await page.getByRole("list", { name: "Outbox" }).getByRole("listitem").filter({ hasText: "Invite" }).first().waitFor();
    expect(new URL(page.url()).pathname).toBe("/outbox");
  });

  it("suggests only the people matching what is typed, closes once one is added, and stays within 320 px", { timeout: 120_000 }, async () => {
    const page = await open(320, 800);
    await page.goto(`${e2e.server.url}/meetings/${demoMeetingId("m_cust_prev")}`);
    const recap = page.getByRole("region", { name: "Recap" });
    await recap.getByRole("button", { name: "Prepare the recap" }).click();
    const add = recap.getByRole("combobox", { name: "Add a recipient" });
    await add.fill("Grace");
    const options = page.getByRole("listbox").getByRole("option");
    await options.first().waitFor();
    const texts = await options.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(t).toMatch(/grace/i);
    expect(await tooWide(page)).toEqual([]);
    await options.filter({ hasText: "Grace Kim" }).click();
    await recap.getByRole("list", { name: "Recipients" }).getByText("Grace Kim").waitFor();
    await page.getByRole("listbox").waitFor({ state: "hidden" });
    expect(await add.inputValue()).toBe("");
  });

  it("edits the queue draft's recipients with the same field (audience follows them), Send in view at 1280 × 800", { timeout: 120_000 }, async () => {
    const page = await open(1280, 800);
    await page.goto(`${e2e.server.url}/`);
    const entry = page.locator("section[aria-label='Send queue'] [data-follow-up=open_task_update]");
    await entry.waitFor();
    await entry.getByRole("button").first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText(/^Customer-safe/).waitFor();
    expect(await dialog.getByText("one per line").count()).toBe(0);
    const send = dialog.getByRole("button", { name: "Send", exact: true });
    const box = await send.boundingBox();
    expect(box && box.y + box.height <= 800).toBe(true);
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
    await page.screenshot({ path: "docs/screenshots/queue-draft.png" });

    // Only our people: internal. One outside address: customer-safe again.
    for (const name of ["To", "Cc"]) {
      const list = dialog.getByRole("list", { name, exact: true });
      while ((await list.getByRole("button").count()) > 0) {
        const before = await list.getByRole("button").count();
        await list.getByRole("button").first().click();
        await expect.poll(() => list.getByRole("button").count()).toBe(before - 1);
      }
    }
    await dialog.getByRole("combobox", { name: "Add a recipient" }).fill("Marcus");
    await page.getByRole("listbox").getByRole("option", { name: /Marcus Lee/ }).click();
    await dialog.getByText(/^Internal: everything is shown/).waitFor();
    await dialog.getByRole("combobox", { name: "Add a recipient" }).fill("auditor@example.org");
    await dialog.getByRole("button", { name: "Add", exact: true }).first().click();
    await dialog.getByRole("list", { name: "To", exact: true }).getByText("auditor@example.org").waitFor();
    await dialog.getByText(/^Customer-safe/).waitFor();
    const sendBox = await send.boundingBox();
    expect(sendBox && sendBox.y + sendBox.height <= 800).toBe(true);
    await send.click();
    await dialog.waitFor({ state: "detached" });
  });
});
