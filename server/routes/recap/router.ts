import { Router } from "express";
import type { AppDeps } from "../../appDeps";
import { contextOf } from "../../http/requestContext";
import { parse } from "../../http/validate";
import { idParams } from "../../../contracts/common";
import { recapQuery, sendRecapBody, type RecapPreview } from "../../../contracts/recap";
import { findLastRecap } from "../../services/recap/findLastRecap";
import { lastSentOf } from "../../presenters/recap";
import { composeMeetingRecap } from "../../services/recap/composeMeetingRecap";
import { sendMeetingRecap } from "../../services/recap/sendMeetingRecap";
import { attendanceReader } from "../../services/recap/readMeetingAttendance";

export function recapRouter(deps: AppDeps): Router {
  const r = Router();
  const { db } = deps.database;

  r.get("/:id/recap", async (req, res) => {
    const { id } = parse(idParams, req.params);
    const { audience, to } = parse(recapQuery, req.query);
    const ctx = contextOf(res);
    const now = deps.clock();
    const { recap, mc, candidates, attendance } = await composeMeetingRecap(db, ctx, id, now, audience, to, attendanceReader(deps, ctx, now));
    const last = await findLastRecap(db, ctx.tenantId, id);
    const body: RecapPreview = {
      meetingId: id,
      ...recap,
      lastSent: lastSentOf(last),
      mailMode: deps.mailMode,
      startsAt: mc.meeting.startsAt,
      beforeStart: now.getTime() < Date.parse(mc.meeting.startsAt),
      candidates,
      attendance,
    };
    res.json(body);
  });

  r.post("/:id/recap/send", async (req, res) => {
    const { id } = parse(idParams, req.params);
    const body = parse(sendRecapBody, req.body);
    const result = await sendMeetingRecap(deps, contextOf(res), id, body);
    res.status(result.status).json(result.body);
  });

  return r;
}
