import { Router } from "express";
import { and, desc, eq } from "drizzle-orm";
import type { AppDeps } from "../../appDeps";
import { contextOf } from "../../http/requestContext";
import { parse } from "../../http/validate";
import { idParams } from "../../../contracts/common";
import { recapQuery, sendRecapBody, type RecapPreview } from "../../../contracts/recap";
import * as t from "../../db/tables";
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
    const [last] = await db
      .select()
      .from(t.outboxItems)
      .where(and(eq(t.outboxItems.tenantId, ctx.tenantId), eq(t.outboxItems.meetingId, id), eq(t.outboxItems.kind, "message")))
      .orderBy(desc(t.outboxItems.createdAt))
      .limit(1);
    const body: RecapPreview = {
      meetingId: id,
      ...recap,
      lastSent: last
        ? { id: last.id, status: last.status, sentAt: last.sentAt ? new Date(last.sentAt).toISOString() : null, by: last.createdBy, error: last.error }
        : null,
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
