import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { AppDeps } from "../../appDeps";
import type { Db } from "../../db/database";
import * as t from "../../db/schema";
import { identityOf } from "../../graph/identityOf";
import type { RequestContext } from "../../http/requestContext";
import {
  findTeamsMeeting,
  normaliseTeamsThread,
  teamsThreadKey,
  threadOfTeamsMeetingId,
  type TeamsMeetingIdentity,
} from "../../../contracts/teamsMeetingLink";

/** What Callbook knows of one Teams meeting while matching it: the link as given plus what it identifies. */
export interface TeamsLinkKeys {
  /** The link exactly as the caller sent it (Safe Links wrapper and all). */
  rawUrl: string | null;
  joinWebUrl: string | null;
  joinMeetingId: string | null;
  /** teamsThreadKey(): the thread, with ";messageid=<post>" for a channel meeting. */
  threadKey: string | null;
  /** The bare thread when it is a meeting's own chat (equal to the chat id); null for channel meetings. */
  chatThread: string | null;
}

/**
 * Keys of a Teams meeting from what a caller sent: a join link or a body text holding one, a join
 * meeting id (digits, spaces allowed), a chat id, or a teams-js `meeting.id`. Null when none of
 * them identifies a Teams meeting.
 */
export function teamsLinkKeys(input: {
  joinUrl?: string | undefined;
  joinMeetingId?: string | undefined;
  chatId?: string | undefined;
  teamsMeetingId?: string | undefined;
}): TeamsLinkKeys | null {
  const parsed: TeamsMeetingIdentity | null = input.joinUrl ? findTeamsMeeting(input.joinUrl) : null;
  const fromContext = threadOfTeamsMeetingId(input.teamsMeetingId);
  const chat = normaliseTeamsThread(input.chatId);
  const thread = parsed?.threadId ? parsed : (fromContext ?? (chat ? { threadId: chat } : null));
  const digits = input.joinMeetingId?.replace(/\D/g, "") || parsed?.joinMeetingId || null;
  const keys: TeamsLinkKeys = {
    rawUrl: input.joinUrl ?? null,
    joinWebUrl: parsed?.joinWebUrl || null,
    joinMeetingId: digits,
    threadKey: thread ? teamsThreadKey(thread) : null,
    chatThread: thread?.threadId && teamsThreadKey(thread) === thread.threadId ? thread.threadId : null,
  };
  return keys.rawUrl || keys.joinWebUrl || keys.joinMeetingId || keys.threadKey ? keys : null;
}

/** The SQL condition "this meeting row is that Teams meeting": same link, same thread, or same join meeting id. */
export function teamsLinkMatch(keys: TeamsLinkKeys): SQL | undefined {
  const tries: SQL[] = [];
  if (keys.rawUrl) tries.push(eq(t.meetings.joinWebUrl, keys.rawUrl));
  if (keys.joinWebUrl && keys.joinWebUrl !== keys.rawUrl) tries.push(eq(t.meetings.joinWebUrl, keys.joinWebUrl));
  if (keys.threadKey) tries.push(eq(t.meetings.joinThreadKey, keys.threadKey));
  if (keys.chatThread) tries.push(eq(t.meetings.chatId, keys.chatThread));
  if (keys.joinMeetingId) tries.push(eq(t.meetings.joinMeetingId, keys.joinMeetingId));
  return tries.length ? or(...tries) : undefined;
}

/** Columns to store on a meeting row for these keys (only those known: null keys never erase stored ones). */
export function teamsLinkColumns(keys: TeamsLinkKeys): Partial<Pick<typeof t.meetings.$inferInsert, "joinWebUrl" | "joinMeetingId" | "joinThreadKey">> {
  return {
    ...(keys.joinWebUrl ? { joinWebUrl: keys.joinWebUrl } : {}),
    ...(keys.joinMeetingId ? { joinMeetingId: keys.joinMeetingId } : {}),
    ...(keys.threadKey ? { joinThreadKey: keys.threadKey } : {}),
  };
}

