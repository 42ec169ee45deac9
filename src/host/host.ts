// The front end's only door to its host. Components ask this module, never teams-js or Office.
import { app, authentication, pages } from "@microsoft/teams-js";

export type ThemeName = "default" | "dark" | "contrast";
export type FrameContext = "sidePanel" | "meetingStage" | "content" | "settings" | "remove" | "task" | "authentication" | "browser";

export interface HostContext {
  /** "teams" inside a Teams client (or a host page speaking its protocol); "browser" otherwise. */
  mode: "teams" | "browser";
  frameContext: FrameContext;
  theme: ThemeName;
  meetingId: string | null;
  chatId: string | null;
  userId: string | null;
  userPrincipalName: string | null;
  tenantId: string | null;
  /** The viewer's locale (Teams `app.locale`, e.g. "en-gb") and IANA zone (`app.osLocaleInfo.timezone`); null = the browser's. */
  locale?: string | null;
  timeZone?: string | null;
}

export const browserContext: HostContext = {
  mode: "browser",
  frameContext: "browser",
  theme: "default",
  meetingId: null,
  chatId: null,
  userId: null,
  userPrincipalName: null,
  tenantId: null,
};

export class HostCapabilityError extends Error {
  constructor(capability: string, frameContext: FrameContext) {
    super(`${capability} is not available in the ${frameContext} frame context`);
    this.name = "HostCapabilityError";
  }
}

let current: HostContext = browserContext;

export function isFramed(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
}

/**
 * Initialises teams-js and reads the context. teams-js rejects at once in a top-level tab but
 * never settles inside a non-Teams iframe, so the call is raced with a timeout: either way
 * the app falls back to browser mode.
 */
export async function initHost(options: { timeoutMs?: number; extraOrigins?: string[] } = {}): Promise<HostContext> {
  if (!isFramed()) return (current = browserContext);
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), options.timeoutMs ?? 1500));
  try {
    const init = app.initialize(options.extraOrigins && options.extraOrigins.length ? options.extraOrigins : undefined).then(() => "ok" as const);
    if ((await Promise.race([init, timeout])) !== "ok") return (current = browserContext);
    const ctx = await app.getContext();
    current = {
      mode: "teams",
      frameContext: (ctx.page.frameContext as FrameContext | undefined) ?? "content",
      theme: normaliseTheme(ctx.app.theme),
      meetingId: ctx.meeting?.id ?? null,
      chatId: ctx.chat?.id ?? null,
      userId: ctx.user?.id ?? null,
      userPrincipalName: ctx.user?.userPrincipalName ?? null,
      tenantId: ctx.user?.tenant?.id ?? null,
      locale: ctx.app.locale || null,
      timeZone: ctx.app.osLocaleInfo?.timezone ?? null,
    };
    void app.notifySuccess();
    return current;
  } catch {
    return (current = browserContext);
  }
}

export function hostContext(): HostContext {
  return current;
}

export function normaliseTheme(theme: string | undefined): ThemeName {
  return theme === "dark" ? "dark" : theme === "contrast" ? "contrast" : "default";
}

/** Calls back on every theme change of the host. No-op in browser mode. */
export function onThemeChange(handler: (theme: ThemeName) => void): void {
  if (current.mode !== "teams") return;
  app.registerOnThemeChangeHandler((t) => handler(normaliseTheme(t)));
}

/**
 * The Teams SSO token for Callbook's API (`authentication.getAuthToken`): sent as a Bearer credential.
 * Only inside Teams; the host answers with an error when the user must consent first.
 */
export async function getHostAuthToken(): Promise<string> {
  if (current.mode !== "teams") throw new HostCapabilityError("Teams sign-in", current.frameContext);
  return authentication.getAuthToken();
}

export interface TabConfig {
  contentUrl: string;
  entityId: string;
  suggestedDisplayName: string;
}

function requireSettingsFrame(capability: string): void {
  if (current.mode !== "teams" || current.frameContext !== "settings") throw new HostCapabilityError(capability, current.frameContext);
}

/**
 * The configuration page's save: when the user presses the host's Save, `build` does the app's part
 * (for Callbook: link the meeting) and returns where the tab should point. Only in the settings frame.
 */
export function onTabSave(build: () => Promise<TabConfig>): void {
  requireSettingsFrame("Saving the tab");
  pages.config.registerOnSaveHandler((event) => {
    build()
      .then((input) => pages.config.setConfig({ ...input, websiteUrl: input.contentUrl }))
      .then(() => event.notifySuccess())
      .catch((e: unknown) => event.notifyFailure(e instanceof Error ? e.message : String(e)));
  });
}

/** Enables or disables the host's Save button on the configuration page. */
export function setTabValid(valid: boolean): void {
  requireSettingsFrame("Validating the tab");
  pages.config.setValidityState(valid);
}

/** The configuration page's save with a fixed config: points the tab at a URL. Only in the settings frame context. */
export async function saveTabConfig(input: TabConfig): Promise<void> {
  onTabSave(async () => input);
  setTabValid(true);
}

/**
 * Asks the user to consent to what Callbook needs from Microsoft 365 (after an API answered
 * consent_required): Teams opens /auth/consent in a pop-up, which ends on /auth/end.
 */
export async function requestConsent(): Promise<string> {
  if (current.mode !== "teams") throw new HostCapabilityError("The consent prompt", current.frameContext);
  const tenant = current.tenantId ? `?tenant=${encodeURIComponent(current.tenantId)}` : "";
  // Resolves with the authorization code the pop-up came back with ("" when there was none).
  return authentication.authenticate({ url: `${window.location.origin}/auth/consent${tenant}`, width: 600, height: 535 });
}

/** The consent pop-up's last page: tells Teams the user came back from Entra (with an error when Entra sent one). */
export async function finishConsentPopup(): Promise<void> {
  await app.initialize();
  const error = new URLSearchParams(window.location.search).get("error_description");
  if (error) authentication.notifyFailure(error);
  // The code goes back to the tab, which has the user's credential and stores their consent for
  // sending without them (POST /api/me/unattended, issue 17 §5). It is single-use and short-lived.
  else authentication.notifySuccess(new URLSearchParams(window.location.search).get("code") ?? "");
}
