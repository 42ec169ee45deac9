import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { launchTeamsChromium } from "../support/teamsHost/teamsBrowser";
import { startServer, type RunningServer } from "../support/serverProcess";
import { demoMeetingId, devAuth } from "../support/testApp";
import { appFrame, demoChatId, signInApp, startTeamsHost, type HostFrameContext, type HostPageOptions, type HostTheme, type TeamsHost } from "../support/teamsHost/teamsHost";

// Shared set-up of the Teams e2e tests: the real server (npm start's), the fake Teams host page on
// another origin, and Debian's Chromium. Each participant gets their own browser context.

export interface TeamsSession {
  server: RunningServer;
  host: TeamsHost;
  browser: Browser;
  /** The app's origin: localhost, so that it differs from the host's 127.0.0.1. */
  appOrigin: string;
  meetingId: string;
  /** SIGINT, then a new process on the same port and data directory; `whileDown` runs in between. */
  restartServer(whileDown?: () => Promise<void>): Promise<void>;
  /** The exit code of the process the last restart stopped. */
  lastExitCode: number | null;
  close(): Promise<void>;
}

export type Person = "dana" | "marcus";

export async function startTeamsSession(): Promise<TeamsSession> {
  const host = await startTeamsHost();
  const env = { TEAMS_TEST_HOST_ORIGINS: host.origin };
  // Our own data directory, kept across a restart and removed at the end.
  const dataDir = mkdtempSync(join(tmpdir(), "callbook-teams-e2e-"));
  const [server, browser] = await Promise.all([startServer(env, { dataDir }), launchTeamsChromium()]);
  const session: TeamsSession = {
    server,
    host,
    browser,
    appOrigin: `http://localhost:${server.port}`,
    meetingId: demoMeetingId("m_cust"),
    lastExitCode: null,
    async restartServer(whileDown) {
      const port = session.server.port;
      session.lastExitCode = await session.server.stop("SIGINT");
      await whileDown?.();
      session.server = await startServer({ ...env, PORT: String(port) }, { dataDir });
    },
    async close() {
      await browser.close();
      await session.server.stop("SIGINT");
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return session;
}

export interface Participant {
  context: BrowserContext;
  page: Page;
  frame: Frame;
}

export async function openParticipant(
  s: TeamsSession,
  person: Person,
  o: {
    frameContext?: HostFrameContext;
    path?: string;
    theme?: HostTheme;
    chatId?: string | null;
    meetingId?: string;
    width?: number;
    height?: number;
    stageSharing?: HostPageOptions["stageSharing"];
    unsupported?: string[];
  } = {},
): Promise<Participant> {
  const context = await s.browser.newContext({ viewport: { width: (o.width ?? 320) + 40, height: (o.height ?? 900) + 60 } });
  await signInApp(context, s.appOrigin, devAuth(person));
  const page = await context.newPage();
  await page.goto(
    s.host.pageUrl({
      appUrl: `${s.appOrigin}${o.path ?? "/panel"}`,
      frameContext: o.frameContext ?? "sidePanel",
      theme: o.theme ?? "default",
      chatId: o.chatId === undefined ? demoChatId("m_cust") : o.chatId,
      ...(o.meetingId ? { meetingId: o.meetingId } : {}),
      ...(o.unsupported ? { unsupported: o.unsupported } : {}),
      width: o.width ?? 320,
      height: o.height ?? 900,
      ...(o.stageSharing ? { stageSharing: o.stageSharing } : {}),
    }),
  );
  return { context, page, frame: await appFrame(page) };
}

/** Calls the API as a demo person, from the test process (loopback: dev sign-in is accepted). */
export async function callApi<T>(s: TeamsSession, person: Person, path: string, init: { method?: string; json?: unknown } = {}): Promise<T> {
  const res = await fetch(`${s.server.url}/api${path}`, {
    method: init.method ?? "GET",
    headers: { Authorization: devAuth(person), ...(init.json !== undefined ? { "Content-Type": "application/json" } : {}) },
    body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${path} answered ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** Waits until the side panel has loaded the capture and its live stream is open. */
export async function waitUntilLive(frame: Frame): Promise<void> {
  await frame.getByTestId("connection").filter({ hasText: "Live" }).waitFor({ timeout: 15_000 });
}

/**
 * A guest in the meeting watching the stage: their own browser profile with no Callbook sign-in
 * (guests and anonymous users have no Teams token for us), the host page loading `stageUrl` (what
 * the presenter shared) in the `meetingStage` frame context at a stage size.
 */
export async function openStageViewer(s: TeamsSession, stageUrl: string, o: { theme?: HostTheme; width?: number; height?: number } = {}): Promise<Participant> {
  const width = o.width ?? 1280;
  const height = o.height ?? 720;
  const context = await s.browser.newContext({ viewport: { width: width + 40, height: height + 60 } });
  const page = await context.newPage();
  await page.goto(
    s.host.pageUrl({
      appUrl: stageUrl,
      frameContext: "meetingStage",
      theme: o.theme ?? "default",
      userId: "00000000-0000-4000-8000-00000000a9e5",
      upn: "rachel_customer.example#EXT#@riverbend.onmicrosoft.com",
      width,
      height,
    }),
  );
  return { context, page, frame: await appFrame(page) };
}
