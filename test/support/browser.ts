import { afterAll, beforeAll, expect } from "vitest";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from "playwright-core";
import { startServer, type RunningServer } from "./serverProcess";
import { started, startTogether } from "./startTogether";

/** Debian's Chromium, headless, with the flags this closed network needs. Never a downloaded browser. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...extraArgs,
    ],
  });
}

/** The browser-mode e2e world: `npm start`'s server as a process, and Chromium. */
export interface ServerAndChromium {
  /** Set by the file's beforeAll; reading it before then (or after a failed start) throws. */
  readonly server: RunningServer;
  readonly browser: Browser;
}

export interface ServerAndChromiumOptions {
  /** Extra environment of the server process (CALLBOOK_NOW, DATABASE_URL…). */
  env?: Record<string, string>;
  /** afterAll asserts the server's exit code on SIGINT is 0 (Ctrl-C closes cleanly). Off: it is only stopped. */
  expectCleanExit?: boolean;
  /** beforeAll's timeout in ms; vitest's hookTimeout when not given. */
  timeoutMs?: number;
}

/**
 * Registers, in the calling `describe`, a beforeAll that starts the server (startServer) and
 * Chromium (launchChromium) together, and an afterAll that closes Chromium and stops the server
 * with SIGINT, whatever the tests did. A failed start leaves neither running. Hooks of the file
 * registered after this call run before its afterAll (vitest's "stack" order), so a file may close
 * its own contexts there.
 */
export function useServerAndChromium(options: ServerAndChromiumOptions = {}): ServerAndChromium {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await startTogether<[RunningServer, Browser]>(
      [startServer(options.env), (s) => s.stop("SIGINT")],
      [launchChromium(), (b) => b.close()],
    );
  }, options.timeoutMs);
  afterAll(async () => {
    await browser?.close();
    if (!server) return;
    const code = await server.stop("SIGINT");
    if (options.expectCleanExit) expect(code).toBe(0);
  });
  return {
    get server() {
      return started("the server", server);
    },
    get browser() {
      return started("Chromium", browser);
    },
  };
}

/**
 * A new browser context signed in before any page script runs: `credential` (a dev credential from
 * devAuth, or "Bearer <Entra token>") is put where the app keeps it, localStorage "callbook.credential".
 */
export async function newSignedInContext(browser: Browser, credential: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.addInitScript((cred) => localStorage.setItem("callbook.credential", cred), credential);
  return context;
}
