// The front end's only door to its host. Components ask this module, never teams-js or Office.
import type { SdkError } from "@microsoft/teams-js";
import { HostCapabilityError, type FrameContext, type HostCapability } from "./hostCapabilityError";

export type ThemeName = "default" | "dark" | "contrast";

export { HostCapabilityError, type FrameContext, type HostCapability };

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

/**
 * Throws HostCapabilityError unless Callbook runs in Teams, in `frame` when given, and the host's
 * `isSupported()` (teams-js; it throws before initialisation, read as unsupported) says yes.
 */
function requireCapability(capability: HostCapability, isSupported: (() => boolean) | null, frame?: FrameContext): void {
  if (current.mode !== "teams") throw new HostCapabilityError(capability, "not_in_teams", current.frameContext);
  if (frame && current.frameContext !== frame) throw new HostCapabilityError(capability, "wrong_frame", current.frameContext);
  let supported: boolean;
  try {
    supported = isSupported ? isSupported() : true;
  } catch {
    supported = false;
  }
  if (!supported) throw new HostCapabilityError(capability, "not_supported", current.frameContext);
}

let current: HostContext = browserContext;

export function isFramed(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
}

type TeamsJs = (typeof import("./teamsSdk"))["teamsSdk"];

/**
 * teams-js is a chunk of its own (issue 12: a top-level browser tab never needs it). Only a framed
 * page can be in Teams, so a framed page starts loading it as soon as this module runs, before the
 * first render; other pages load it on first use (the consent pop-up's last page). `teams` is set
 * once it has loaded: every synchronous capability below is reached only after initHost said "teams".
 */
let teamsLoad: Promise<TeamsJs> | null = null;
let teams: TeamsJs | null = null;
function loadTeamsJs(): Promise<TeamsJs> {
  teamsLoad ??= import("./teamsSdk").then((m) => (teams = m.teamsSdk));
  return teamsLoad;
}
if (typeof window !== "undefined" && isFramed()) void loadTeamsJs().catch(() => undefined);

/** The loaded teams-js; throws HostCapabilityError("not_in_teams") if it was never loaded (browser mode). */
function teamsJs(capability: HostCapability): TeamsJs {
  if (!teams) throw new HostCapabilityError(capability, "not_in_teams", current.frameContext);
  return teams;
}

/**
 * Initialises teams-js and reads the context. teams-js rejects at once in a top-level tab but
 * never settles inside a non-Teams iframe, so the call is raced with a timeout: either way
 * the app falls back to browser mode.
 */
export async function initHost(options: { timeoutMs?: number; extraOrigins?: string[] } = {}): Promise<HostContext> {
  if (!isFramed()) return (current = browserContext);
  try {
    // The timeout counts from when the SDK is there: a slow chunk must not turn Teams into browser mode.
    const { app } = await loadTeamsJs();
    const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), options.timeoutMs ?? 1500));
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

/** Calls back on every theme change of the host (an `app` capability: every host that initialised has it). No-op in browser mode. */
export function onThemeChange(handler: (theme: ThemeName) => void): void {
  if (current.mode !== "teams" || !teams?.app.isInitialized()) return;
  teams.app.registerOnThemeChangeHandler((t) => handler(normaliseTheme(t)));
}

/**
 * The Teams SSO token for Callbook's API (`authentication.getAuthToken`): sent as a Bearer credential.
 * Only inside Teams; the host answers with an error when the user must consent first. teams-js
 * 2.58 has no `authentication.isSupported()`: the SDK itself rejects where the host lacks it.
 */
export async function getHostAuthToken(): Promise<string> {
  requireCapability("sign-in", null);
  return teamsJs("sign-in").authentication.getAuthToken();
}

export interface TabConfig {
  contentUrl: string;
  entityId: string;
  suggestedDisplayName: string;
}

/** Tab configuration needs the settings frame and a host whose runtime lists `pages.config`. */
function requireSettingsFrame(): void {
  requireCapability("tab-config", () => teamsJs("tab-config").pages.config.isSupported(), "settings");
}

/**
 * The configuration page's save: when the user presses the host's Save, `build` does the app's part
 * (for Callbook: link the meeting) and returns where the tab should point. Only in the settings frame.
 */
export function onTabSave(build: () => Promise<TabConfig>): void {
  requireSettingsFrame();
  const { pages } = teamsJs("tab-config");
  pages.config.registerOnSaveHandler((event) => {
    build()
      .then((input) => pages.config.setConfig({ ...input, websiteUrl: input.contentUrl }))
      .then(() => event.notifySuccess())
      .catch((e: unknown) => event.notifyFailure(e instanceof Error ? e.message : String(e)));
  });
}

/** Enables or disables the host's Save button on the configuration page. */
export function setTabValid(valid: boolean): void {
  requireSettingsFrame();
  teamsJs("tab-config").pages.config.setValidityState(valid);
}

/** The configuration page's save with a fixed config: points the tab at a URL. Only in the settings frame context. */
export async function saveTabConfig(input: TabConfig): Promise<void> {
  onTabSave(async () => input);
  setTabValid(true);
}

/**
 * Asks the user to consent to what Callbook needs from Microsoft 365 (after an API answered
 * consent_required): Teams opens `consentPath` (default /auth/consent; the path from
 * POST /api/me/unattended/start adds the PKCE challenge and state) in a pop-up, which ends on
 * /auth/end. Resolves with the code and state Entra sent back (empty strings when none).
 */
export async function requestConsent(consentPath = "/auth/consent"): Promise<{ code: string; state: string }> {
  requireCapability("consent", null);
  const url = new URL(consentPath, window.location.origin);
  if (current.tenantId) url.searchParams.set("tenant", current.tenantId);
  const answer = await teamsJs("consent").authentication.authenticate({ url: url.toString(), width: 600, height: 535 });
  const params = new URLSearchParams(answer);
  return { code: params.get("code") ?? "", state: params.get("state") ?? "" };
}

