import { chromium, type Browser } from "playwright-core";

/**
 * Debian's Chromium as test/support/browser.ts launches it, plus one setting: Chromium 156 turns on
 * third-party cookie deprecation by default, which denies localStorage to the app in the host page's
 * cross-site iframe. Teams' desktop client (WebView2) and Chrome's default profile allow partitioned
 * storage there, and so does this browser.
 */
export async function launchTeamsChromium(): Promise<Browser> {
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
      "--disable-features=TrackingProtection3pcd",
    ],
  });
}
