import { and, asc, desc, eq, gte, inArray, lte } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import { memberProjectIds } from "../../db/projectAccess";
import type { RequestContext } from "../../http/requestContext";
import { AppError } from "../../errors";
import { requireInternalCaller } from "../audience/callerAudience";
import { composeRecapCard, pastDueOwners } from "./meetingBot";
import { pastDueTitle } from "../../domain/bot/meetingCards";
import type { TeamsCardDto } from "../../../contracts/bot";

/**
 * What the Teams bot posted, or would post, for the caller's projects (the Outbox page's "Teams
 * cards"): for the 5 latest ended meetings, the recap card as posted (a bot_posts row) or as it
 * would be now ("preview"); for the 5 next meetings, who would get a past-due notice at the start.
 * Internal meetings get no chat card. Throws 403 unless the caller is an internal project member.
 */
export async function previewTeamsCards(db: Db, ctx: RequestContext, now: Date, where: { teamsAppId: string; publicUrl: string }): Promise<TeamsCardDto[]> {
  const projectIds = await memberProjectIds(db, ctx);
  requireInternalCaller(ctx, "Teams cards");
  const inProjects = and(eq(t.meetings.tenantId, ctx.tenantId), inArray(t.meetings.projectId, projectIds));
  const [ended, next] = await Promise.all([
    db.select().from(t.meetings).where(and(inProjects, lte(t.meetings.endsAt, now.toISOString()))).orderBy(desc(t.meetings.endsAt)).limit(5),
    db.select().from(t.meetings).where(and(inProjects, gte(t.meetings.startsAt, now.toISOString()))).orderBy(asc(t.meetings.startsAt)).limit(5),
  ]);
  const ids = [...ended, ...next].map((m) => m.id);
  const posts = ids.length
    ? await db.select().from(t.botPosts).where(and(eq(t.botPosts.tenantId, ctx.tenantId), inArray(t.botPosts.meetingId, ids)))
    : [];
  const out: TeamsCardDto[] = [];
  for (const m of ended) {
    const posted = posts.find((p) => p.meetingId === m.id && p.kind === "recap_card");
    if (posted) {
      out.push({ meetingId: m.id, subject: m.subject, kind: "recap_card", state: posted.delivered === "connector" ? "posted" : "preview", summary: posted.summary, recipients: [], card: posted.card });
      continue;
    }
    try {
      const built = await composeRecapCard(db, ctx.tenantId, m.id, where, Date.parse(m.endsAt) <= now.getTime());
      out.push({ meetingId: m.id, subject: m.subject, kind: "recap_card", state: "preview", summary: built.summary, recipients: [], card: built.card as unknown as Record<string, unknown> });
    } catch (err) {
      if (!(err instanceof AppError && err.status === 403)) throw err;
    }
  }
  for (const m of next) {
    const owners = await pastDueOwners(db, m, now);
    for (const o of owners.values()) {
      const title = pastDueTitle(o.titles);
      out.push({ meetingId: m.id, subject: m.subject, kind: "past_due_notice", state: "preview", summary: title, recipients: [{ name: o.name, email: o.email }], card: null });
    }
  }
  return out;
}
