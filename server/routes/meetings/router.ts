import { Router, type Response } from "express";
import type { AppDeps } from "../../appDeps";
import { contextOf } from "../../http/requestContext";
import { parse } from "../../http/validate";
import { idParams } from "../../../contracts/common";
import { byChatQuery, listMeetingsQuery, setCallTypeBody } from "../../../contracts/meetings";
import { meetingIdForChat } from "../../services/meetings/findMeetingByChat";
import { buildAgenda } from "../../domain/buildAgenda";
import { listMeetings, loadMeetingContext } from "../../services/meetings/loadMeetingContext";
import { detail } from "../../presenters/meetings";
import { pickMeetingAttendees } from "../../services/meetings/pickMeetingAttendees";
import { MeetingAnswerCache } from "../../services/meetings/meetingAnswerCache";
import { sendAnswer, sendMeetingDetail, sendBody } from "./sendAnswer";
import type { RequestContext } from "../../http/requestContext";
import { resolveCallType } from "../../domain/resolveCallType";
import { setCallType } from "../../services/meetings/setCallType";
import { pollPlannerForMeeting } from "../../services/planner/pollPlanner";
import { identityOf } from "../../graph/identityOf";

/** `answers`: the app's cache of meeting answers, shared with the capture and link routers (createApp). */
export function meetingsRouter(deps: AppDeps, answers = new MeetingAnswerCache(deps.revisions, deps.bus)): Router {
  const r = Router();
  const { db } = deps.database;

  r.get("/", async (req, res) => {
    const q = parse(listMeetingsQuery, req.query);
    const from = q.from ? new Date(q.from) : deps.clock();
    res.json({ meetings: await listMeetings(db, contextOf(res), { from, to: q.to ? new Date(q.to) : null, limit: q.limit }) });
  });

  r.get("/:id", async (req, res) => {
    const { id } = parse(idParams, req.params);
    const ctx = contextOf(res);
    const now = deps.clock();
    await sendMeetingDetail(res, answers, db, ctx, id, now);
  });

  /** The panel opening polls the project's Planner plan (throttled; failures recorded, never thrown). */
  const pollPlanner = (ctx: RequestContext, id: string) => {
    if (deps.planner) void pollPlannerForMeeting(deps, identityOf(ctx), ctx.personId, id).catch(() => undefined);
  };

  /**
   * Answers the agenda of meeting `id` for the caller (access and audience as loadMeetingContext
   * and the cache key decide): synchronously when both the caller's key and the agenda are held in
   * memory (a repeated open: no promise, issue 19), else through sendAgendaLoaded.
   */
  const sendAgenda = (res: Response, id: string): Promise<void> | undefined => {
    const ctx = contextOf(res);
    const now = deps.clock();
    const key = answers.heldKey(ctx, id, "agenda", now);
    const held = key === undefined ? undefined : answers.peekBody(key);
    if (!held) return sendAgendaLoaded(res, ctx, id, now);
    pollPlanner(ctx, id);
    sendBody(res, held);
    return undefined;
  };

  const sendAgendaLoaded = async (res: Response, ctx: RequestContext, id: string, now: Date) => {
    const key = await answers.keyFor(db, ctx, id, "agenda", now);
    pollPlanner(ctx, id);
    const build = async () => {
      const mc = await loadMeetingContext(db, ctx, id);
      const { callType } = resolveCallType(mc.meeting, mc.snapshot.project, mc.directory);
      const lengthMinutes = Math.round((Date.parse(mc.meeting.endsAt) - Date.parse(mc.meeting.startsAt)) / 60_000);
      const history = { meetings: mc.history.filter((m) => m.id !== mc.meeting.id) };
      return JSON.stringify(buildAgenda(callType, mc.snapshot, history, now, { meetingId: id, lengthMinutes, meeting: mc.meeting }));
    };
    await sendAnswer(res, answers, key, build);
  };

  // The agenda of the meeting behind a Teams chat (same query as GET /by-chat; reads only): a
  // Teams panel's first open asks for it with the meeting, not after it (issue 19). Before /:id/agenda.
  r.get("/by-chat/agenda", async (req, res) => {
    await sendAgenda(res, await meetingIdForChat(deps, contextOf(res), parse(byChatQuery, req.query)));
  });

  r.get("/:id/agenda", (req, res) => {
    const { id } = parse(idParams, req.params);
    return sendAgenda(res, id);
  });

  r.get("/:id/attendees", async (req, res) => {
    const { id } = parse(idParams, req.params);
    res.json(await pickMeetingAttendees(deps, db, contextOf(res), id));
  });

  r.put("/:id/call-type", async (req, res) => {
    const { id } = parse(idParams, req.params);
    const body = parse(setCallTypeBody, req.body);
    const ctx = contextOf(res);
    await setCallType(db, ctx, id, body.callType);
    res.json(detail(await loadMeetingContext(db, ctx, id), deps.clock()));
  });

  return r;
}
