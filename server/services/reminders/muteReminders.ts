import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import { forbidden } from "../../errors";
import { verifyLink } from "./signReminderLink";

/**
 * Mutes a person's reminders for one project from the signed link in their digest. Idempotent.
 * Throws 403 when the signature does not match (a forged or altered link).
 */
export async function muteFromLink(db: Db, q: { tenantId: string; personId: string; projectId: string; signature: string }, secret: string, now: Date): Promise<void> {
  const claims = { action: "mute" as const, tenantId: q.tenantId, personId: q.personId, targetId: q.projectId };
  if (!verifyLink(claims, q.signature, secret)) throw forbidden("This link is not valid");
  await db
    .insert(t.reminderMutes)
    .values({ tenantId: q.tenantId, personId: q.personId, projectId: q.projectId, mutedAt: now.toISOString() })
    .onConflictDoNothing();
}
