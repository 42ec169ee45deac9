import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import type { BrowserContext, Frame, Page } from "playwright-core";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";

// A stand-in for the Teams client: a page on its own origin that embeds the app in an iframe and
// answers the real @microsoft/teams-js over postMessage (see hostPage.js for the protocol).

export type HostFrameContext = "sidePanel" | "content" | "settings" | "meetingStage";
export type HostTheme = "default" | "dark" | "contrast";

export interface HostPageOptions {
  /** The app page to embed, e.g. http://localhost:53000/panel. Use another origin than the host's. */
  appUrl: string;
  frameContext: HostFrameContext;
  /** null: a context without a chat id (a channel meeting's, teams-js issue 386). */
  chatId?: string | null;
  meetingId?: string;
  userId?: string;
  upn?: string;
  tenantId?: string;
  theme?: HostTheme;
  /** Iframe size: the meeting side panel is 320 px wide. */
  width?: number;
  height?: number;
  authToken?: string;
  /** Capabilities the host's runtime config leaves out, by path ("pages.config"): an older or smaller host. */
  unsupported?: string[];
  /** How the host answers share to stage: may the app share (default true), and an SdkError code to fail with. */
  stageSharing?: { permission?: boolean; errorCode?: number | null };
}

export interface TeamsHost {
  origin: string;
  port: number;
  pageUrl(options: HostPageOptions): string;
  close(): Promise<void>;
}

export const demoChatId = (key: string) => `19:meeting_${key}@thread.v2`;

const hostScript = readFileSync(new URL("./hostPage.js", import.meta.url), "utf8");

function escapeJson(o: unknown): string {
  return JSON.stringify(o).replace(/</g, "\\u003c");
}

function hostHtml(o: HostPageOptions): string {
  const cfg = {
    appUrl: o.appUrl,
    frameContext: o.frameContext,
    chatId: o.chatId === undefined ? demoChatId("m_cust") : o.chatId,
    meetingId: o.meetingId ?? "MCMxOTptZWV0aW5nX21fY3VzdEB0aHJlYWQudjIjMA==",
    userId: o.userId ?? "00000000-0000-4000-8000-0000000000d1",
    upn: o.upn ?? "user@riverbend.test",
    tenantId: o.tenantId ?? DEMO_TENANT_ID,
    theme: o.theme ?? "default",
    authToken: o.authToken ?? null,
    unsupported: o.unsupported ?? [],
    stageSharing: o.stageSharing ?? null,
  };
  const width = o.width ?? 320;
  const height = o.height ?? 900;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Teams test host</title>
<style>body{margin:0;background:#ebebeb}iframe{border:0;display:block;width:${width}px;height:${height}px}</style></head>
<body>
<script type="application/json" id="host-config">${escapeJson(cfg)}</script>
<script src="/host.js"></script>
<iframe id="app" title="Callbook" src="${o.appUrl.replace(/"/g, "&quot;")}"></iframe>
</body></html>`;
}

/** Starts the host on 127.0.0.1 (the app should be opened as http://localhost:PORT: another origin). */
export async function startTeamsHost(): Promise<TeamsHost> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/host.js") {
      res.writeHead(200, { "Content-Type": "text/javascript; charset=utf-8" });
      res.end(hostScript);
      return;
    }
    if (url.pathname === "/") {
      const raw = url.searchParams.get("o");
      if (!raw) {
        res.writeHead(400).end("missing o");
        return;
      }
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(hostHtml(JSON.parse(raw) as HostPageOptions));
      return;
    }
    res.writeHead(404).end();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    pageUrl: (options) => `${origin}/?o=${encodeURIComponent(JSON.stringify(options))}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Signs the app in with a dev credential in its own (partitioned) storage, before any of its scripts run. */
export async function signInApp(context: BrowserContext, appOrigin: string, credential: string): Promise<void> {
  await context.addInitScript(
    ({ origin, value }) => {
      if (window.location.origin === origin) window.localStorage.setItem("callbook.credential", value);
    },
    { origin: appOrigin, value: credential },
  );
}

/** The embedded app's frame, once it has loaded. */
export async function appFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector("iframe#app");
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("the app iframe has no frame");
  return frame;
}

/** What the host saw: messages received, handlers registered, validity, saved settings. */
export interface HostState {
  received: string[];
  unanswered: string[];
  registered: string[];
  theme: HostTheme;
  validity: boolean | null;
  settings: { contentUrl?: string; websiteUrl?: string; entityId?: string; suggestedDisplayName?: string } | null;
  initialized: boolean;
  sharedToStage: string[];
}

export async function hostState(page: Page): Promise<HostState> {
  return page.evaluate(() => (window as unknown as { __host: { state: HostState } }).__host.state);
}

export async function setHostTheme(page: Page, theme: HostTheme): Promise<void> {
  await page.evaluate((t) => (window as unknown as { __host: { setTheme(t: string): void } }).__host.setTheme(t), theme);
}

export async function pressHostSave(page: Page): Promise<{ ok: boolean; reason?: string; settings?: HostState["settings"] }> {
  return page.evaluate(() =>
    (window as unknown as { __host: { save(): Promise<{ ok: boolean; reason?: string; settings?: HostState["settings"] }> } }).__host.save(),
  );
}
