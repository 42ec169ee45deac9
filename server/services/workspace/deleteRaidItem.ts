import { and, eq } from "drizzle-orm";
import * as t from "../../db/tables";
import { raidDto } from "../../presenters/workspace";
import { checkVersion, recordAudit, type Scope } from "./projectScope";
import { decisionFacts, findRaidItem } from "./findRaidItem";

/** Deletes a RAID item (at `version` when given: 404 / 409 as checkVersion); a deleted decision goes to the audit trail. */
export async function deleteRaidItem(s: Scope, entityId: string, version: number | undefined): Promise<void> {
  const { db } = s;
  const ri = t.raidItems;
  const current = checkVersion(await findRaidItem(s, entityId), s, "RAID item", version, (x) => raidDto(x, null));
  await db.transaction(async (tx) => {
    await tx.delete(ri).where(and(eq(ri.tenantId, s.ctx.tenantId), eq(ri.id, entityId)));
    if (current.kind === "decision") {
      await recordAudit(tx, s, { entity: "decision", entityId, action: "decision_deleted", before: decisionFacts(current), after: null });
    }
  });
}
