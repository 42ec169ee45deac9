import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { newSignedInContext, useServerAndChromium } from "../support/browser";
import { demoMeetingId, demoProjectId, devAuth } from "../support/testApp";
import { demoPeople } from "../../server/db/demo/demoPeople";
import { callTypeDefinitions } from "../../contracts/callTypeDefinitions";
import { escapeHtml } from "../../contracts/escapeHtml";
import type { RecapPreview } from "../../contracts/recap";
import type { MeetingLookup } from "../../contracts/meetings";

// The Outlook task pane (dist/web/outlook.html) in Chromium. The page loads Office.js from
// Microsoft's CDN as in production; the test answers that URL with a small Office.js stand-in
// (test/support/officeStandIn), configured per test before the page's scripts run.

const AXE = "node_modules/axe-core/axe.min.js";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const standIn = fileURLToPath(new URL("../support/officeStandIn/officeStandIn.js", import.meta.url));
const joinUrlOf = (key: string) => `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${key}%40thread.v2/0`;
const teamsBlock = (url: string) =>
  `<div><p>Agenda to follow.</p><p>________________</p><p><b>Microsoft Teams</b> <a href="${url}">Join the meeting now</a></p>` +
  `<p>Meeting ID: 123 456 789</p></div>`;
const email = (key: string) => demoPeople.find((p) => p.key === key)?.email ?? "";
const person = (key: string) => ({ emailAddress: email(key), displayName: demoPeople.find((p) => p.key === key)?.name ?? "" });

/** An appointment as the stand-in's Office.js item reads it (Office.AppointmentRead / AppointmentCompose). */
type AppointmentItem = {
  subject: string;
  start: string;
  end: string;
  location: string;
  body: string;
  organizer: ReturnType<typeof person>;
  requiredAttendees: ReturnType<typeof person>[];
  optionalAttendees: ReturnType<typeof person>[];
  itemId: string | null;
};

/** An appointment's start `days` days from now, at `utcHour`:00 UTC. */
function startIn(days: number, utcHour: number): Date {
  const startAt = new Date(Date.now() + days * 24 * 3600_000);
  startAt.setUTCHours(utcHour, 0, 0, 0);
  return startAt;
}

/**
 * The item of an appointment from `startAt` to `endAt` organised by Dana: a new one (no location,
 * body, attendees or item id yet) unless `fields` say otherwise.
 */
function appointment(startAt: Date, endAt: Date, fields: Partial<AppointmentItem> & { subject: string }): AppointmentItem {
  return {
    start: startAt.toISOString(),
    end: endAt.toISOString(),
    location: "",
    body: "",
    organizer: person("dana"),
    requiredAttendees: [],
    optionalAttendees: [],
    itemId: null,
    ...fields,
  };
}

/** A Teams meeting's appointment, `minutes` long: Teams' location, and `body` carrying its join link. */
const teamsAppointment = (startAt: Date, minutes: number, fields: Partial<AppointmentItem> & { subject: string; body: string }) =>
  appointment(startAt, new Date(startAt.getTime() + minutes * 60_000), { location: "Microsoft Teams Meeting", ...fields });

/** A new appointment in the organizer's compose form, `minutes` long. */
const newAppointment = (startAt: Date, minutes: number, subject: string) => appointment(startAt, new Date(startAt.getTime() + minutes * 60_000), { subject });

interface StandInConfig {
  mode: "attendee" | "organizer" | "none";
  /** Office.context.displayLanguage; the stand-in says "en-US" when not given. */
  displayLanguage?: string;
  item?: Record<string, unknown>;
  failures?: Record<string, string>;
}
interface StandInRecord {
  requiredAttendees: { emailAddress: string; displayName: string }[] | null;
  optionalAttendees: { emailAddress: string; displayName: string }[] | null;
  bodyPrepends: { data: string; coercionType: string }[];
  bodySets: unknown[];
  newMessageForms: { toRecipients: { emailAddress: string }[]; ccRecipients?: { emailAddress: string }[]; subject: string; htmlBody: string }[];
}

