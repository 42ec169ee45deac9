import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import { runAsTenant } from "../../db/tenantScope";

/**
 * Mutes a person's reminders for one project (the digest's signed "Stop reminders" link, checked
 * by `checkLink` and resolved by `resolveReminderLink` first). Idempotent: a second mute keeps the
 * first one's time. `now` is stored as mutedAt.
 */
export async function muteReminders(db: Db, q: { tenantId: string; personId: string; projectId: string }, now: Date): Promise<void> {
  await runAsTenant(
    q.tenantId,
    async () =>
      await db
        .insert(t.reminderMutes)
        .values({ tenantId: q.tenantId, personId: q.personId, projectId: q.projectId, mutedAt: now.toISOString() })
        .onConflictDoNothing(),
    "internal",
  );
}
