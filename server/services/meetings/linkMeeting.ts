import { randomUUID } from "node:crypto";
import { and, eq, or } from "drizzle-orm";
import type { AppDeps } from "../../appDeps";
import * as t from "../../db/tables";
import { requireProjectAccess } from "../../db/projectAccess";
import { badRequest } from "../../errors";
import type { RequestContext } from "../../http/requestContext";
import type { LinkMeetingBody } from "../../../contracts/meetings";
import { completeTeamsLinkKeys, nearestTo, teamsLinkColumns, teamsLinkKeys, teamsLinkMatch } from "./findMeetingByTeamsLink";
import { loadMeetingContext } from "./loadMeetingContext";
import { storeRecognisedCallType } from "./storeRecognisedCallType";

/**
 * Links a Teams meeting to a project: the tenant's meeting with the same chat id, Teams link or
 * iCalUId is re-pointed (its version bumped; of a series' occurrences, which share those keys, the
 * one nearest `startsAt` when given, else nearest the server clock), or a new one is created (default subject "Project
 * call", default 30 minutes from `startsAt` or the server clock). Then its recognised call type
 * is stored. Returns the meeting's id. Throws 400 when no key is given, 403/404 when the caller may
 * not use the project or see the meeting already linked elsewhere.
 */
export async function linkMeeting(deps: Pick<AppDeps, "database" | "mail" | "mailMode" | "clock">, ctx: RequestContext, body: LinkMeetingBody): Promise<string> {
  const { db } = deps.database;
  await requireProjectAccess(db, ctx, body.projectId);
  const given = teamsLinkKeys(body);
  const link = given ? await completeTeamsLinkKeys(deps, ctx, given) : null;
  const key = or(
    body.chatId ? eq(t.meetings.chatId, body.chatId) : undefined,
    link ? teamsLinkMatch(link) : undefined,
    body.iCalUId ? eq(t.meetings.iCalUId, body.iCalUId) : undefined,
  );
  if (!key) throw badRequest("chatId: give chatId, teamsMeetingId, joinUrl, joinMeetingId or iCalUId");
  // A series' occurrences share its Teams link and iCalUId: the one nearest the given start (Outlook's
  // appointment start) is meant, else the one nearest now: lookupMeeting's rule.
  const near = body.startsAt ? new Date(body.startsAt) : deps.clock();
  const [existing] = await db
    .select()
    .from(t.meetings)
    .where(and(eq(t.meetings.tenantId, ctx.tenantId), key))
    .orderBy(nearestTo(near))
    .limit(1);
  let id = existing?.id;
  if (existing) {
    // Linking re-points a meeting the caller can see; one on a project they are not on, or an
    // internal meeting asked for by an external member (403), stays as it is.
    if (existing.projectId) await loadMeetingContext(db, ctx, existing.id);
    await db
      .update(t.meetings)
      .set({ ...(link ? teamsLinkColumns(link) : {}), projectId: body.projectId, callTypeOverride: body.callType, callTypeSetBy: body.callType ? ctx.name : null, version: existing.version + 1 })
      .where(and(eq(t.meetings.tenantId, ctx.tenantId), eq(t.meetings.id, existing.id)));
  } else {
    id = randomUUID();
    const now = deps.clock();
    const startsAt = body.startsAt ?? now.toISOString();
    await db.insert(t.meetings).values({
      id,
      tenantId: ctx.tenantId,
      projectId: body.projectId,
      subject: body.subject ?? "Project call",
      startsAt,
      endsAt: body.endsAt ?? new Date(Date.parse(startsAt) + 30 * 60_000).toISOString(),
      organizerEmail: ctx.email,
      attendees: [{ email: ctx.email, name: ctx.name }],
      chatId: body.chatId ?? null,
      joinWebUrl: body.joinUrl ?? null,
      ...(link ? teamsLinkColumns(link) : {}),
      iCalUId: body.iCalUId ?? null,
      callTypeOverride: body.callType,
      callTypeSetBy: body.callType ? ctx.name : null,
    });
  }
  await storeRecognisedCallType(db, ctx.tenantId, id ?? "");
  return id ?? "";
}
