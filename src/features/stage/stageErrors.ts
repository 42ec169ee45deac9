import { ApiError } from "../../api/client";
import { StageShareError } from "../../host/host";

/** A share-to-stage failure as the PM reads it: what happened and what to do. */
export interface StageShareProblem {
  title: string;
  message: string;
}

/**
 * Turns a failure of "Share to stage" into PM sentences: the host's typed StageShareError
 * (teams-js SdkError codes, src/host/host.ts) or the API's answer to the ticket request
 * (403: an internal call has no customer-safe stage, or the caller is not internal).
 */
export function explainStageShareError(err: unknown): StageShareProblem {
  if (err instanceof StageShareError) {
    switch (err.reason) {
      case "unsupported":
        return {
          title: "This Teams window cannot share to the stage",
          message: "Sharing to the stage works from the Callbook side panel during the meeting, in the Teams desktop or web app. Open the side panel in the meeting and try again.",
        };
      case "no-permission":
        return {
          title: "Teams did not let you share to the stage",
          message: "Only the organiser and presenters can share to the stage. Ask the organiser to make you a presenter, then try again.",
        };
      case "declined":
        return { title: "Nothing was shared", message: "Sharing was cancelled. Choose Share to stage again when you are ready." };
      default:
        return { title: "Teams could not share to the stage", message: "Teams did not start the share. Try again; if it keeps failing, share your screen instead." };
    }
  }
  if (err instanceof ApiError && err.status === 403) {
    return {
      title: "This call has no customer view to share",
      message: "The stage always shows the customer-safe view, and an internal call has none. Only internal project members can share a customer call.",
    };
  }
  if (err instanceof ApiError && err.status === 401) {
    return { title: "Your sign-in has expired", message: "Reopen the Callbook side panel, then share again." };
  }
  return { title: "Callbook could not prepare the stage", message: "The server did not answer. Check your connection and try again." };
}
