import { and, eq, like } from "drizzle-orm";
import type { AppDeps } from "../../appDeps";
import * as t from "../../db/tables";
import type { UnattendedStatusDto } from "../../../contracts/unattended";

/** The PM's stored-consent state and how many digests wait for them to reconnect (outbox rows "failed" from their address). */
export async function unattendedStatus(deps: AppDeps, tenantId: string, personId: string | null, email: string): Promise<UnattendedStatusDto> {
  if (!deps.unattended || !personId) return { available: false, state: "none", reason: null, updatedAt: null, held: 0 };
  const state = await deps.unattended.consent.state(tenantId, personId);
  const held = await deps.database.db
    .select({ id: t.outboxItems.id })
    .from(t.outboxItems)
    .where(and(eq(t.outboxItems.tenantId, tenantId), eq(t.outboxItems.status, "failed"), eq(t.outboxItems.fromEmail, email), like(t.outboxItems.error, "Waiting for %")));
  return { available: true, ...state, held: held.length };
}
