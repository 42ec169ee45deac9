import { afterAll, describe, expect, it } from "vitest";
import type { BrowserContext, Request } from "playwright-core";
import { useTeamsSsoWorld } from "../support/teamsHost/teamsBrowser";
import { appFrame } from "../support/teamsHost/teamsHost";
import { demoMeetingId } from "../support/testApp";
import { DEMO_TENANT_ID } from "../../server/db/demo/demoPeople";

// Issue 19, Teams mode: inside the host page with the real teams-js and an SSO token, the side
// panel asks for its meeting, agenda and capture by the meeting chat as soon as teams-js has
// initialised, once each, and all three are in flight together (each starts before any of them
// has finished), on the first open as when reopened. Needs the built front end.
describe("Teams side panel: early data requests", () => {
  const teams = useTeamsSsoWorld();
  let context: BrowserContext | undefined;
  afterAll(async () => {
    await context?.close();
  });

  const meetingId = demoMeetingId("m_cust");
  const wanted = {
    meeting: "/api/meetings/by-chat",
    agenda: "/api/meetings/by-chat/agenda",
    capture: "/api/meetings/by-chat/capture",
  };

  /** Opens the side panel in the host page; resolves with every API GET's start and finish order, once the agenda shows. */
  const openPanel = async (ctx: BrowserContext, authToken: string) => {
    const page = await ctx.newPage();
    let seq = 0;
    const log = new Map<Request, { path: string; started: number; finished: number | null }>();
    let configAsked = 0;
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.pathname === "/api/session/config") configAsked++;
      // (The live stream, /events, stays open: not counted.)
      if (r.method() === "GET" && url.pathname.startsWith("/api/meetings/") && !url.pathname.endsWith("/events")) log.set(r, { path: url.pathname, started: ++seq, finished: null });
    });
    const done = (r: Request) => {
      const entry = log.get(r);
      if (entry) entry.finished = ++seq;
    };
    page.on("requestfinished", done);
    page.on("requestfailed", done);
    await page.goto(teams.sidePanelUrl(authToken));
    const frame = await appFrame(page);
    await frame.getByRole("heading", { name: /Agenda · Customer status call/ }).waitFor({ timeout: 60_000 });
    await frame.getByRole("textbox", { name: /^Capture/ }).waitFor();
    await expect.poll(() => [...log.values()].every((e) => e.finished !== null)).toBe(true);
    const entries = [...log.values()];
    await page.close();
    return { entries, configAsked };
  };

  it("asks for the meeting, agenda and capture once each, all three started before the first finishes, on the first open and reopened", async () => {
    const token = await teams.entra.mintTeamsToken({ tenantId: DEMO_TENANT_ID, email: "dana.whitfield@contoso.com", name: "Dana Whitfield" });
    context = await teams.browser.newContext({ viewport: { width: 360, height: 960 } });
    for (const round of ["first open", "reopened"]) {
      const { entries, configAsked } = await openPanel(context, token);
      const paths = entries.map((e) => e.path);
      // The session config (host origins, server clock) is asked for once, by index.html's bootstrap, and shared.
      expect(configAsked, round).toBe(1);
      // Once each, and no second GET by the meeting's id (the by-chat answers stand for them).
      for (const path of Object.values(wanted)) expect(paths.filter((p) => p === path), `${round}: ${paths.join(", ")}`).toHaveLength(1);
      for (const byId of [`/api/meetings/${meetingId}`, `/api/meetings/${meetingId}/agenda`, `/api/meetings/${meetingId}/capture`]) expect(paths, round).not.toContain(byId);
      const three = entries.filter((e) => Object.values(wanted).includes(e.path));
      const firstFinish = Math.min(...three.map((e) => e.finished ?? Infinity));
      expect(three.map((e) => [e.path, e.started < firstFinish]), `${round}: ${entries.map((e) => `${e.path} ${e.started}→${e.finished}`).join(", ")}`).toEqual(
        three.map((e) => [e.path, true]),
      );
    }
  });
});
