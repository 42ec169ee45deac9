import type { Db } from "../../db/database";
import * as t from "../../db/tables";

/**
 * Graph mode: Graph keeps the series' event, and this outbox row (kind "invite", status "sent") is
 * Callbook's record of it. `sentAt` is an ISO instant from the server clock. Idempotent by id: an
 * existing row with this id is left as it is (the caller then checks who holds the id).
 */
export async function recordSeriesInvite(
  db: Db,
  invite: {
    id: string;
    tenantId: string;
    projectId: string;
    subject: string;
    fromEmail: string;
    recipients: (typeof t.outboxItems.$inferInsert)["recipients"];
    html: string;
    graphId: string;
    createdBy: string;
    sentAt: string;
  },
): Promise<void> {
  await db
    .insert(t.outboxItems)
    .values({ ...invite, kind: "invite", status: "sent" })
    .onConflictDoNothing();
}
