import type { AppDeps } from "../../appDeps";
import type { RequestContext } from "../../http/requestContext";
import { completeTeamsLinkKeys, teamsLinkColumns, teamsLinkKeys } from "../meetings/findMeetingByTeamsLink";

/**
 * The Teams identity columns for the calls of a series just created through Microsoft Graph
 * (issue 14 §1): from the created event's `onlineMeeting.joinUrl` its join link and thread, and,
 * when Graph lists the meeting (`GET /me/onlineMeetings?$filter=JoinWebUrl eq '…'`, the
 * organiser's own), `joinMeetingIdSettings.joinMeetingId` and the chat thread. A later short link
 * (`/meet/<id>`), classic link or teams-js meeting id of the series then matches its calls.
 * Graph failing on the second question leaves the link's own keys; nothing is thrown.
 */
export async function seriesJoinColumns(
  deps: Pick<AppDeps, "mail" | "mailMode">,
  ctx: RequestContext,
  joinUrl: string | null,
): Promise<ReturnType<typeof teamsLinkColumns>> {
  const keys = joinUrl ? teamsLinkKeys({ joinUrl }) : null;
  if (!keys) return {};
  try {
    return teamsLinkColumns(await completeTeamsLinkKeys(deps, ctx, keys));
  } catch {
    return teamsLinkColumns(keys);
  }
}
