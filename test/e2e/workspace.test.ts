import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { newSignedInContext, useServerAndChromium } from "../support/browser";
import { demoMeetingId, demoProjectId, devAuth } from "../support/testApp";

// Needs the built front end (npm run build:web) with /projects/:id routed to ProjectPage.
describe("project workspace in Chromium: a RAG change reaches the next customer call", () => {
  // A fixed clock (a Wednesday, 10:00 in New York): on the real clock a notice due 2 h after the
  // change falls on the next day of the browser's zone after 22:00 UTC and is rightly grouped
  // "upcoming", not "due", which made this test fail every night from 22:00 to 24:00 UTC.
  const e2e = useServerAndChromium({ expectCleanExit: true, env: { CALLBOOK_NOW: "2026-11-25T15:00:00Z" } });

  it("the PM turns RAG red with a reason; the side panel shows it with the path to green, and the notice is due", async () => {
    const context = await newSignedInContext(e2e.browser, devAuth("dana"), { viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const reason = "UAT environment is not provisioned; UAT start slips two days";
    const pathToGreen = "Marcus provisions UAT by Friday; UAT round 1 runs Saturday to keep the payment certification date";

    await page.goto(`${e2e.server.url}/projects/${demoProjectId()}`);
    const form = page.getByRole("form", { name: "Edit RAG status" });
    await form.getByLabel("RAG").selectOption("red");
    await form.getByLabel("Why (reason)").fill("");
    await form.getByRole("button", { name: "Save RAG" }).click();
    await form.getByText("is required when RAG is amber or red").waitFor();
    await form.getByLabel("Why (reason)").fill(reason);
    await form.getByLabel("Path to green").fill(pathToGreen);
    await form.getByRole("button", { name: "Save RAG" }).click();

    const notice = page.locator("[data-follow-up=rag_change_notice]");
    await notice.getByText("Tell the stakeholders: RAG turned red (was amber)").waitFor();
    // The row: its title, then its state ("due") and date.
    expect(await notice.textContent()).toMatch(/^Tell the stakeholders: RAG turned red \(was amber\)dueby /);
    await page.getByRole("region", { name: "RAG status", exact: true }).getByLabel("RAG status red").waitFor();
    await page.screenshot({ path: "test-results/workspace-rag-red.png", fullPage: false });

    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${e2e.server.url}/meetings/${demoMeetingId("m_cust")}`);
    const panel = page.getByTestId("side-panel");
    // The panel loads its agenda first: on a busy machine that takes longer than expect.poll's 1 s default.
    await expect.poll(() => panel.getByLabel("RAG status red").count(), { timeout: 60_000 }).toBe(1);
    await panel.getByText(`Path to green: ${pathToGreen}`).waitFor();
    await page.screenshot({ path: "test-results/workspace-side-panel-red.png", fullPage: true });
    await context.close();
  });

  it("at 360 × 800, the RAID log does not flag a decision 'No due date', nor list it among the undated", async () => {
    const context = await newSignedInContext(e2e.browser, devAuth("dana"), { viewport: { width: 360, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${e2e.server.url}/projects/${demoProjectId()}`);
      const raid = page.getByRole("region", { name: "RAID log" });
      const filters = raid.getByRole("group", { name: "RAID filters" });
      await filters.getByLabel("Status").selectOption("closed");
      await filters.getByLabel("Kind").selectOption("decision");
      const row = raid.getByRole("row").filter({ hasText: "SIT results accepted with two known defects" });
      await row.waitFor();
      expect(await row.textContent()).not.toContain("No due date");
      // Closed decisions without a due date: none is "without a due date".
      await filters.getByLabel("No due date").check();
      await raid.getByText("No RAID items match.").waitFor();
    } finally {
      await context.close();
    }
  });

  it("is usable at 360 × 800: nothing wider than the viewport, and People & roles without a picker in every row", async () => {
    const context = await newSignedInContext(e2e.browser, devAuth("dana"), { viewport: { width: 360, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${e2e.server.url}/projects/${demoProjectId()}`);
      const members = page.getByRole("list", { name: "Members" });
      await members.getByRole("listitem").first().waitFor();
      // Elements inside a section that scrolls sideways (a wide table) do not widen the page.
      const tooWide = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const scrolls = (el: Element | null): boolean => {
          for (let e = el?.parentElement ?? null; e; e = e.parentElement) if (getComputedStyle(e).overflowX === "auto" || getComputedStyle(e).overflowX === "scroll") return true;
          return false;
        };
        return [...document.body.querySelectorAll("*")]
          .filter((e) => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && (r.right > width + 1 || r.left < -1) && !scrolls(e);
          })
          .slice(0, 5)
          .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 40)}`);
      });
      expect(tooWide).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await members.getByRole("combobox", { name: /^Backup for / }).count()).toBe(0);
      const first = members.getByRole("listitem").first();
      await first.getByRole("button", { name: /^Change backup for / }).click();
      expect(await members.getByRole("combobox", { name: /^Backup for / }).count()).toBe(1);
      await page.screenshot({ path: "docs/screenshots/workspace-360.png" });

      // "Follow-ups owed" reads as a list of rows: each title is a link starting at its row's left edge,
      // on its own line above its state and date, not a title centred inside a button.
      const followUps = page.getByRole("region", { name: "Follow-ups owed" });
      const titles = followUps.getByTestId("follow-up-title");
      await titles.first().waitFor();
      const rows = await titles.evaluateAll((els) =>
        els.map((el) => {
          const row = el.closest("li")?.getBoundingClientRect();
          const r = el.getBoundingClientRect();
          return { text: el.textContent, align: getComputedStyle(el).textAlign, indent: Math.round(r.left - (row?.left ?? 0)), fitsRow: r.right <= (row?.right ?? 0) + 0.5 };
        }),
      );
      for (const row of rows) {
        expect(row.align, row.text ?? "").not.toBe("center");
        expect(row.indent, row.text ?? "").toBe(0);
        expect(row.fitsRow, row.text ?? "").toBe(true);
      }
      await followUps.scrollIntoViewIfNeeded();
      await page.screenshot({ path: "docs/screenshots/workspace-360-follow-ups.png" });

      // The import report speaks in words: fields and values as a PM names them, not stored codes.
      const importer = page.getByRole("region", { name: "Import a schedule or RAID log" });
      await importer.getByLabel("What the file holds").selectOption("tasks");
      const csv = "Task Name,Start,Finish,Status\r\nPrint the cutover run sheet,2026-12-01,2026-12-03,Not Started\r\n";
      await importer.getByLabel("File to import").setInputFiles({ name: "schedule.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
      await importer.getByRole("button", { name: "Check file" }).click();
      const added = page.getByRole("region", { name: "Import report" }).getByRole("list", { name: "Rows to add" });
      await added.waitFor();
      const text = (await added.textContent()) ?? "";
      expect(text).toContain("Task: Print the cutover run sheet");
      expect(text).toContain("Status: Not started");
      expect(text).not.toMatch(/startDate|dueDate|not_started|\d{4}-\d{2}-\d{2}/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    } finally {
      await context.close();
    }
  });
  it("at 360 × 800 every table is fully visible or scrolls inside a labelled region that says so; People cards label every control", async () => {
    const context = await newSignedInContext(e2e.browser, devAuth("dana"), { viewport: { width: 360, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${e2e.server.url}/projects/${demoProjectId()}`);
      await page.getByRole("table", { name: "Milestones" }).waitFor();
      await page.getByRole("table", { name: "Meeting history" }).waitFor();
      // Every table cell is inside the viewport, or inside a focusable scroll region (within the
      // viewport) that shows a visible "scroll sideways" hint while its columns do not fit.
      const problems = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const out: string[] = [];
        for (const table of document.querySelectorAll("table")) {
          const name = table.getAttribute("aria-label") ?? "table";
          let scroller: HTMLElement | null = null;
          for (let e = table.parentElement; e; e = e.parentElement) {
            const ox = getComputedStyle(e).overflowX;
            if (ox === "auto" || ox === "scroll") { scroller = e; break; }
          }
          const cut = [...table.querySelectorAll("th, td")].some((c) => { const r = c.getBoundingClientRect(); return r.right > width + 1 || r.left < -1; });
          if (!cut && (!scroller || scroller.scrollWidth <= scroller.clientWidth)) continue;
          if (!scroller) { out.push(`${name}: cut off, nothing scrolls it`); continue; }
          const box = scroller.getBoundingClientRect();
          if (box.right > width + 1 || box.left < -1) out.push(`${name}: its scroll region runs off the screen`);
          if (scroller.getAttribute("role") !== "region" || scroller.tabIndex !== 0) out.push(`${name}: scroll region not a focusable region`);
          const hint = scroller.parentElement?.querySelector("[data-scroll-hint]");
          if (!hint || hint.getBoundingClientRect().height === 0) out.push(`${name}: no visible hint that it scrolls sideways`);
        }
        return out;
      });
      expect(problems).toEqual([]);
      const milestones = page.getByRole("region", { name: "Milestones table" });
      expect(await milestones.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      await page.getByText("Scroll sideways to see every column →").first().waitFor();
      await page.locator("#milestones").screenshot({ path: "docs/screenshots/workspace-tables-360.png" });

      // People cards: each control has a visible label, each button a distinct name.
      const card = page.getByRole("list", { name: "Members" }).getByRole("listitem").first();
      await card.getByRole("button", { name: "Save out of office" }).waitFor();
      await card.getByRole("button", { name: "Save time zone" }).waitFor();
      expect(await card.getByRole("button", { name: "Save", exact: true }).count()).toBe(0);
      for (const label of ["Out of office from", "until", "Time zone"]) await card.locator("label").getByText(label, { exact: true }).waitFor();
      await card.getByRole("combobox", { name: /time zone/i }).waitFor();
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: "docs/screenshots/workspace-people-360.png" });

      await page.evaluate(readFileSync("node_modules/axe-core/axe.min.js", "utf8")); // not an inline <script>: the CSP refuses those
      const serious = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: Element, options: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
        const result = await axe.run(document.getElementById("people") ?? document.body, {});
        return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
      });
      expect(serious).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it("a page load logs no Content-Security-Policy violation, and a browser tab asks nothing of Microsoft's CDN (no teams-js)", async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      await context.addInitScript((cred) => {
        localStorage.setItem("callbook.credential", cred);
        const seen: string[] = [];
        (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
        document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
      }, devAuth("dana"));
      const page = await context.newPage();
      const cspLogs: string[] = [];
      page.on("console", (m) => { if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) cspLogs.push(m.text()); });
      // teams-js, when loaded, fetches its valid-domains list from Microsoft's CDN; a top-level tab never loads it (issue 12).
      const offOrigin: string[] = [];
      page.on("request", (r) => { if (new URL(r.url()).origin !== e2e.server.url) offOrigin.push(r.url()); });
      // The project page (a workspace page, its chunks and contract schemas) and the home page, each until its content shows.
      const pages: [string, () => Promise<void>][] = [
        [`/projects/${demoProjectId()}`, () => page.getByRole("form", { name: "Edit RAG status" }).waitFor()],
        ["/", () => page.getByRole("list", { name: "Upcoming calls" }).getByRole("link").first().waitFor()],
      ];
      for (const [path, shown] of pages) {
        await page.goto(`${e2e.server.url}${path}`);
        await shown();
        const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
        expect({ path, violations }).toEqual({ path, violations: [] });
      }
      expect(cspLogs).toEqual([]);
      expect(offOrigin).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