/**
 * Adds what Microsoft Graph knows of the meeting (Graph mode, signed in with Entra): its
 * canonical joinWebUrl, joinMeetingIdSettings.joinMeetingId and chatInfo thread, so a short link
 * finds a meeting stored under its long link and the other way round. Unchanged keys when Graph
 * is not in use or does not know the meeting (the caller is not its organiser).
 */
export async function completeTeamsLinkKeys(deps: Pick<AppDeps, "mail" | "mailMode">, ctx: RequestContext, keys: TeamsLinkKeys): Promise<TeamsLinkKeys> {
  if (deps.mailMode !== "graph" || !ctx.token || !(keys.joinWebUrl || keys.joinMeetingId)) return keys;
  const gateway = deps.mail(ctx, { projectId: null });
  if (!gateway.findOnlineMeetingByLink) return keys;
  const found = await gateway.findOnlineMeetingByLink(identityOf(ctx), {
    joinWebUrl: keys.joinWebUrl ?? undefined,
    joinMeetingId: keys.joinMeetingId ?? undefined,
  });
  if (!found) return keys;
  const thread = found.threadId ? { threadId: found.threadId, messageId: found.messageId ?? undefined } : null;
  // Graph's own record of the meeting wins over what was read from the link.
  const threadKey = thread ? teamsThreadKey(thread) : keys.threadKey;
  return {
    rawUrl: keys.rawUrl,
    joinWebUrl: found.joinWebUrl ?? keys.joinWebUrl,
    joinMeetingId: found.joinMeetingId ?? keys.joinMeetingId,
    threadKey,
    chatThread: thread ? (threadKey === thread.threadId ? thread.threadId : null) : keys.chatThread,
  };
}

/**
 * The id of the tenant's meeting that these keys identify, or null. In Graph mode an unknown
 * link is resolved through Graph first, and the ids Graph gave are stored on the row found, so
 * the next look-up needs no Graph call. Of a series' calls (one Teams meeting), the one nearest
 * `near` (default: now) is returned.
 */
export async function findMeetingByTeamsLink(
  deps: Pick<AppDeps, "mail" | "mailMode" | "clock">,
  db: Db,
  ctx: RequestContext,
  keys: TeamsLinkKeys,
  near?: Date,
): Promise<string | null> {
  const now = near ?? deps.clock();
  const local = await matchOne(db, ctx.tenantId, keys, now);
  if (local) return local;
  const completed = await completeTeamsLinkKeys(deps, ctx, keys);
  if (completed === keys) return null;
  const viaGraph = await matchOne(db, ctx.tenantId, completed, now);
  if (viaGraph) {
    await db
      .update(t.meetings)
      .set({ ...(completed.joinMeetingId ? { joinMeetingId: completed.joinMeetingId } : {}), ...(completed.threadKey ? { joinThreadKey: completed.threadKey } : {}) })
      .where(and(eq(t.meetings.tenantId, ctx.tenantId), eq(t.meetings.id, viaGraph)));
  }
  return viaGraph;
}

/**
 * Meeting rows ordered nearest to `now` first. Every occurrence of a series shares one Teams
 * meeting (one join link, join meeting id and iCalUId): the occurrence a link means is the one
 * happening now or next, not an arbitrary row.
 */
export function nearestTo(now: Date): SQL {
  return sql`abs(extract(epoch from (${t.meetings.startsAt} - ${now.toISOString()}::timestamptz)))`;
}

async function matchOne(db: Db, tenantId: string, keys: TeamsLinkKeys, now: Date): Promise<string | null> {
  const condition = teamsLinkMatch(keys);
  if (!condition) return null;
  const [row] = await db
    .select({ id: t.meetings.id })
    .from(t.meetings)
    .where(and(eq(t.meetings.tenantId, tenantId), condition))
    .orderBy(nearestTo(now))
    .limit(1);
  return row?.id ?? null;
}
