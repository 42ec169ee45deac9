import { z } from "zod";
import type { RequestIdentity } from "../auth/verifyTeamsToken";
import { GraphRequestFailed, type OnlineMeetingIds } from "./MailCalendarGateway";
import type { GraphRequester } from "./graphRequester";

const onlineMeeting = z.object({
  id: z.string(),
  joinWebUrl: z.string().nullish(),
  joinMeetingIdSettings: z.object({ joinMeetingId: z.string().nullish(), passcode: z.string().nullish() }).nullish(),
  chatInfo: z.object({ threadId: z.string().nullish(), messageId: z.string().nullish() }).nullish(),
});
const onlineMeetings = z.object({ value: z.array(onlineMeeting) });

/**
 * The organiser's online meeting behind a join link or a join meeting id, from Microsoft Graph
 * "Get onlineMeeting": `GET /me/onlineMeetings?$filter=JoinWebUrl eq '<url>'`, then
 * `GET /me/onlineMeetings?$filter=joinMeetingIdSettings/joinMeetingId eq '<digits>'`. Only the
 * organiser can read a meeting this way: 403 and 404 answer null, as does an empty list. Other
 * Graph failures throw GraphRequestFailed.
 */
export async function findOnlineMeetingByLink(
  graph: GraphRequester,
  identity: RequestIdentity,
  link: { joinWebUrl?: string | undefined; joinMeetingId?: string | undefined },
): Promise<OnlineMeetingIds | null> {
  const filters: string[] = [];
  if (link.joinWebUrl) filters.push(`JoinWebUrl eq '${quote(link.joinWebUrl)}'`);
  if (link.joinMeetingId) filters.push(`joinMeetingIdSettings/joinMeetingId eq '${quote(link.joinMeetingId)}'`);
  for (const filter of filters) {
    let raw: unknown;
    try {
      raw = await graph.call(identity, {
        operation: "listOnlineMeetings",
        method: "GET",
        path: `/me/onlineMeetings?$filter=${encodeURIComponent(filter)}`,
        policy: "safe",
      });
    } catch (error) {
      if (error instanceof GraphRequestFailed && (error.status === 403 || error.status === 404)) continue;
      throw error;
    }
    const found = onlineMeetings.parse(raw).value[0];
    if (!found) continue;
    return {
      onlineMeetingId: found.id,
      joinWebUrl: found.joinWebUrl ?? null,
      joinMeetingId: found.joinMeetingIdSettings?.joinMeetingId ?? null,
      threadId: found.chatInfo?.threadId ?? null,
      messageId: found.chatInfo?.messageId ?? null,
    };
  }
  return null;
}

/** OData string literal: a single quote is doubled. */
function quote(value: string): string {
  return value.replace(/'/g, "''");
}
