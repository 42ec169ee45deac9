import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import * as t from "../../db/tables";
import type { patchRaidBody } from "../../../contracts/workspace";
import { raidDto, type RaidRow } from "../../presenters/workspace";
import { checkVersion, recordAudit, requireProjectPerson, staleWrite, type Scope } from "./projectScope";
import { decisionFacts, findRaidItem } from "./findRaidItem";

/**
 * Changes a RAID item at `version` (404 if absent or of another project, 409 with the current item if stale);
 * closing stamps closedAt, reopening clears it; a decision's change goes to the audit trail.
 */
export async function updateRaidItem(s: Scope, entityId: string, version: number, changes: Omit<z.infer<typeof patchRaidBody>, "version">): Promise<RaidRow> {
  const { db } = s;
  const ri = t.raidItems;
  const current = checkVersion(await findRaidItem(s, entityId), s, "RAID item", version, (x) => raidDto(x, null));
  await requireProjectPerson(s, "ownerId", changes.ownerId);
  const now = s.now.toISOString();
  const closing = changes.status === "closed" && current.status !== "closed";
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(ri)
      .set({
        ...changes,
        version: version + 1,
        updatedAt: now,
        ...(closing ? { closedAt: now } : {}),
        ...(changes.status === "open" ? { closedAt: null } : {}),
      })
      .where(and(eq(ri.tenantId, s.ctx.tenantId), eq(ri.id, entityId), eq(ri.version, version)))
      .returning();
    if (!updated) throw staleWrite("RAID item", raidDto(current, null));
    if (updated.kind === "decision") {
      await recordAudit(tx, s, { entity: "decision", entityId, action: "decision_updated", before: decisionFacts(current), after: decisionFacts(updated) });
    }
    return updated;
  });
}