/** Where the browser's Connect button returns to after Entra (kept in sessionStorage across the redirect). */
const CONSENT_RETURN_KEY = "callbook.consentReturn";

/**
 * The browser's Connect (no Teams pop-up): remembers this page and sends the whole page to
 * `consentPath` (from POST /api/me/unattended/start); Entra comes back to /auth/end, which
 * posts the code and state (finishConsentPopup) and returns here.
 */
export function redirectToConsent(consentPath: string): void {
  sessionStorage.setItem(CONSENT_RETURN_KEY, `${window.location.pathname}${window.location.search}`);
  window.location.assign(consentPath);
}

/**
 * The consent's last page (/auth/end). In the Teams pop-up: tells Teams the user came back from
 * Entra, with the code and state (or Entra's error). In the browser after redirectToConsent:
 * hands the code and state to `store` (which posts them to /api/me/unattended) and goes back to
 * the page the Connect button was on, with `?consent=` "connected" or "failed".
 */
export async function finishConsentPopup(store: (code: string, state: string) => Promise<void>): Promise<void> {
  const query = new URLSearchParams(window.location.search);
  const error = query.get("error_description");
  const code = query.get("code") ?? "";
  const state = query.get("state") ?? "";
  const returnTo = sessionStorage.getItem(CONSENT_RETURN_KEY);
  if (returnTo !== null && !isFramed() && window.opener === null) {
    sessionStorage.removeItem(CONSENT_RETURN_KEY);
    let outcome = "failed";
    if (!error && code) outcome = await store(code, state).then(() => "connected", () => "failed");
    const back = new URL(returnTo.startsWith("/") ? returnTo : "/", window.location.origin);
    back.searchParams.set("consent", outcome);
    window.location.replace(back.toString());
    return;
  }
  const { app, authentication } = await loadTeamsJs();
  await app.initialize();
  if (error) authentication.notifyFailure(error);
  // The code goes back to the tab, which has the user's credential and stores their consent for
  // sending without them (POST /api/me/unattended, issue 17 §5). It is single-use and short-lived.
  else authentication.notifySuccess(new URLSearchParams({ code, state }).toString());
}

/** Why sharing to the meeting stage did not happen; `StageShareError.reason`. */
export type StageShareFailure = "unsupported" | "no-permission" | "declined" | "failed";

/** A typed failure of share to stage: the reason and the host's SdkError code (teams-js `ErrorCode`) when it gave one. */
export class StageShareError extends Error {
  constructor(
    readonly reason: StageShareFailure,
    readonly code: number | null,
    message: string,
  ) {
    super(message);
    this.name = "StageShareError";
  }
}

/** Where Teams lets an app share to the stage: inside Teams, from the side panel or the stage itself. */
export function isStageSharingSupported(): boolean {
  return current.mode === "teams" && (current.frameContext === "sidePanel" || current.frameContext === "meetingStage") && teams !== null && teams.app.isInitialized();
}

function stageShareError(ErrorCode: TeamsJs["ErrorCode"], err: SdkError | null | undefined, fallback: string): StageShareError {
  const code = typeof err?.errorCode === "number" ? err.errorCode : null;
  const reason: StageShareFailure =
    code === ErrorCode.PERMISSION_DENIED || code === ErrorCode.UNAUTHORIZED_USER_OPERATION
      ? "no-permission"
      : code === ErrorCode.USER_ABORT
        ? "declined"
        : code === ErrorCode.NOT_SUPPORTED_ON_PLATFORM || code === ErrorCode.NOT_SUPPORTED_IN_CURRENT_CONTEXT || code === ErrorCode.OLD_PLATFORM
          ? "unsupported"
          : "failed";
  return new StageShareError(reason, code, err?.message ?? fallback);
}

/**
 * Shares `url` (one of our pages, on a valid domain of the manifest) to the meeting stage for
 * everyone in the meeting, guests and anonymous users included (teams-js `meeting.shareAppContentToStage`,
 * Microsoft Learn "Share app content to stage API"). teams-js 2.58's `meeting` namespace has no
 * `isSupported()`: support is the frame context (side panel or stage, else teams-js throws) and the
 * host's `getAppContentStageSharingCapabilities` (false unless the manifest lists `meetingStage`
 * and the user may present). Throws StageShareError: "unsupported" outside a Teams meeting or on a
 * client without stage sharing, "no-permission" when the user may not share (an attendee, not a
 * presenter), "declined", or "failed".
 */
export async function shareToStage(url: string): Promise<void> {
  if (!isStageSharingSupported() || !teams) throw new StageShareError("unsupported", null, `Sharing to the stage is not available in the ${current.frameContext} frame context`);
  const { meeting, ErrorCode } = teams;
  const capabilities = await new Promise<{ doesAppHaveSharePermission: boolean }>((resolve, reject) => {
    try {
      meeting.getAppContentStageSharingCapabilities((err, result) => (err || !result ? reject(stageShareError(ErrorCode, err, "no stage sharing capabilities")) : resolve(result)));
    } catch (e) {
      reject(new StageShareError("unsupported", null, e instanceof Error ? e.message : String(e)));
    }
  });
  if (!capabilities.doesAppHaveSharePermission) throw new StageShareError("no-permission", null, "The host says this app may not share to the stage");
  await new Promise<void>((resolve, reject) => {
    try {
      meeting.shareAppContentToStage((err, result) => (err || result === false ? reject(stageShareError(ErrorCode, err, "the host did not share")) : resolve()), url);
    } catch (e) {
      reject(new StageShareError("unsupported", null, e instanceof Error ? e.message : String(e)));
    }
  });
}
