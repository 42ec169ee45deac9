import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { once } from "node:events";
import { rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import request from "supertest";
import type { Express } from "express";
import type { Browser, Page } from "playwright-core";
import { openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { demoProjectId, devAuth } from "../../support/testApp";
import { TEST_NOW } from "../../support/constants";
import { launchChromium } from "../../support/browser";
import { createApp } from "../../../server/app";
import { devAuthenticator } from "../../../server/auth/devSignIn";
import { createLocalBus } from "../../../server/live/liveBus";
import { localOutboxMail } from "../../../server/graph/mailFactory";
import { buildWebForDrill } from "../support/webBuild";
import { meeting, plantPayloads, type Planted } from "../support/plantPayloads";
import { dangerousTags, icsText, readEml, readIcs, unescapedPayloads, visibleStart } from "../support/xss";

// Drill: script payloads in every text field never run in the side panel, the recap preview or the
// outbox page (Chromium: no dialog ever opens, no element carries a handler or a javascript: URL),
// and stay text in the recap HTML, the .eml and the .ics (parsed back with ical.js).

const domFindings = `(() => {
  const out = [];
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name) || /^\\s*javascript:/i.test(a.value)) out.push(el.tagName + " " + a.name + "=" + a.value.slice(0, 60));
    }
    if (el.tagName === "SCRIPT" && /alert\\(/.test(el.textContent || "")) out.push("SCRIPT " + (el.textContent || "").slice(0, 60));
    if (el.tagName === "IFRAME" && el.hasAttribute("srcdoc") && (!el.hasAttribute("sandbox") || /allow-scripts/.test(el.getAttribute("sandbox") || ""))) out.push("IFRAME srcdoc without a script-free sandbox");
  }
  return out;
})()`;

describe("drill: output safety", () => {
  let tdb: TestDatabase;
  let app: Express;
  let server: Server;
  let base: string;
  let browser: Browser;
  let webRoot: string;
  let planted: Planted;
  const dana = devAuth("dana");

  beforeAll(async () => {
    [webRoot, tdb, browser] = await Promise.all([buildWebForDrill(), openTestDatabase("pglite"), launchChromium()]);
    app = createApp({
      database: tdb.database, logger: pino({ level: "silent" }), clock: () => TEST_NOW, authenticators: [devAuthenticator(tdb.database.db)],
      isReady: () => true, devSignIn: true, bus: createLocalBus(), mail: localOutboxMail(tdb.database.db, () => TEST_NOW), mailMode: "outbox", webRoot,
    });
    server = app.listen(0, "127.0.0.1");
    await once(server, "listening");
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    planted = await plantPayloads(tdb.database, app);
  });
  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    server?.close();
    await tdb?.drop();
    if (webRoot) rmSync(webRoot, { recursive: true, force: true });
  });

  it("keeps payloads as text in the recap HTML, the .eml and the .ics", async () => {
    const problems: string[] = [];
    const html = (what: string, value: string) => {
      for (const tag of dangerousTags(value)) problems.push(`${what}: tag ${tag.slice(0, 80)}`);
      for (const raw of unescapedPayloads(value)) problems.push(`${what}: unescaped ${raw}`);
    };
    for (const audience of ["internal", "external"]) {
      const recap = await request(app).get(`/api/meetings/${meeting}/recap?audience=${audience}`).set("Authorization", dana);
      expect(recap.status).toBe(200);
      html(`recap (${audience})`, recap.body.html as string);
      expect(recap.body.html).toContain("&lt;img src=x onerror=alert(&quot;item.title&quot;)&gt;");
    }
    const sent = await request(app).get(`/api/outbox/${planted.recapId}`).set("Authorization", dana);
    html("outbox recap html", sent.body.html as string);
    const eml = await readEml((await request(app).get(`/api/outbox/${planted.recapId}/file`).set("Authorization", dana)).text);
    if (eml.headerNames.includes("bcc")) problems.push(`.eml: a Bcc header was injected through the subject (${eml.headerNames.join(", ")})`);
    html(".eml html part", eml.html);
    expect(eml.html).toContain("&lt;img src=x onerror=alert(&quot;recap.intro&quot;)&gt;");

    const ics = readIcs((await request(app).get(`/api/outbox/${planted.inviteId}/file`).set("Authorization", dana)).text);
    if (ics.summary !== icsText(planted.inviteSubject)) problems.push(`.ics SUMMARY reads back as ${JSON.stringify(ics.summary)}`);
    if (ics.attendeeCount !== 1) problems.push(`.ics has ${ics.attendeeCount} attendees (1 sent): ${ics.attendeeNames.join(" | ")}`);
    if (ics.attendeeNames.some((n) => n.includes('"'))) problems.push(".ics CN holds a double quote");
    if (ics.componentNames.includes("valarm")) problems.push(".ics: a VALARM was injected through the subject");
    html(".ics X-ALT-DESC", ics.altDescription);
    const draft = await request(app).get(`/api/projects/${demoProjectId()}/series/draft?callType=customer_status`).set("Authorization", dana);
    html("series draft bodyHtml", draft.body.bodyHtml as string);
    const report = await request(app).get(`/api/projects/${demoProjectId()}/status-report.html`).set("Authorization", dana);
    if (report.status === 200) html("status report", report.text);

    process.stdout.write(
      `\nOutput safety (documents): recap HTML ×2 audiences, outbox HTML, .eml (${eml.headerNames.length} headers), .ics (SUMMARY round-trips: ${ics.summary === icsText(planted.inviteSubject)}; ` +
        `${ics.attendeeCount} attendee), series draft, status report (${report.status}). Problems: ${problems.length ? `\n  ${problems.join("\n  ")}` : "none"}\n`,
    );
    expect(problems).toEqual([]);
  });

  it("never runs a payload in the side panel, the recap preview or the outbox page (Chromium)", { timeout: 90_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
    await context.addInitScript({ content: `try { localStorage.setItem("callbook.credential", ${JSON.stringify(dana)}); } catch { /* sandboxed */ }` });
    const dialogs: string[] = [];
    const findings: string[] = [];
    const page: Page = await context.newPage();
    page.on("dialog", (d) => {
      dialogs.push(`${d.type()}: ${d.message()} at ${page.url()}`);
      void d.dismiss();
    });
    // Control: the listener sees a dialog when one opens.
    await page.goto(`${base}/healthz`);
    await page.evaluate("alert('control')");
    expect(dialogs).toEqual([`alert: control at ${base}/healthz`]);
    dialogs.length = 0;

    const inspect = async (where: string) => {
      await page.waitForTimeout(1500); // image errors and lazy renders have time to fire
      for (const f of (await page.evaluate(domFindings)) as string[]) findings.push(`${where}: ${f}`);
    };
    await page.goto(`${base}/`);
    await page.getByRole("link").first().waitFor();
    await inspect("meeting list");

    await page.goto(`${base}/meetings/${meeting}`);
    await page.locator("[data-agenda-item]").first().waitFor({ timeout: 20_000 });
    // The recap is composed on demand, behind a button, when the panel has one.
    const prepare = page.getByRole("button", { name: /recap/i }).first();
    if ((await page.locator('iframe[title="Recap preview"]').count()) === 0 && (await prepare.count()) > 0) await prepare.click();
    await page.locator('iframe[title="Recap preview"]').waitFor({ state: "attached", timeout: 20_000 });
    await inspect("side panel + recap preview");
    const panelText = await page.locator("body").innerText();
    const shown = planted.panelTags.filter((tag) => panelText.includes(visibleStart(tag)));

    await page.goto(`${base}/outbox`);
    for (const tag of ["recap.subject", "invite.subject"]) {
      await page.getByText(new RegExp(`alert\\("${tag.replace(".", "\\.")}"\\)`)).first().click();
      await page.locator('iframe[title="Message preview"]').waitFor({ state: "attached", timeout: 10_000 });
      await inspect(`outbox, ${tag} opened`);
    }
    await context.close();

    process.stdout.write(
      `\nOutput safety (Chromium): pages opened: meeting list, side panel with recap preview, outbox with the recap and the invite opened. ` +
        `Payloads visible as text in the panel: ${shown.length}/${planted.panelTags.length} (${shown.join(", ")}). ` +
        `Dialogs: ${dialogs.length}. Elements with handlers or javascript: URLs: ${findings.length}.${[...dialogs, ...findings].map((x) => `\n  ${x}`).join("")}\n`,
    );
    expect(dialogs).toEqual([]);
    expect(findings).toEqual([]);
    expect(shown.length).toBeGreaterThanOrEqual(3);
  });
});
