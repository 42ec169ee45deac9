import { afterAll, describe, expect, it } from "vitest";
import type { BrowserContext, Request, Route } from "playwright-core";
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

  /** Holds a route until `release` resolves or `ms` pass (whichever first); resolves with whether `release` came first. */
  const hold = (route: Route, release: Promise<void>, ms: number): Promise<boolean> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = Promise.race([release.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)))]);
    return waited.finally(() => {
      clearTimeout(timer);
      void route.continue().catch(() => undefined);
    });
  };
  const signal = () => {
    let fire!: () => void;
    const fired = new Promise<void>((resolve) => (fire = resolve));
    return { fired, fire };
  };

  // Issue 19: framed, teams-js comes with the first-paint scripts (index.html preloads its chunks),
  // not once the main script has run; and "Share to stage" is asked for only once the agenda shows.
  it("asks for teams-js while the main script is still on its way, and for Share to stage only after the agenda is shown", async () => {
    const token = await teams.entra.mintTeamsToken({ tenantId: DEMO_TENANT_ID, email: "dana.whitfield@contoso.com", name: "Dana Whitfield" });
    const ctx = await teams.browser.newContext({ viewport: { width: 360, height: 960 } });
    try {
      const teamsJsAsked = signal();
      const shareAsked = signal();
      let shareAskedAfterAgenda: boolean | null = null;
      let agendaReleased = false;
      ctx.on("request", (r) => {
        const path = new URL(r.url()).pathname;
        if (/^\/assets\/teams-js-[\w-]+\.js$/.test(path)) teamsJsAsked.fire();
        if (/^\/assets\/ShareToStage-[\w-]+\.js$/.test(path)) {
          shareAskedAfterAgenda ??= agendaReleased;
          shareAsked.fire();
        }
      });
      // The main script is held until teams-js is asked for: today's page asks for it only from the main script.
      const mainHeld: Promise<boolean>[] = [];
      await ctx.route(/\/assets\/main-[\w-]+\.js$/, (route) => void mainHeld.push(hold(route, teamsJsAsked.fired, 5_000)));
      // The agenda's answer is held until Share to stage is asked for (it must not be) or 3 s pass.
      const agendaHeld: Promise<boolean>[] = [];
      await ctx.route(/\/api\/meetings\/by-chat\/agenda\?/, (route) =>
        void agendaHeld.push(hold(route, shareAsked.fired, 3_000).then((shareCame) => ((agendaReleased = true), shareCame))),
      );
      const page = await ctx.newPage();
      await page.goto(teams.sidePanelUrl(token));
      const frame = await appFrame(page);
      await frame.locator("[data-agenda-item]").first().waitFor({ timeout: 60_000 });
      await frame.getByRole("heading", { name: /Agenda · Customer status call/ }).waitFor();
      // The share button still comes, a moment after the agenda.
      await frame.getByRole("button", { name: "Share to stage" }).waitFor({ timeout: 30_000 });

      expect(mainHeld.length, "the main script was asked for").toBeGreaterThan(0);
      expect.soft(await Promise.all(mainHeld), "teams-js asked for while the main script was held").toEqual(mainHeld.map(() => true));
      expect(agendaHeld, "the agenda was asked for by chat, once").toHaveLength(1);
      expect.soft(await Promise.all(agendaHeld), "Share to stage asked for while the agenda's answer was held").toEqual([false]);
      expect.soft(shareAskedAfterAgenda, "Share to stage asked for after the agenda was let through").toBe(true);
    } finally {
      await ctx.close();
    }
  });
});
