import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";

export interface ReminderSentDto {
  personId: string;
  name: string;
  email: string;
  localDate: string;
  status: "draft" | "sending" | "sent" | "failed";
  sentAt: string | null;
}

/** Who was reminded about a project's actions and when (newest first, at most 200): the PM's view. */
export async function listProjectReminders(db: Db, tenantId: string, projectId: string): Promise<ReminderSentDto[]> {
  const o = t.outboxItems;
  const rows = await db
    .select()
    .from(o)
    .where(and(eq(o.tenantId, tenantId), isNotNull(o.reminderPersonId), sql`${o.reminderProjectIds} @> ${JSON.stringify([projectId])}::jsonb`))
    .orderBy(desc(o.reminderLocalDate))
    .limit(200);
  return rows.map((r) => ({
    personId: r.reminderPersonId ?? "",
    name: r.recipients[0]?.name ?? "",
    email: r.recipients[0]?.email ?? "",
    localDate: r.reminderLocalDate ?? "",
    status: r.status,
    sentAt: r.sentAt ? new Date(r.sentAt).toISOString() : null,
  }));
}
