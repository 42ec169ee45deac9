import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { newSignedInContext, useServerAndChromium } from "../support/browser";
import { demoMeetingId, demoProjectId, devAuth } from "../support/testApp";
import { tooWide } from "../support/tooWide";

// At 320 × 800 (the Teams side panel's width), in en-GB and London time: the recap editor and
// "Create series" read dates with the panel's one formatter, and nothing is wider than the panel.

describe("recap and call series into the local outbox (embedded default, Chromium)", () => {
  const e2e = useServerAndChromium();
  let page: Page;
  beforeAll(async () => {
    const context = await newSignedInContext(e2e.browser, devAuth("dana"), { viewport: { width: 320, height: 800 }, locale: "en-GB", timezoneId: "Europe/London" });
    page = await context.newPage();
  });

  it("sends the recap from the side panel; it appears in the Outbox with its recipients and a downloadable .eml", async () => {
    await page.goto(`${e2e.server.url}/meetings/${demoMeetingId("m_cust_prev")}`);
    const recap = page.getByRole("region", { name: "Recap" });
    await recap.getByRole("button", { name: "Prepare the recap" }).click();
    await recap.getByLabel("Personal message (optional)").fill("Thanks everyone — notes below.");
    const subject = await recap.getByLabel("Subject").inputValue();
    expect(subject).toMatch(/^Recap: Riverbend weekly status/);
    await recap.getByRole("button", { name: "Send recap" }).click();
    await recap.getByText(/^Sent \w{3} \d{1,2} \w{3}, \d{2}:\d{2} by Dana Whitfield \(local outbox\)\.$/).waitFor();

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
    await page.goto(`${e2e.server.url}/meetings/${demoMeetingId("m_cust_prev")}`);
    const recap = page.getByRole("region", { name: "Recap" });
    await recap.getByRole("button", { name: "Prepare the recap" }).click();
    await recap.getByText(/^Sent .* by Dana Whitfield/).waitFor();
    await recap.getByRole("button", { name: "Send again" }).click();
    const again = page.getByRole("dialog", { name: "Send a second copy?" });
    await again.getByRole("button", { name: "Cancel" }).click();
    await again.waitFor({ state: "hidden" });

    // Only internal people left: the recap becomes internal; one outside address makes it customer-safe again.
    const recipients = recap.getByRole("list", { name: "Recipients" });
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

  it("warns before the call's start in the viewer's words and zone, sends nothing until the PM confirms, and fits 320 px", async () => {
    const m = demoMeetingId("m_cust");
    const meeting = (await (await fetch(`${e2e.server.url}/api/meetings/${m}`, { headers: { Authorization: devAuth("dana") } })).json()) as { startsAt: string };
    const london = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-GB", { ...o, timeZone: "Europe/London" }).format(new Date(meeting.startsAt));
    const startsAt = `${london({ weekday: "short", day: "numeric", month: "short" })} at ${london({ hour: "numeric", minute: "2-digit" })}`;
    await page.goto(`${e2e.server.url}/meetings/${m}`);
    const recap = page.getByRole("region", { name: "Recap" });
    await recap.getByRole("button", { name: "Prepare the recap" }).click();
    const warning = recap.getByText(/^This call has not happened yet/);
    await warning.waitFor();
    // e.g. "it starts Wed 2 Dec at 19:00": the panel's formatter in en-GB and London time, not "Wed, Dec 2 at 07:00 PM".
    expect(await warning.textContent()).toBe(`This call has not happened yet: it starts ${startsAt}. A recap usually goes out after the call.`);
    expect(await tooWide(page)).toEqual([]);
    // The editor's top in the 320 × 800 viewport, below the panel's pinned strips.
    await recap.getByRole("heading", { name: "Recap" }).evaluate((h) => {
      h.scrollIntoView({ block: "start" });
      window.scrollBy(0, -200);
    });
    await page.screenshot({ path: "docs/screenshots/recap-editor.png" });

    await recap.getByRole("button", { name: "Send recap" }).click();
    const dialog = page.getByRole("dialog", { name: "Send before the call?" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`The call starts ${startsAt}.`);
    expect(await tooWide(page)).toEqual([]);
    // The picture once the dialog's entrance motion is over (not half-faded).
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
    await page.screenshot({ path: "docs/screenshots/recap-before-start.png" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await recap.getByText(/^Sent /).count()).toBe(0);

    // Confirmed: the dialog closes, the recap reloads, and the page is usable again (no aria-hidden left on #root).
    await recap.getByRole("button", { name: "Send recap" }).click();
    await dialog.getByRole("button", { name: "Send anyway" }).click();
    await recap.getByText(/^Sent .* by Dana Whitfield \(local outbox\)\.$/).waitFor();
    await recap.getByRole("button", { name: "Send again" }).waitFor();
    expect(await page.locator("#root").getAttribute("aria-hidden")).toBeNull();
  });

  it("the recap a customer reads at 320 px: decisions, actions and what the customer owes first, no empty fields, invitees as invited, the next call named", async () => {
    await page.goto(`${e2e.server.url}/meetings/${demoMeetingId("m_cust_prev")}`);
    const recap = page.getByRole("region", { name: "Recap" });
    await recap.getByRole("button", { name: "Prepare the recap" }).click();
    const preview = page.frameLocator('iframe[title="Recap preview"]');
    await preview.getByRole("heading", { level: 1 }).waitFor();
    const headings = (await preview.getByRole("heading", { level: 2 }).allTextContents()).map((h) => h.trim());
    const at = (name: string | RegExp) => headings.findIndex((h) => (typeof name === "string" ? h === name : name.test(h)));
    // What the customer acts on leads; the status report follows it.
    expect(at("Decisions")).toBeGreaterThanOrEqual(0);
    expect(at("Decisions")).toBeLessThan(at("Action items"));
    expect(at("Action items")).toBeLessThan(at("Status report"));
    const owes = at(/^What .* owes$/);
    if (owes >= 0) expect(owes).toBeLessThan(at("Status report"));
    const text = (await preview.locator("body").innerText()).replace(/\s+/g, " ");
    expect(text).not.toMatch(/not recorded/i);
    expect(text).not.toMatch(/Owner: not assigned/i);
    expect(text).not.toMatch(/RAID log changes/i);
    expect(text).toMatch(/Invited: .*Rachel Stone/);
    expect(text).not.toMatch(/Attendees:/);
    // The weekly call's next occurrence exists: the recap names it (issue 16, seen from the recap's side).
    expect(text).not.toContain("No next call is scheduled yet");
    expect(at("Next call")).toBeGreaterThan(at("Status report"));
    expect(text.slice(text.indexOf("Next call"))).toContain("Riverbend weekly status");
    expect(await tooWide(page)).toEqual([]);
  });

  it("creates a customer series from the project's own call (Wednesday 14:00, 45 min), with an end, in words; it appears under Upcoming calls", async () => {
    await page.goto(`${e2e.server.url}/projects/${demoProjectId()}/series`);
    const form = page.getByRole("region", { name: "Create a call series" });
    await form.getByLabel(/^Call type/).selectOption("customer_status");
    await form.getByTestId("series-summary").waitFor();
    // Defaults follow the project's "Riverbend weekly status" (Wednesdays 14:00 New York, 45 min), not Monday 10:00 for 30.
    // …and say in which zone that call's day and time are read: the viewer's (London), as the summary does.
    await form.getByText(/^Day, time and length follow this project's “Riverbend weekly status” call of \w{3} \d{1,2} \w{3} at \d{2}:\d{2} \(London time\)\.$/).waitFor();
    expect(await form.getByLabel("Day", { exact: true }).inputValue()).toBe("wednesday");
    expect(await form.getByLabel(/^Time( \(New York\))?$/).inputValue()).toBe("14:00");
    expect(await form.getByLabel("Minutes").inputValue()).toBe("45");
    await form.getByLabel("Ends").selectOption("after");
    await form.getByLabel("Number of calls").fill("6");
    const summary = (await form.getByTestId("series-summary").textContent()) ?? "";
    // People's words, not "(Eastern Standard Time), weekly on wednesday".
    expect(summary).toMatch(/Wednesday/);
    expect(summary).not.toMatch(/Standard Time|weekly on [a-z]/);
    await form.getByLabel("Subject").fill("Riverbend status, new series");
    expect(await tooWide(page)).toEqual([]);
    await form.getByRole("button", { name: "Create series" }).click();
    await form.getByText(/^Series created: “Riverbend status, new series”\. The invitation is in the Outbox/).waitFor();
    // "See the new calls" opens the project's calls, showing this series' calls and only them.
    await form.getByRole("link", { name: "See the new calls" }).click();
    const history = page.getByRole("region", { name: "Calls of “Riverbend status, new series”" });
    const rows = history.getByRole("table", { name: "Meeting history" }).getByRole("row");
    await rows.nth(1).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/projects/${demoProjectId()}`);
    const calls = (await rows.allTextContents()).slice(1);
    expect(calls).toHaveLength(6);
    for (const call of calls) expect(call).toContain("Riverbend status, new series");
    await history.getByRole("link", { name: "Show all calls" }).click();
    await page.getByRole("region", { name: "Meeting history" }).getByText("Riverbend weekly status").first().waitFor();
    // Outbox mode: the series' calls are Callbook meetings at once, listed with the others.
    await page.goto(`${e2e.server.url}/`);
    await page.getByRole("list", { name: "Upcoming calls" }).getByText("Riverbend status, new series").first().waitFor();
  });

  it("creates a triage series with the runbook's attendees; the invite is in the Outbox", async () => {
    await page.goto(`${e2e.server.url}/projects/${demoProjectId()}/series`);
    const form = page.getByRole("region", { name: "Create a call series" });
    await form.getByLabel(/^Call type/).selectOption("triage");
    const attendees = form.getByRole("list", { name: "Attendees" });
    await attendees.getByText(/Grace Kim/).waitFor();
    expect(await attendees.textContent()).not.toContain("Rachel Stone");
    expect(await form.getByTestId("series-summary").textContent()).toMatch(/^Weekly on Tuesday and Thursday at \d{1,2}:\d{2} [AP]M \(New York time\); for you \d{1,2}:\d{2} [AP]M \(London time\)$/);
    await form.getByRole("combobox", { name: "Add an attendee" }).fill("auditor@example.org");
    await form.getByRole("button", { name: "Add", exact: true }).click();
    await attendees.getByText(/auditor@example.org — added by you/).waitFor();
    // A proposed attendee can be removed, and added back from the project's people.
    const proposed = (await attendees.getByRole("listitem").first().textContent())?.split(" — ")[0] ?? "";
    await attendees.getByRole("button", { name: `Remove ${proposed}` }).click();
    await attendees.getByRole("button", { name: `Remove ${proposed}` }).waitFor({ state: "detached" });
    await form.getByRole("combobox", { name: "Add an attendee" }).fill(proposed);
    await form.getByRole("button", { name: "Add", exact: true }).click();
    await attendees.getByRole("button", { name: `Remove ${proposed}` }).waitFor();
    expect(await tooWide(page)).toEqual([]);
    await page.screenshot({ path: "docs/screenshots/create-series.png", fullPage: true });
    await form.getByRole("button", { name: "Create series" }).click();
    await form.getByText(/^Series created: “.+”\. The invitation is in the Outbox/).waitFor();
    await form.getByRole("link", { name: "Open the Outbox" }).click();
    const invite = page.getByRole("list", { name: "Outbox" }).getByRole("listitem").filter({ hasText: "Invite" }).first();
    await invite.waitFor();
    expect(await invite.textContent()).toContain("Grace Kim");
  });
  it("writes the triage slot in the viewer's own zone: a PM in Kolkata reads 10–11 am Eastern as Kolkata evening (issue 14 §2)", async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1100, height: 900 }, timezoneId: "Asia/Kolkata", locale: "en-US" });
    try {
      await context.addInitScript((cred) => localStorage.setItem("callbook.credential", cred), devAuth("dana"));
      const kolkata = await context.newPage();
      await kolkata.goto(`${e2e.server.url}/projects/${demoProjectId()}/series`);
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
