import { Router } from "express";
import { randomUUID } from "node:crypto";
import { and, eq, or, type SQL } from "drizzle-orm";
import { storeRecognisedCallType } from "../../services/meetings/storeRecognisedCallType";
import type { AppDeps } from "../../appDeps";
import { contextOf } from "../../http/requestContext";
import { parse } from "../../http/validate";
import { idParams } from "../../../contracts/common";
import { byChatQuery, linkMeetingBody, lookupMeetingQuery, type MeetingLookup, type PrepList } from "../../../contracts/meetings";
import * as t from "../../db/tables";
import { requireProjectAccess } from "../../db/projectAccess";
import { badRequest, notFound } from "../../errors";
import { loadMeetingContext } from "../../services/meetings/loadMeetingContext";
import { detail } from "../../presenters/meetings";
import { findMeetingByChat } from "../../services/meetings/findMeetingByChat";
import { previousCallOfType, resolveCallType } from "../../domain/resolveCallType";
import { completeTeamsLinkKeys, findMeetingByTeamsLink, nearestTo, teamsLinkColumns, teamsLinkKeys, teamsLinkMatch } from "../../services/meetings/findMeetingByTeamsLink";

/** How a Teams meeting finds its Callbook meeting (by chat id), is linked to a project, and is prepared. */
export function meetingLinkRouter(deps: AppDeps): Router {
  const r = Router();
  const { db } = deps.database;

  // GET reads only; PUT also stores the chat id on the meeting found through Graph.
  r.get("/by-chat", async (req, res) => {
    const query = parse(byChatQuery, req.query);
    const ctx = contextOf(res);
    const id = await findMeetingByChat(deps, ctx, query, false);
    if (!id) throw notFound("Meeting for this chat");
    res.json(detail(await loadMeetingContext(db, ctx, id), deps.clock()));
  });

  r.put("/by-chat", async (req, res) => {
    const body = parse(byChatQuery, req.body);
    const ctx = contextOf(res);
    const id = await findMeetingByChat(deps, ctx, body, true);
    if (!id) throw notFound("Meeting for this chat");
    res.json(detail(await loadMeetingContext(db, ctx, id), deps.clock()));
  });

  r.get("/lookup", async (req, res) => {
    const q = parse(lookupMeetingQuery, req.query);
    const ctx = contextOf(res);
    // Same link, thread or join meeting id (any Teams host and link form; Graph resolves unknown ones).
    const link = teamsLinkKeys({ joinUrl: q.joinUrl, joinMeetingId: q.joinMeetingId });
    const linked = link ? await findMeetingByTeamsLink(deps, db, ctx, link) : null;
    const tries: [MeetingLookup["matchedBy"], SQL | undefined][] = [
      ["joinUrl", linked ? eq(t.meetings.id, linked) : undefined],
      ["iCalUId", q.iCalUId ? eq(t.meetings.iCalUId, q.iCalUId) : undefined],
      ["subjectAndStart", q.subject && q.start ? and(eq(t.meetings.subject, q.subject), eq(t.meetings.startsAt, new Date(q.start).toISOString())) : undefined],
    ];
    for (const [matchedBy, condition] of tries) {
      if (!condition) continue;
      // A series' occurrences share its iCalUId: the one nearest now is meant.
      const [row] = await db.select({ id: t.meetings.id }).from(t.meetings).where(and(eq(t.meetings.tenantId, ctx.tenantId), condition)).orderBy(nearestTo(deps.clock())).limit(1);
      if (row) {
        const [withProject] = await db.select({ projectId: t.meetings.projectId }).from(t.meetings).where(eq(t.meetings.id, row.id));
        // Known to Callbook but on no project yet: the caller links it like an unknown one.
        if (!withProject?.projectId) break;
        const body: MeetingLookup = { meeting: detail(await loadMeetingContext(db, ctx, row.id), deps.clock()), matchedBy };
        res.json(body);
        return;
      }
    }
    const none: MeetingLookup = { meeting: null, matchedBy: null };
    res.json(none);
  });

  r.put("/link", async (req, res) => {
    const body = parse(linkMeetingBody, req.body);
    const ctx = contextOf(res);
    await requireProjectAccess(db, ctx, body.projectId);
    const given = teamsLinkKeys(body);
    const link = given ? await completeTeamsLinkKeys(deps, ctx, given) : null;
    const key = or(
      body.chatId ? eq(t.meetings.chatId, body.chatId) : undefined,
      link ? teamsLinkMatch(link) : undefined,
      body.iCalUId ? eq(t.meetings.iCalUId, body.iCalUId) : undefined,
    );
    if (!key) throw badRequest("chatId: give chatId, teamsMeetingId, joinUrl, joinMeetingId or iCalUId");
    const [existing] = await db
      .select()
      .from(t.meetings)
      .where(and(eq(t.meetings.tenantId, ctx.tenantId), key))
      .orderBy(nearestTo(deps.clock()))
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
    res.json(detail(await loadMeetingContext(db, ctx, id ?? ""), deps.clock()));
  });

  r.get("/:id/prep", async (req, res) => {
    const { id } = parse(idParams, req.params);
    const ctx = contextOf(res);
    const mc = await loadMeetingContext(db, ctx, id);
    const today = deps.clock().toISOString().slice(0, 10);
    const names = new Map(mc.snapshot.people.map((p) => [p.id, p.name]));
    const { callType } = resolveCallType(mc.meeting, mc.snapshot.project, mc.directory);
    const previous = previousCallOfType(mc.history, mc.meeting, callType);
    const prep: PrepList = {
      raidWithoutDueDate: mc.snapshot.raidItems
        // A decision has no due date to set: it is not listed here (issue 16).
        .filter((i) => i.status === "open" && !i.dueDate && i.kind !== "decision")
        .map((i) => ({ id: i.id, title: i.title, ownerName: i.ownerId ? (names.get(i.ownerId) ?? null) : null })),
      lateTasks: mc.snapshot.tasks
        .filter((k) => k.status !== "done" && k.dueDate !== null && k.dueDate < today)
        .map((k) => ({ id: k.id, name: k.name, dueDate: k.dueDate ?? "", ownerName: k.ownerId ? (names.get(k.ownerId) ?? null) : null })),
      unsentRecap:
        previous && !previous.recapSentAt
          ? { meetingId: previous.id, subject: previous.subject, startsAt: previous.startsAt }
          : null,
    };
    res.json(prep);
  });
  return r;
}
