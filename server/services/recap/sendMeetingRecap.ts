import { and, eq } from "drizzle-orm";
import type { AppDeps } from "../../appDeps";
import type { RequestContext } from "../../http/requestContext";
import type { SendRecapBody } from "../../../contracts/recap";
import * as t from "../../db/tables";
import { AppError } from "../../errors";
import { idTaken } from "../ids/idTaken";
import { recapTextWithIntro, recapWithIntro } from "../../../contracts/recapIntro";
import { GraphRequestFailed, RecapDeliveryUnknown } from "../../graph/MailCalendarGateway";
import { identityOf } from "../../graph/identityOf";
import { composeMeetingRecap } from "./composeMeetingRecap";
import { attendanceReader } from "./readMeetingAttendance";
import { UpstreamTimedOut } from "../../services/upstream/upstreamTimedOut";

export interface SendResult {
  status: number;
  body: unknown;
}

/** Puts a personal message above the recap, escaped like everything else in it (contracts/recapIntro.ts). */
function withIntro(html: string, text: string, intro: string | undefined): { html: string; text: string } {
  return { html: recapWithIntro(html, intro ?? ""), text: recapTextWithIntro(text, intro ?? "") };
}

/**
 * Sends a meeting's recap exactly once per recap id: the row is written first (status "sending"),
 * the gateway keeps its draft id on it, and a retry of the same id reuses the draft or returns the sent row.
 */
export async function sendMeetingRecap(deps: AppDeps, ctx: RequestContext, meetingId: string, body: SendRecapBody): Promise<SendResult> {
  const { db } = deps.database;
  const now = deps.clock();
  const [existing] = await db.select().from(t.outboxItems).where(eq(t.outboxItems.id, body.id));
  if (existing && (existing.tenantId !== ctx.tenantId || existing.kind !== "message" || existing.meetingId !== meetingId)) throw idTaken();
  if (existing?.status === "sent") {
    return { status: 200, body: { id: existing.id, status: "sent", sentAt: existing.sentAt ? new Date(existing.sentAt).toISOString() : null } };
  }
  const { mc, recap } = await composeMeetingRecap(db, ctx, meetingId, now, body.audience, body.to, attendanceReader(deps, ctx, now));
  if (now.getTime() < Date.parse(mc.meeting.startsAt) && body.sendBeforeStart !== true) {
    throw new AppError(409, "recap_before_start", "The call has not started yet: confirm to send the recap before it (sendBeforeStart).", {
      startsAt: mc.meeting.startsAt,
    });
  }
  const subject = body.subject ?? recap.subject;
  const { html, text } = withIntro(recap.html, recap.text, body.intro);
  const recipients = [
    ...recap.to.map((p) => ({ ...p, type: "to" as const })),
    ...recap.cc.map((p) => ({ ...p, type: "cc" as const })),
  ];
  const where = and(eq(t.outboxItems.tenantId, ctx.tenantId), eq(t.outboxItems.id, body.id));
  if (existing) {
    await db.update(t.outboxItems).set({ status: "sending", error: null, subject, html, text, recipients }).where(where);
  } else {
    await db.insert(t.outboxItems).values({
      id: body.id,
      tenantId: ctx.tenantId,
      kind: "message",
      projectId: mc.project.id,
      meetingId,
      subject,
      fromEmail: ctx.email,
      recipients,
      html,
      text,
      status: "sending",
      createdBy: ctx.name,
      createdAt: now.toISOString(),
    });
  }
  try {
    const sent = await deps.mail(ctx, { projectId: mc.project.id }).sendRecap(identityOf(ctx), {
      recapId: body.id,
      to: recap.to,
      cc: recap.cc,
      subject,
      html,
      text,
      ...(existing?.graphId ? { existingDraftId: existing.graphId } : {}),
      onDraftCreated: async (draftId) => {
        await db.update(t.outboxItems).set({ graphId: draftId }).where(where);
      },
    });
    await db.update(t.outboxItems).set({ status: "sent", sentAt: sent.sentAt, graphId: sent.messageId }).where(where);
    await db
      .update(t.meetings)
      .set({ recapSentAt: sent.sentAt, recapSentBy: ctx.name })
      .where(and(eq(t.meetings.tenantId, ctx.tenantId), eq(t.meetings.id, meetingId)));
    return { status: 201, body: { id: body.id, status: "sent", sentAt: sent.sentAt, to: recap.to, audience: recap.audience } };
  } catch (e) {
    if (e instanceof UpstreamTimedOut) {
      // The row keeps its draft id: "Send again" reads that draft first and never sends a second copy.
      const message = `${e.service === "Microsoft Graph" ? "Outlook" : "Microsoft sign-in"} did not answer within ${Math.round(e.timeoutMs / 1000)} s. Send again: Callbook checks whether the recap went out before sending it.`;
      await db.update(t.outboxItems).set({ status: "failed", error: message }).where(where);
      return { status: 504, body: { error: { code: e.code, message }, id: body.id, status: "failed" } };
    }
    const known = e instanceof RecapDeliveryUnknown || e instanceof GraphRequestFailed;
    if (!known) throw e;
    const message =
      e instanceof RecapDeliveryUnknown
        ? "The recap may already have been sent; check Sent Items before sending again."
        : `Outlook refused or could not be reached (${e.status === -1 ? "no connection" : `HTTP ${e.status}`}). Try again.`;
    await db.update(t.outboxItems).set({ status: "failed", error: message }).where(where);
    return { status: 502, body: { error: { code: e instanceof RecapDeliveryUnknown ? e.code : "send_failed", message }, id: body.id, status: "failed" } };
  }
}
