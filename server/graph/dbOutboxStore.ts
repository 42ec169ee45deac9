import { idTaken } from "../services/ids/idTaken";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/database";
import { outboxItems } from "../db/tables";
import type { OutboxStore } from "./localOutboxGateway";

/**
 * The local outbox in the database. A recap's row is written by the send route before the
 * gateway is called (id = recap id); saving the message fills in its .eml once. An invite's row
 * is keyed by its transaction id, so a retried "Create series" stores one invite.
 */
export function createDbOutboxStore(db: Db, scope: { tenantId: string; projectId: string | null; createdBy: string }): OutboxStore {
  return {
    async saveMessage(record) {
      const [existing] = await db
        .select({ raw: outboxItems.raw, graphId: outboxItems.graphId, sentAt: outboxItems.sentAt })
        .from(outboxItems)
        .where(and(eq(outboxItems.tenantId, scope.tenantId), eq(outboxItems.id, record.recapId)));
      if (!existing) throw new Error("recap row missing: the send route writes it first");
      if (existing.raw && existing.graphId && existing.sentAt) return { messageId: existing.graphId, sentAt: new Date(existing.sentAt).toISOString() };
      await db
        .update(outboxItems)
        .set({ raw: record.eml, graphId: record.messageId, sentAt: record.createdAt })
        .where(and(eq(outboxItems.tenantId, scope.tenantId), eq(outboxItems.id, record.recapId)));
      return { messageId: record.messageId, sentAt: record.createdAt };
    },
    async saveInvite(record) {
      const inserted = await db
        .insert(outboxItems)
        .values({
          id: record.transactionId,
          tenantId: scope.tenantId,
          kind: "invite",
          projectId: scope.projectId,
          subject: record.subject,
          fromEmail: record.organizer.email,
          recipients: record.attendees.map((a) => ({ email: a.email, name: a.name, type: a.type })),
          html: record.bodyHtml,
          text: "",
          raw: record.ics,
          status: "sent",
          graphId: record.eventId,
          createdBy: scope.createdBy,
          createdAt: record.createdAt,
          sentAt: record.createdAt,
        })
        .onConflictDoNothing()
        .returning({ id: outboxItems.id });
      if (inserted.length === 0) {
        const [row] = await db
          .select({ graphId: outboxItems.graphId, kind: outboxItems.kind, projectId: outboxItems.projectId })
          .from(outboxItems)
          .where(and(eq(outboxItems.tenantId, scope.tenantId), eq(outboxItems.id, record.transactionId)));
        // A retry of this very series returns it; anything else holding the id (another tenant, a
        // recap, another project's series) means nothing was stored: never a 2xx for that.
        if (!row || row.kind !== "invite" || row.projectId !== scope.projectId) throw idTaken();
        return { eventId: row.graphId ?? record.eventId, iCalUId: record.iCalUId };
      }
      return { eventId: record.eventId, iCalUId: record.iCalUId };
    },
  };
}