describe("Outlook task pane in Chromium, against an Office.js stand-in", () => {
  const e2e = useServerAndChromium();
  const contexts: BrowserContext[] = [];

  beforeAll(() => {
    mkdirSync("docs/screenshots", { recursive: true });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  /** A 360 px task pane on outlook.html, with Office.js answered by the stand-in (or failing to load). */
  async function openPane(config: StandInConfig | "office.js fails", signedInAs?: string): Promise<Page> {
    const viewport = { width: 360, height: 1000 };
    const context = signedInAs ? await newSignedInContext(e2e.browser, devAuth(signedInAs), { viewport }) : await e2e.browser.newContext({ viewport });
    contexts.push(context);
    if (config === "office.js fails") {
      await context.route(OFFICE_JS, (route) => route.abort("internetdisconnected"));
    } else {
      await context.addInitScript((cfg) => Object.assign(globalThis, { __officeStandIn: cfg }), config);
      await context.route(OFFICE_JS, (route) => route.fulfill({ path: standIn, contentType: "text/javascript" }));
    }
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/outlook.html`);
    return page;
  }

  /** axe-core's serious and critical findings on the pane. */
  async function seriousViolations(page: Page): Promise<{ id: string; help: string; targets: string[] }[]> {
    // Evaluated by the debugger, not as an inline <script>: the page's CSP rightly refuses those.
    await page.evaluate(readFileSync(AXE, "utf8"));
    const found = await page.evaluate(async () => {
      type Result = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; html: string }[] }[] };
      const axe = (window as unknown as { axe: { run(ctx: Document): Promise<Result> } }).axe;
      return (await axe.run(document)).violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        // Tabster's focus redirectors (<i data-tabster-dummy aria-hidden tabindex=0>, added to the body once a Fluent Dialog
        // has been used) are focusable and aria-hidden by design: they hand focus on at once and must stay silent
        // (microsoft/tabster#288; Accessibility Insights suppresses them, microsoft/accessibility-insights-web#7605).
        // Only those nodes are left out of aria-hidden-focus; any other node still fails.
        targets: v.nodes.filter((n) => !(v.id === "aria-hidden-focus" && /^<i [^>]*data-tabster-dummy/.test(n.html))).map((n) => n.target.join(" ")),
      }));
    });
    return found
      .filter((v) => (v.impact === "serious" || v.impact === "critical") && v.targets.length > 0)
      .map(({ id, help, targets }) => ({ id, help, targets: targets.slice(0, 5) }));
  }

  const recorded = (page: Page) => page.evaluate(() => (globalThis as unknown as { __officeStandInRecord: StandInRecord }).__officeStandInRecord);

  async function apiGet<T>(path: string, as = "dana"): Promise<T> {
    const res = await fetch(`${e2e.server.url}/api${path}`, { headers: { Authorization: devAuth(as) } });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  }

  it("attendee view of the customer call: signs in, shows its recap, opens it as an Outlook draft and sends it to the outbox", async () => {
    const m = demoMeetingId("m_cust");
    const meeting = await apiGet<{ startsAt: string; endsAt: string }>(`/meetings/${m}`);
    const page = await openPane({
      mode: "attendee",
      displayLanguage: "en-GB",
      item: appointment(new Date(meeting.startsAt), new Date(meeting.endsAt), {
        subject: "Riverbend weekly status",
        location: "Microsoft Teams Meeting",
        body: teamsBlock(joinUrlOf("m_cust")),
        requiredAttendees: [person("dana"), person("marcus"), person("rachel")],
        optionalAttendees: [person("priya")],
        itemId: "AAMkADcust/item+1=",
      }),
    });

    // No credential yet: the dev sign-in picker (local mode).
    await page.getByRole("heading", { name: "Sign in to Callbook" }).waitFor();
    await page.getByRole("button", { name: /Dana Whitfield/ }).click();

    await page.getByRole("heading", { level: 1, name: "Riverbend weekly status" }).waitFor();
    expect(await page.getByTestId("matched-by").textContent()).toBe("Found by its Teams meeting link.");
    // The appointment's own header uses the one formatter in Outlook's display language (en-GB), as the
    // recap below it does: "Wed 2 Dec · 19:00–19:45", not "Wed, Dec 2 · 07:00 PM" (issue 16).
    expect(await page.getByTestId("appointment-when").textContent()).toMatch(/^\w{3} \d{1,2} \w{3} · \d{2}:\d{2}–\d{2}:\d{2} · You are invited$/);
    const recap = page.getByRole("region", { name: "Recap" });
    const subject = await recap.getByLabel("Subject").inputValue();
    expect(subject).toMatch(/^Recap: Riverbend weekly status/);
    await page.frameLocator('iframe[title="Recap preview"]').getByRole("heading", { level: 1 }).waitFor();
    await page.screenshot({ path: "docs/screenshots/outlook-recap.png", fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Open as draft: displayNewMessageForm gets the recap's recipients, subject and HTML.
    const preview = await apiGet<RecapPreview>(`/meetings/${m}/recap`);
    await recap.getByRole("button", { name: "Open as draft in Outlook" }).click();
    await recap.getByTestId("draft-note").getByText("Opened in Outlook as a new message").waitFor();
    const forms = (await recorded(page)).newMessageForms;
    expect(forms).toHaveLength(1);
    expect(forms[0]?.subject).toBe(subject);
    expect(forms[0]?.htmlBody).toBe(preview.html);
    expect(forms[0]?.toRecipients.map((r) => r.emailAddress)).toEqual(preview.to.map((r) => r.email));
    expect(forms[0]?.toRecipients.map((r) => r.emailAddress)).toContain(email("rachel"));
    expect((forms[0]?.ccRecipients ?? []).map((r) => r.emailAddress)).toEqual(preview.cc.map((r) => r.email));

    // Send through Callbook: the call is still ahead, so it asks first; then the recap lands in the local outbox.
    await recap.getByRole("button", { name: "Send recap" }).click();
    const confirm = page.getByRole("dialog", { name: "Send before the call?" });
    // Outlook's display language (en-GB) writes the date: "Wed 2 Dec at 19:00", not "Wed, Dec 2 at 07:00 PM".
    expect(await confirm.textContent()).toMatch(/The call starts \w{3} \d{1,2} \w{3} at \d{2}:\d{2}\./);
    await confirm.getByRole("button", { name: "Send anyway" }).click();
    // Read inside the "Recap" region, as a user (and a screen reader) would: the dialog closed before it unmounted.
    await recap.getByText(/^Sent \w{3} \d{1,2} \w{3}, \d{2}:\d{2} by Dana Whitfield \(local outbox\)\.$/).waitFor();
    expect(await page.locator("#root").getAttribute("aria-hidden")).toBeNull();
    expect(await seriousViolations(page)).toEqual([]);
    const outbox = await apiGet<{ items: { subject: string; kind: string; meetingId: string | null; recipients: { email: string }[] }[] }>("/outbox");
    const sent = outbox.items.find((i) => i.meetingId === m && i.subject === subject);
    expect(sent?.kind).toBe("message");
    expect(sent?.recipients.map((r) => r.email)).toContain(email("rachel"));
  });

  it("organizer view of a new appointment: 'Set up this call' fills the PM and IM as required attendees and the agenda into the body", async () => {
    const page = await openPane({ mode: "organizer", item: newAppointment(startIn(1, 15), 45, "Riverbend weekly status sync") }, "dana");
    await page.getByRole("heading", { level: 1, name: "Riverbend weekly status sync" }).waitFor();
    // Nothing to match on yet: not linked, and no Teams link to link by.
    const link = page.getByRole("region", { name: "Not linked to a project" });
    await link.getByText(/Turn on Teams meeting for this appointment/).waitFor();

    const setup = page.getByRole("region", { name: "Set up this call" });
    await setup.getByLabel(/^Project/).selectOption(demoProjectId());
    await setup.getByLabel(/^Call type/).selectOption("customer_status");
    const required = setup.getByRole("list", { name: "Required" });
    await required.getByText("Dana Whitfield").waitFor();
    await required.getByText("Marcus Lee").waitFor();
    await setup.getByRole("button", { name: "Add attendees and agenda" }).click();
    await setup.getByTestId("setup-done").waitFor();
    expect(await setup.getByTestId("setup-done").textContent()).toMatch(/^Added \d+ people and the agenda outline\. Check the invitation, then send it\.$/);
    await page.screenshot({ path: "docs/screenshots/outlook-setup.png", fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    const rec = await recorded(page);
    const requiredEmails = (rec.requiredAttendees ?? []).map((a) => a.emailAddress);
    expect(requiredEmails).toContain(email("dana"));
    expect(requiredEmails).toContain(email("marcus"));
    expect(rec.requiredAttendees?.find((a) => a.emailAddress === email("marcus"))?.displayName).toBe("Marcus Lee");
    expect(rec.optionalAttendees).not.toBeNull();
    expect(rec.bodySets).toEqual([]); // the body is added to, never replaced
    expect(rec.bodyPrepends).toHaveLength(1);
    const body = rec.bodyPrepends[0];
    expect(body?.coercionType).toBe("html");
    expect(body?.data).toContain("Customer status call");
    for (const item of callTypeDefinitions.customer_status.agenda) expect(body?.data).toContain(`<li>${escapeHtml(item.title)}</li>`);
    // Done once: the button does not add a second agenda.
    expect(await setup.getByRole("button", { name: "Add attendees and agenda" }).isDisabled()).toBe(true);
  });

  it("organizer view: guesses the steering committee from the subject, pre-picks the only project, and leaves out an unticked attendee", async () => {
    const page = await openPane({ mode: "organizer", item: newAppointment(startIn(2, 16), 60, "Riverbend steering committee — December") }, "dana");
    const setup = page.getByRole("region", { name: "Set up this call" });
    await setup.getByRole("list", { name: "Required" }).waitFor();
    expect(await setup.getByLabel(/^Call type/).inputValue()).toBe("steering_committee");
    expect(await setup.getByLabel(/^Project/).inputValue()).toBe(demoProjectId());
    const helen = setup.getByRole("checkbox", { name: /^Helen Park — / });
    expect(await helen.isChecked()).toBe(true);
    await helen.uncheck();
    await setup.getByRole("button", { name: "Add attendees and agenda" }).click();
    await setup.getByTestId("setup-done").waitFor();
    await page.screenshot({ path: "docs/screenshots/outlook-setup-steering.png", fullPage: true });
    const rec = await recorded(page);
    const added = [...(rec.requiredAttendees ?? []), ...(rec.optionalAttendees ?? [])].map((a) => a.emailAddress);
    expect(added).toContain(email("dana"));
    expect(added).not.toContain(email("helen"));
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("a Teams meeting Callbook does not know: links it to a project and call type, then shows its recap", async () => {
    const joinUrl = joinUrlOf("outlook_dry_run");
    const startAt = startIn(2, 16);
    const item = teamsAppointment(startAt, 30, {
      subject: "Riverbend data migration dry run",
      body: teamsBlock(joinUrl),
      organizer: person("marcus"),
      requiredAttendees: [person("marcus"), person("dana"), person("priya")],
      itemId: "AAMkADdry/run+1=",
    });
    const page = await openPane({ mode: "attendee", item }, "dana");
    const link = page.getByRole("region", { name: "Not linked to a project" });
    await link.getByLabel(/^Project/).selectOption(demoProjectId());
    await link.getByLabel(/^Call type/).selectOption("targeted_technical");
    await link.getByRole("button", { name: "Link to project" }).click();

    await page.getByRole("region", { name: "Recap" }).waitFor();
    const meeting = page.getByRole("region", { name: "Callbook meeting" });
    await meeting.getByText("Targeted technical call").waitFor();
    expect(await page.getByTestId("matched-by").textContent()).toBe("Found by its Teams meeting link.");
    expect(await page.getByRole("region", { name: "Not linked to a project" }).count()).toBe(0);

    const found = await apiGet<MeetingLookup>(`/meetings/lookup?joinUrl=${encodeURIComponent(joinUrl)}`);
    expect(found.meeting).toMatchObject({ projectId: demoProjectId(), callType: "targeted_technical", overridden: true, subject: "Riverbend data migration dry run" });
    expect(found.meeting?.startsAt).toBe(startAt.toISOString());
  });

  it.each([
    ["a GCC High classic link", "outlook-body-gcc-high-classic.html", { chatId: "19:gcch:meeting_5f2a9c0d4b1e4f7a8c3d6e9b0a1f2c3d@thread.v2" }],
    ["a short link (MC772556)", "outlook-body-short-link.html", { joinUrl: "https://teams.microsoft.com/l/meetup-join/19%3ameeting_ZmFrZS1tZWV0aW5nLXBsYWNlaG9sZGVyLTAwMDE%40thread.v2/0", joinMeetingId: "2414128301281" }],
  ])("finds the meeting from %s in the appointment body, not by subject and start", async (_label, file, known) => {
    const startAt = startIn(3, 15);
    const subject = `Program review ${file}`;
    const res = await fetch(`${e2e.server.url}/api/meetings/link`, {
      method: "PUT",
      headers: { Authorization: devAuth("dana"), "Content-Type": "application/json" },
      body: JSON.stringify({ ...known, projectId: demoProjectId(), callType: null, subject, startsAt: startAt.toISOString() }),
    });
    expect(res.status).toBe(200);
    const body = readFileSync(new URL(`../fixtures/realworld/teams-links/${file}`, import.meta.url), "utf8");
    const item = teamsAppointment(startAt, 30, { subject, body, requiredAttendees: [person("dana"), person("marcus")], itemId: `AAMkAD${file.replace(/\W/g, "")}=` });
    const page = await openPane({ mode: "attendee", item }, "dana");
    await page.getByRole("heading", { level: 1, name: subject }).waitFor();
    expect(await page.getByTestId("matched-by").textContent()).toBe("Found by its Teams meeting link.");
    await page.context().close();
  });

  it("opened outside Outlook: says to open it from Outlook, whether Office.js fails to load or loads without a mailbox", async () => {
    const failed = await openPane("office.js fails", "dana");
    await failed.getByRole("heading", { name: "Open this pane from Outlook" }).waitFor({ timeout: 5000 });
    expect(await failed.getByText("Office.js is not loaded").count()).toBe(1);

    const browserTab = await openPane({ mode: "none" }, "dana");
    await browserTab.getByRole("heading", { name: "Open this pane from Outlook" }).waitFor({ timeout: 5000 });
    expect(await browserTab.getByRole("link", { name: "Open Callbook in the browser" }).getAttribute("href")).toBe("/");
  });

  it("surfaces Outlook's getAsync failure, naming the field, with a retry", async () => {
    const page = await openPane(
      { mode: "organizer", item: { subject: "x", start: new Date().toISOString(), end: new Date().toISOString() }, failures: { start: "The item is busy." } },
      "dana",
    );
    const alert = page.getByRole("alert");
    await alert.getByText("Outlook could not read the start time: The item is busy.").waitFor();
    await alert.getByRole("button", { name: "Try again" }).waitFor();
  });
});
