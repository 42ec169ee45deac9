import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import pg from "pg";
import PgBoss from "pg-boss";
import { simpleParser } from "mailparser";
import { launchChromium } from "../support/browser";
import { startServer, type RunningServer } from "../support/serverProcess";
import { createScratchPostgres } from "../support/testDatabase";
import { devAuth } from "../support/testApp";

// Needs the built front end (npm run build:web) and PostgreSQL (the digest job is queued through
// pg-boss as its cron would). A reminder digest in Chromium: found on the Outbox page, its .eml
// read with a real MIME parser, and its "Mark done" link followed in the browser.

/** Polls `check` every 200 ms until it is true (150 s: a slow shared machine). */
async function until(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  const end = Date.now() + 150_000;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const NOW = "2026-11-23T14:00:00Z"; // a Monday, 09:00 in New York: Alicia's action is past due

describe.skipIf(!process.env.TEST_DATABASE_URL)("reminder digest in Chromium: the Outbox shows it, its link marks the action done", () => {
  let server: RunningServer | null = null;
  let browser: Browser | null = null;
  let drop: (() => Promise<void>) | null = null;
  beforeAll(async () => {
    const scratch = await createScratchPostgres();
    drop = scratch.drop;
    [server, browser] = await Promise.all([startServer({ DATABASE_URL: scratch.url, DEV_SIGN_IN: "true", CALLBOOK_NOW: NOW, JOBS_POLL_SECONDS: "1" }), launchChromium()]);
    const boss = new PgBoss({ connectionString: scratch.url, schema: "pgboss", supervise: false, schedule: false });
    boss.on("error", () => undefined);
    try {
      const s = server;
      await until("jobs to start", () => s.logs.join("").includes('"msg":"jobs started"'));
      await boss.start();
      await boss.send("reminder-digests", {});
      const client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      try {
        const sent = async () => Number((await client.query(`select count(*) as n from outbox_items where reminder_person_id is not null and status = 'sent'`)).rows[0]?.n ?? 0);
        await until("the digests", async () => (await sent()) > 0);
      } finally {
        await client.end();
      }
    } finally {
      await boss.stop({ graceful: false, wait: true, timeout: 3_000 }).catch(() => undefined);
    }
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    if (server) expect(await server.stop("SIGINT")).toBe(0);
    await drop?.();
  });

  it("shows Alicia's digest in the Outbox, and its Mark done link asks, then marks the action done", { timeout: 180_000 }, async () => {
    if (!server || !browser) throw new Error("not started");
    const context = await browser.newContext({ viewport: { width: 900, height: 860 } });
    await context.addInitScript((credential) => localStorage.setItem("callbook.credential", credential), devAuth("dana"));
    const page = await context.newPage();
    await page.goto(`${server.url}/outbox`);
    const item = page.locator("li", { hasText: "Alicia Grant" }).filter({ hasText: "Your actions" }).first();
    await item.waitFor();
    await item.getByRole("button", { name: /^Your actions/ }).click();
    const message = page.locator("section[aria-label='Message']");
    await message.getByText("To: Alicia Grant <alicia.grant@").waitFor();
    const preview = message.frameLocator("iframe[title='Message preview']");
    await preview.getByText("Meridian to send the returned-payment file spec", { exact: false }).waitFor();
    await preview.getByText("Mark done").first().waitFor();
    await message.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/reminder-digest.png", fullPage: false });
    mkdirSync("docs/screenshots", { recursive: true });
    copyFileSync("test-results/reminder-digest.png", "docs/screenshots/reminder-digest.png");

    // The same digest as a mail client reads it: the .eml, parsed; its first "Mark done" link.
    const download = await page.request.get(`${server.url}/api/outbox`, { headers: { Authorization: devAuth("dana") } });
    const rows = ((await download.json()) as { items: { id: string; subject: string; recipients: { name: string }[] }[] }).items;
    const digest = rows.find((r) => r.subject.startsWith("Your actions") && r.recipients.some((x) => x.name === "Alicia Grant"));
    const eml = await page.request.get(`${server.url}/api/outbox/${digest?.id ?? ""}/file`, { headers: { Authorization: devAuth("dana") } });
    const mail = await simpleParser(Buffer.from(await eml.body()));
    const doneLink = /href="([^"]*\/api\/reminders\/done\?[^"]+)"/.exec(String(mail.html))?.[1]?.replaceAll("&amp;", "&") ?? "";
    expect(new URL(doneLink).origin).toBe(server.url.replace("127.0.0.1", "localhost"));

    const link = await context.newPage();
    await link.goto(doneLink.replace("localhost", "127.0.0.1"));
    await link.getByRole("heading", { name: "Mark this action done?" }).waitFor();
    await link.screenshot({ path: "test-results/reminder-link.png", fullPage: false });
    copyFileSync("test-results/reminder-link.png", "docs/screenshots/reminder-link.png");
    await link.getByRole("button", { name: "Mark done" }).click();
    await link.getByRole("heading", { name: "Marked done" }).waitFor();
    // Opened again, the link says there is nothing left to do.
    await link.goto(doneLink.replace("localhost", "127.0.0.1"));
    await link.getByRole("heading", { name: "This action is already done" }).waitFor();
    await context.close();
  });
});
