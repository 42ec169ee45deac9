import { and, eq } from "drizzle-orm";
import type { AppDeps } from "../../appDeps";
import type { ProjectRow } from "../../db/projectAccess";
import type { RequestContext } from "../../http/requestContext";
import * as t from "../../db/tables";
import { conflict } from "../../errors";
import { GraphRequestFailed, RecapDeliveryUnknown } from "../../graph/MailCalendarGateway";
import { identityOf } from "../../graph/identityOf";
import type { QueueKind } from "../../domain/queue/queueMessage";
import type { QueueSentDto, SendQueueBody } from "../../../contracts/queue";
import { composeQueueDraft } from "./composeQueueDraft";

export interface QueueSendResult {
  status: number;
  body: QueueSentDto | { error: { code: string; message: string }; id: string; status: "failed" };
}

/**
 * Sends an owed message exactly once per draft id, as the recap is sent: the outbox row is
 * written first ("sending"), the gateway (local outbox or Graph) keeps its draft id on it, and
 * the sending itself marks the kind sent (a follow_up_log row with the draft id as its key, so
 * a retry never counts twice). A retry of a sent id answers 200 with the stored send.
 * Throws 409 when the id belongs to another project's message.
 */
export async function sendQueueMessage(deps: AppDeps, ctx: RequestContext, project: ProjectRow, kind: QueueKind, body: SendQueueBody): Promise<QueueSendResult> {
  const { db } = deps.database;
  const now = deps.clock();
  const [existing] = await db.select().from(t.outboxItems).where(and(eq(t.outboxItems.tenantId, ctx.tenantId), eq(t.outboxItems.id, body.id)));
  if (existing && existing.projectId !== project.id) throw conflict("This draft id belongs to another message");
  const composed = await composeQueueDraft(db, ctx, project, kind, now, { subject: body.subject, intro: body.intro, to: body.to, cc: body.cc });
  const { draft } = composed;
  if (existing?.status === "sent") {
    const sentAt = existing.sentAt ? new Date(existing.sentAt).toISOString() : null;
    return { status: 200, body: { id: existing.id, kind, status: "sent", sentAt, audience: draft.audience, to: existing.recipients.filter((r) => r.type === "to").map((r) => ({ name: r.name, email: r.email })) } };
  }
  const recipients = [...draft.to.map((p) => ({ ...p, type: "to" as const })), ...draft.cc.map((p) => ({ ...p, type: "cc" as const }))];
  const where = and(eq(t.outboxItems.tenantId, ctx.tenantId), eq(t.outboxItems.id, body.id));
  const row = { subject: composed.subject, html: composed.html, text: composed.text, recipients };
  if (existing) {
    await db.update(t.outboxItems).set({ ...row, status: "sending", error: null }).where(where);
  } else {
    await db.insert(t.outboxItems).values({
      ...row,
      id: body.id,
      tenantId: ctx.tenantId,
      kind: "message",
      projectId: project.id,
      fromEmail: ctx.email,
      status: "sending",
      createdBy: ctx.name,
      createdAt: now.toISOString(),
    });
  }
  try {
    const sent = await deps.mail(ctx, { projectId: project.id }).sendRecap(identityOf(ctx), {
      recapId: body.id,
      to: draft.to,
      cc: draft.cc,
      subject: composed.subject,
      html: composed.html,
      text: composed.text,
      ...(existing?.graphId ? { existingDraftId: existing.graphId } : {}),
      onDraftCreated: async (draftId) => {
        await db.update(t.outboxItems).set({ graphId: draftId }).where(where);
      },
    });
    await db.transaction(async (tx) => {
      await tx.update(t.outboxItems).set({ status: "sent", sentAt: sent.sentAt, graphId: sent.messageId }).where(where);
      await tx
        .insert(t.followUpLog)
        .values({ id: body.id, tenantId: ctx.tenantId, projectId: project.id, kind, sentAt: sent.sentAt, sentBy: ctx.name })
        .onConflictDoNothing();
    });
    return { status: 201, body: { id: body.id, kind, status: "sent", sentAt: sent.sentAt, audience: draft.audience, to: draft.to } };
  } catch (e) {
    if (!(e instanceof RecapDeliveryUnknown || e instanceof GraphRequestFailed)) throw e;
    const message =
      e instanceof RecapDeliveryUnknown
        ? "The message may already have been sent; check Sent Items before sending again."
        : `Outlook refused or could not be reached (${e.status === -1 ? "no connection" : `HTTP ${e.status}`}). Try again.`;
    await db.update(t.outboxItems).set({ status: "failed", error: message }).where(where);
    return { status: 502, body: { error: { code: e instanceof RecapDeliveryUnknown ? e.code : "send_failed", message }, id: body.id, status: "failed" } };
  }
}
