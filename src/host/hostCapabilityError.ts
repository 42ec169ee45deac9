// The host's typed refusal, apart from teams-js so that the Outlook page can read it without the SDK.

export type FrameContext = "sidePanel" | "meetingStage" | "content" | "settings" | "remove" | "task" | "authentication" | "browser";

/** What Callbook asks of its Teams host. */
export type HostCapability = "sign-in" | "consent" | "tab-config";

/**
 * A host capability Callbook cannot use here: `not_in_teams` (a plain browser tab), `wrong_frame`
 * (e.g. tab configuration outside the settings frame), or `not_supported` (the host's runtime
 * does not list it: teams-js `isSupported()` answered false, as Microsoft asks apps to check before
 * each call — learn.microsoft.com/microsoftteams/platform/tabs/how-to/using-teams-client-library).
 * The UI turns it into a PM sentence (src/ui/explainError.ts).
 */
export class HostCapabilityError extends Error {
  readonly code = "host_capability";
  constructor(
    readonly capability: HostCapability,
    readonly reason: "not_in_teams" | "wrong_frame" | "not_supported",
    readonly frameContext: FrameContext,
  ) {
    super(`${capability} is not available here (${reason}, ${frameContext} frame context)`);
    this.name = "HostCapabilityError";
  }
}
