import { threadOfTeamsMeetingId } from "../../../contracts/teamsMeetingLink";
import type { HostContext } from "../../host/host";

/** How the configuration page names its Teams meeting to the server: the chat id and/or the teams-js meeting.id. */
export interface TeamsMeetingKey {
  chatId?: string;
  /** The teams-js context `meeting.id`, sent only when it decodes to a Teams thread (the server decodes it again). */
  teamsMeetingId?: string;
}

/**
 * The meeting's key from the tab context: its chat id, else its `meeting.id`. A channel meeting's
 * context may carry no chat id (teams-js issue 386); its `meeting.id` still names the channel
 * thread and post. Null when the context names no meeting at all.
 */
export function teamsMeetingKey(host: Pick<HostContext, "chatId" | "meetingId">): TeamsMeetingKey | null {
  if (host.chatId) return { chatId: host.chatId };
  return host.meetingId && threadOfTeamsMeetingId(host.meetingId) ? { teamsMeetingId: host.meetingId } : null;
}

/** PUT body of /meetings/by-chat for a path made by `byChatPath` (the path is the effects' stable dependency). */
export function byChatBody(path: string): { chatId?: string; meetingId?: string } {
  const q = new URLSearchParams(path.slice(path.indexOf("?") + 1));
  const chatId = q.get("chatId");
  const meetingId = q.get("meetingId");
  return { ...(chatId ? { chatId } : {}), ...(meetingId ? { meetingId } : {}) };
}

/** GET path of the meeting behind a key: /meetings/by-chat?chatId=…&meetingId=…. */
export function byChatPath(key: TeamsMeetingKey): string {
  const q = new URLSearchParams();
  if (key.chatId) q.set("chatId", key.chatId);
  if (key.teamsMeetingId) q.set("meetingId", key.teamsMeetingId);
  return `/meetings/by-chat?${q.toString()}`;
}
