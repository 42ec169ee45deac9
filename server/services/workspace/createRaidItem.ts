import { randomUUID } from "node:crypto";
import * as t from "../../db/tables";
import type { CreateRaidBody } from "../../../contracts/workspace";
import type { RaidRow } from "../../presenters/workspace";
import { recordAudit, requireProjectPerson, type Scope } from "./projectScope";
import { decisionFacts } from "./findRaidItem";

/** Records a RAID item (a decision or issue stamps who and when, defaulting to the caller); a decision goes to the audit trail in the same transaction. */
export async function createRaidItem(s: Scope, body: CreateRaidBody): Promise<RaidRow> {
  const { db } = s;
  const ri = t.raidItems;
  await requireProjectPerson(s, "ownerId", body.ownerId);
  const now = s.now.toISOString();
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(ri)
      .values({
        ...body,
        id: randomUUID(),
        tenantId: s.ctx.tenantId,
        projectId: s.project.id,
        decidedBy: body.kind === "decision" ? (body.decidedBy ?? s.ctx.name) : (body.decidedBy ?? null),
        decidedAt: body.kind === "decision" ? now : null,
        reportedBy: body.kind === "issue" ? (body.reportedBy ?? s.ctx.name) : (body.reportedBy ?? null),
        reportedAt: body.kind === "issue" ? now : null,
        closedAt: body.status === "closed" ? now : null,
        createdBy: s.ctx.name,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!created) throw new Error("RAID item not created");
    if (created.kind === "decision") {
      await recordAudit(tx, s, { entity: "decision", entityId: created.id, action: "decision_recorded", before: null, after: decisionFacts(created) });
    }
    return created;
  });
}
