import { Router } from "express";
import type { AppDeps } from "../../appDeps";
import { contextOf } from "../../http/requestContext";
import { parse } from "../../http/validate";
import { idParams } from "../../../contracts/common";
import { byChatQuery, linkMeetingBody, lookupMeetingQuery, type MeetingLookup, type PrepList } from "../../../contracts/meetings";
import { notFound } from "../../errors";
import { loadMeetingContext } from "../../services/meetings/loadMeetingContext";
import { detail, prepList } from "../../presenters/meetings";
import { findMeetingByChat, meetingIdForChat } from "../../services/meetings/findMeetingByChat";
import { lookupMeeting } from "../../services/meetings/lookupMeeting";
import { linkMeeting } from "../../services/meetings/linkMeeting";
import { MeetingAnswerCache } from "../../services/meetings/meetingAnswerCache";
import { sendMeetingDetail } from "./sendAnswer";

/**
 * How a Teams meeting finds its Callbook meeting (by chat id), is linked to a project, and is
 * prepared. `answers`: the app's cache of meeting answers, shared with the meetings and capture routers.
 */
export function meetingLinkRouter(deps: AppDeps, answers = new MeetingAnswerCache(deps.revisions, deps.bus)): Router {
  const r = Router();
  const { db } = deps.database;

  // GET reads only; PUT also stores the chat id on the meeting found through Graph. The same chat
  // key also names the meeting's agenda and capture (GET /by-chat/agenda, /by-chat/capture, in
  // their own routers), so a Teams panel's first open asks for all three at once (issue 19).
  r.get("/by-chat", async (req, res) => {
    const query = parse(byChatQuery, req.query);
    const ctx = contextOf(res);
    const id = await meetingIdForChat(deps, ctx, query);
    const now = deps.clock();
    await sendMeetingDetail(res, answers, db, ctx, id, now);
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
    const found = await lookupMeeting(deps, db, ctx, q);
    const body: MeetingLookup = found
      ? { meeting: detail(await loadMeetingContext(db, ctx, found.id), deps.clock()), matchedBy: found.matchedBy }
      : { meeting: null, matchedBy: null };
    res.json(body);
  });

  r.put("/link", async (req, res) => {
    const body = parse(linkMeetingBody, req.body);
    const ctx = contextOf(res);
    const id = await linkMeeting(deps, ctx, body);
    res.json(detail(await loadMeetingContext(db, ctx, id), deps.clock()));
  });

  r.get("/:id/prep", async (req, res) => {
    const { id } = parse(idParams, req.params);
    const ctx = contextOf(res);
    const mc = await loadMeetingContext(db, ctx, id);
    const prep: PrepList = prepList(mc, deps.clock());
    res.json(prep);
  });
  return r;
}
