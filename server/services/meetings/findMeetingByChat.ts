import { and, eq, or } from "drizzle-orm";
import type { AppDeps } from "../../appDeps";
import type { RequestContext } from "../../http/requestContext";
import * as t from "../../db/tables";
import { identityOf } from "../../graph/identityOf";
import { teamsLinkKeys, teamsLinkMatch } from "./findMeetingByTeamsLink";
import { notFound } from "../../errors";

/**
 * The id of the Callbook meeting behind a Teams meeting, or null. `chatId` is the meeting chat
 * ("19:meeting_…@thread.v2", absent for some channel meetings); `meetingId` is the teams-js
 * `meeting.id` (base64 of "0#<thread>#<message>"), decoded and matched on its thread. A meeting
 * that stores the chat id or the thread answers first; with Graph (GRAPH_MODE=graph and a user
 * token) the chat's online meeting is looked up (chat → joinWebUrl) and matched by join URL.
 * `remember` stores the chat id on that meeting, so later look-ups skip Graph: only PUT
 * /api/meetings/by-chat passes it (a GET never writes). With `deps.chatMeetings`, Graph's answer
 * is shared by the caller's concurrent and next few look-ups of the same chat (a panel's first open).
 */
export async function findMeetingByChat(
  deps: Pick<AppDeps, "database" | "mailMode" | "mail" | "chatMeetings">,
  ctx: RequestContext,
  teams: { chatId?: string | undefined; meetingId?: string | undefined },
  remember: boolean,
): Promise<string | null> {
  const { db } = deps.database;
  const { chatId, meetingId } = teams;
  const keys = teamsLinkKeys({ chatId, teamsMeetingId: meetingId });
  let [row] = await db
    .select({ id: t.meetings.id })
    .from(t.meetings)
    .where(and(eq(t.meetings.tenantId, ctx.tenantId), or(chatId ? eq(t.meetings.chatId, chatId) : undefined, keys ? teamsLinkMatch(keys) : undefined)))
    .limit(1);
  if (!row && chatId && deps.mailMode === "graph" && ctx.token) {
    // The chat's meeting from Graph (chat → joinWebUrl), matched to a meeting Callbook knows.
    const identity = identityOf(ctx);
    const ask = () => deps.mail(ctx, { projectId: null }).findOnlineMeetingByChat(identity, chatId);
    const online = await (deps.chatMeetings ? deps.chatMeetings.find(identity, chatId, ask) : ask());
    if (online) {
      [row] = await db
        .select({ id: t.meetings.id })
        .from(t.meetings)
        .where(and(eq(t.meetings.tenantId, ctx.tenantId), eq(t.meetings.joinWebUrl, online.joinWebUrl)))
        .limit(1);
      if (row && remember) await db.update(t.meetings).set({ chatId }).where(and(eq(t.meetings.tenantId, ctx.tenantId), eq(t.meetings.id, row.id)));
    }
  }
  return row?.id ?? null;
}

/**
 * `findMeetingByChat` for a GET: reads only (never stores the chat id), and throws `notFound`
 * (404 `not_found`, "Meeting for this chat") when no meeting answers. The caller's access to the
 * meeting is checked by whatever loads it next (loadMeetingContext), as for the meeting's id.
 */
export async function meetingIdForChat(
  deps: Pick<AppDeps, "database" | "mailMode" | "mail" | "chatMeetings">,
  ctx: RequestContext,
  teams: { chatId?: string | undefined; meetingId?: string | undefined },
): Promise<string> {
  const id = await findMeetingByChat(deps, ctx, teams, false);
  if (!id) throw notFound("Meeting for this chat");
  return id;
}
