import { describe, expect, it } from "vitest";
import { newSignedInContext, useServerAndChromium } from "../support/browser";
import { demoMeetingId, devAuth } from "../support/testApp";

// Issue 19: the side panel's data is asked for by index.html's inline bootstrap, before the bundle
// runs, and the app adopts those answers instead of asking again. Needs the built front end.
describe("side panel data bootstrap in Chromium (browser mode)", () => {
  const e2e = useServerAndChromium({ expectCleanExit: true });

  it("a signed-in PM opening a call's panel URL asks for its meeting, agenda and capture once each, and the CSP lets the bootstrap run", async () => {
    const meetingId = demoMeetingId("m_cust");
    const context = await newSignedInContext(e2e.browser, devAuth("dana"), { viewport: { width: 320, height: 800 } });
    try {
      const page = await context.newPage();
      const asked: string[] = [];
      page.on("request", (r) => {
        const path = new URL(r.url()).pathname;
        if (path.startsWith("/api/")) asked.push(`${r.method()} ${path}`);
      });
      const refused: string[] = [];
      page.on("console", (m) => {
        // (teams-js's fetch of its valid-domains list from Microsoft's CDN is refused by connect-src: not a script.)
        if (/Content Security Policy/i.test(m.text()) && /script/i.test(m.text())) refused.push(m.text());
      });
      const response = await page.goto(`${e2e.server.url}/meetings/${meetingId}`);
      const scriptSrc = /script-src ([^;]+)/.exec(response?.headers()["content-security-policy"] ?? "")?.[1]?.split(" ") ?? [];
      expect(scriptSrc).not.toContain("'unsafe-inline'");

      const panel = page.getByTestId("side-panel");
      await panel.locator("[data-agenda-item]").first().waitFor({ timeout: 60_000 });
      await panel.getByRole("heading", { name: /Agenda · Customer status call/ }).waitFor();

      const base = `GET /api/meetings/${meetingId}`;
      for (const path of [base, `${base}/agenda`, `${base}/capture`]) {
        expect(asked.filter((a) => a === path), `${path} in ${asked.join(", ")}`).toHaveLength(1);
      }
      expect(asked.filter((a) => a === "GET /api/session/config")).toHaveLength(1);
      // The bootstrap ran (no CSP refusal) and every data request it started was adopted by the app;
      // the session config stays, shared by the start-up readers (each reads a clone).
      expect(refused).toEqual([]);
      expect(await page.evaluate("Object.keys(window.__callbookBoot ?? { missing: 1 })")).toEqual(["/session/config"]);
    } finally {
      await context.close();
    }
  });

  // Issue 12: the first paint needs only what it shows (agenda, pinned strip, one-line capture).
  it("a browser tab's panel asks nothing of Teams (no SDK, no request off our origin), and 'More fields' brings its form when pressed", async () => {
    const meetingId = demoMeetingId("m_cust");
    const context = await newSignedInContext(e2e.browser, devAuth("dana"), { viewport: { width: 320, height: 800 } });
    try {
      const page = await context.newPage();
      const offOrigin: string[] = [];
      const scripts: string[] = [];
      page.on("request", (r) => {
        const url = new URL(r.url());
        if (url.origin !== e2e.server.url) offOrigin.push(r.url());
        if (r.resourceType() === "script") scripts.push(url.pathname);
      });
      await page.goto(`${e2e.server.url}/meetings/${meetingId}`);
      const panel = page.getByTestId("side-panel");
      await panel.locator("[data-agenda-item]").first().waitFor({ timeout: 60_000 });
      await panel.getByRole("textbox", { name: /^Capture/ }).waitFor();
      // teams-js, once loaded, asks Microsoft's CDN for its valid-domains list: a browser tab never loads it.
      expect(offOrigin).toEqual([]);
      const atFirstPaint = scripts.length;

      await panel.getByRole("button", { name: "More fields" }).click();
      const form = panel.getByRole("form", { name: "Capture with all fields" });
      await form.getByRole("textbox", { name: /^Action/ }).waitFor();
      await form.getByRole("checkbox", { name: "Someone depends on this" }).check();
      await form.getByRole("combobox", { name: /^Provider/ }).waitFor();
      // The form (with its person combobox) came as scripts of its own, asked for on the press.
      expect(scripts.length).toBeGreaterThan(atFirstPaint);
      expect(offOrigin).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
