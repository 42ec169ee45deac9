import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium } from "../support/browser";
import { startServer, type RunningServer } from "../support/serverProcess";
import { demoMeetingId } from "../support/testApp";
import { DEMO_TENANT_ID } from "../../server/db/demo/demoPeople";
import { issueStageTicket } from "../../server/services/stage/stageTicket";

// The meeting stage watched until its ticket expires: the server ends the live stream at the
// ticket's expiry and refuses the expired ticket (401); the stage then says it has expired and how
// to get it back, instead of showing "Reconnecting" over stale content for good. Needs the built
// front end.

const SECRET = "stage-expiry-e2e-secret-0123456789abcdef";

describe("the stage view when its ticket expires (Chromium)", () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ STAGE_TICKET_SECRET: SECRET }), launchChromium()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    if (server) expect(await server.stop("SIGINT")).toBe(0);
  });

  it("is live while the ticket holds, then says it has expired", { timeout: 90_000 }, async () => {
    const meetingId = demoMeetingId("m_cust");
    const now = new Date();
    // Expires on a second boundary 8 to 9 seconds from now (a JWT's exp is in whole seconds).
    const expiresAt = new Date((Math.floor(now.getTime() / 1000) + 9) * 1000);
    const ticket = await issueStageTicket(new TextEncoder().encode(SECRET), { tenantId: DEMO_TENANT_ID, meetingId }, now, expiresAt);
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const streams: number[] = [];
    page.on("response", (r) => {
      if (r.url().includes(`/api/stage/${meetingId}/events`)) streams.push(r.status());
    });
    await page.goto(`${server.url}/stage/${meetingId}#ticket=${ticket}`);
    await page.getByTestId("stage-connection").filter({ hasText: "Live" }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Riverbend weekly status");

    const expired = page.getByRole("alert").filter({ hasText: "This stage view has expired or its link is incomplete." });
    await expired.waitFor({ timeout: 60_000 });
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt.getTime());
    expect(streams).toContain(401);
    await page.close();
  });
});
