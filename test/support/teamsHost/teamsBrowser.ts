import type { Browser } from "playwright-core";
import { launchChromium } from "../browser";

/**
 * Debian's Chromium as test/support/browser.ts launches it, plus one setting: Chromium 156 turns on
 * third-party cookie deprecation by default, which denies localStorage to the app in the host page's
 * cross-site iframe. Teams' desktop client (WebView2) and Chrome's default profile allow partitioned
 * storage there, and so does this browser.
 */
export function launchTeamsChromium(): Promise<Browser> {
  return launchChromium(["--disable-features=TrackingProtection3pcd"]);
}
