import { ApiError } from "../api/client";
import { HostCapabilityError, type HostCapability } from "../host/hostCapabilityError";

/** A failure as a project manager reads it: what happened, and the next step to take. */
export interface ExplainedError {
  title: string;
  message: string;
  nextStep: string;
  /** The raw code, for a support ticket (shown small, never as the message). */
  code: string | null;
}

// Teams SSO (authentication.getAuthToken) rejects with a reason string; the API answers
// { error: { code } }. Sources: teams-js authentication docs (getAuthToken failure reasons),
// server/errors.ts codes. Anything unknown still gets a sentence and a next step.
const KNOWN: Record<string, Omit<ExplainedError, "code">> = {
  resourcedisabled: {
    title: "Teams did not sign you in to Callbook",
    message: "Your organisation has not enabled Callbook's sign-in for Teams, so Teams refused to give Callbook your identity.",
    nextStep: "Ask your Microsoft 365 administrator to grant admin consent for Callbook in the Entra admin center, then reopen the meeting.",
  },
  resourcerequiresconsent: {
    title: "Callbook needs your permission",
    message: "Teams needs you (or your administrator) to allow Callbook to sign you in.",
    nextStep: "Reopen the Callbook tab and accept the permission prompt; if none appears, ask your administrator to grant consent.",
  },
  consent_required: {
    title: "Callbook needs your permission to use your mail and calendar",
    message: "Sending recaps and invitations from your mailbox needs a one-time permission from you or your administrator.",
    nextStep: "Choose \"Grant permission\" and accept in the pop-up; if your organisation blocks it, ask your administrator to grant consent for Callbook.",
  },
  resourcerequiresmfa: {
    title: "Sign-in needs another check",
    message: "Your organisation requires multi-factor authentication before Callbook can sign you in.",
    nextStep: "Sign out of Teams and back in, complete the verification, then reopen the meeting.",
  },
  tokenrevoked: {
    title: "Your sign-in has expired",
    message: "Teams no longer has a valid sign-in for Callbook.",
    nextStep: "Sign out of Teams and back in, then reopen the meeting.",
  },
  cancelledbyuser: {
    title: "Sign-in was cancelled",
    message: "The sign-in window was closed before it finished.",
    nextStep: "Choose Try again and complete the sign-in.",
  },
  failedtoopenwindow: {
    title: "The sign-in window could not open",
    message: "Teams could not open Callbook's sign-in window (a pop-up blocker can do this).",
    nextStep: "Allow pop-ups for Teams, then choose Try again.",
  },
  unauthorized: {
    title: "You are not signed in to Callbook",
    message: "Callbook did not accept your sign-in.",
    nextStep: "Reopen Callbook from Teams or Outlook; if it keeps happening, sign out of Teams and back in.",
  },
  forbidden: {
    title: "You do not have access to this",
    message: "This meeting or project belongs to a project you are not a member of.",
    nextStep: "Ask the project's PM to add you to the project.",
  },
  not_found: {
    title: "Callbook could not find this",
    message: "It may have been removed, or it is on a project you cannot see.",
    nextStep: "Go back to your meetings and open it again.",
  },
};

const NETWORK = {
  title: "Callbook could not reach its server",
  message: "The connection dropped or the server did not answer, so nothing was loaded or saved.",
  nextStep: "Check your network connection, then choose Try again.",
};

// What each host capability is, in a PM's words, for a HostCapabilityError.
const CAPABILITY: Record<HostCapability, { what: string; where: string }> = {
  "sign-in": { what: "Signing you in through Teams", where: "Open Callbook from a Teams meeting or from the Callbook app in Teams." },
  consent: { what: "Asking for your permission", where: "Open Callbook from a Teams meeting, then choose the permission button again." },
  "tab-config": { what: "Setting up the Callbook tab", where: "Add the Callbook tab from the meeting's + (Add a tab) button in Teams, then choose the project." },
};

function explainHostCapability(error: HostCapabilityError): ExplainedError {
  const c = CAPABILITY[error.capability];
  const message =
    error.reason === "not_supported"
      ? `${c.what} is not something this Teams app version or device offers.`
      : error.reason === "wrong_frame"
        ? `${c.what} only works on the tab's set-up page.`
        : `${c.what} only works inside Microsoft Teams, and this page is open in a browser.`;
  const nextStep = error.reason === "not_supported" ? `Update Teams or open the meeting in Teams on a computer or the web (teams.microsoft.com). ${c.where}` : c.where;
  return { title: "Teams cannot do this here", message, nextStep, code: `${error.code}:${error.capability}:${error.reason}` };
}

/** The one-line text of a failure shown inline: a host capability refusal as its PM sentence, anything else its own message. */
export function inlineErrorText(error: unknown): string {
  if (error instanceof HostCapabilityError) {
    const e = explainHostCapability(error);
    return `${e.message} ${e.nextStep}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** What to tell a PM about `error` (an ApiError, a Teams sign-in failure, a network failure, anything). */
export function explainError(error: unknown): ExplainedError {
  if (error instanceof HostCapabilityError) return explainHostCapability(error);
  const raw = error instanceof ApiError ? error.code : error instanceof Error ? error.message : typeof error === "string" ? error : "";
  const known = KNOWN[raw.trim().toLowerCase()];
  if (known) return { ...known, code: raw };
  if (error instanceof TypeError || /failed to fetch|networkerror|network request failed|load failed|timed? ?out/i.test(raw)) return { ...NETWORK, code: raw || null };
  if (error instanceof ApiError && error.status === 400) {
    return { title: "Some of what was entered was not accepted", message: error.message, nextStep: "Correct the field named above and try again.", code: error.code };
  }
  if (error instanceof ApiError && error.status >= 500) {
    return { title: "Callbook had a problem on its side", message: "The server could not finish this request; nothing was changed.", nextStep: "Choose Try again in a minute; if it keeps failing, tell your Callbook administrator.", code: error.code };
  }
  if (error instanceof ApiError) return { title: "Callbook could not do this", message: error.message, nextStep: "Choose Try again; if it keeps failing, tell your Callbook administrator.", code: error.code };
  return {
    title: "Callbook could not do this",
    message: /^[\w.-]+$/.test(raw) || raw === "" ? "An unexpected error stopped this step." : raw,
    nextStep: "Choose Try again; if it keeps failing, reopen Callbook and tell your Callbook administrator what you were doing.",
    code: raw || null,
  };
}
