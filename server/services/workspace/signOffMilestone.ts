import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import * as t from "../../db/tables";
import { utcDateOf } from "../../domain/isoDates";
import type { signOffBody } from "../../../contracts/workspace";
import { milestoneDto, type MilestoneRow } from "../../presenters/workspace";
import { checkVersion, recordAudit, staleWrite, type Scope } from "./projectScope";
import { findMilestone } from "./findScheduleRows";

/**
 * Signs a milestone off at `body.version`: who (default the caller), now, and the achieved date
 * (given, already set, or today in UTC); audited in the same transaction. 404 / 409 as checkVersion.
 */
export async function signOffMilestone(s: Scope, entityId: string, body: z.infer<typeof signOffBody>): Promise<MilestoneRow> {
  const { db } = s;
  const ms = t.milestones;
  const current = checkVersion(await findMilestone(s, entityId), s, "Milestone", body.version, milestoneDto);
  const signedOffBy = body.signedOffBy ?? s.ctx.name;
  const achievedDate = body.achievedDate ?? current.achievedDate ?? utcDateOf(s.now);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(ms)
      .set({ signedOffBy, signedOffAt: s.now.toISOString(), achievedDate, version: body.version + 1 })
      .where(and(eq(ms.tenantId, s.ctx.tenantId), eq(ms.id, entityId), eq(ms.version, body.version)))
      .returning();
    if (!updated) throw staleWrite("Milestone", milestoneDto(current));
    await recordAudit(tx, s, {
      entity: "milestone",
      entityId,
      action: "signed_off",
      before: { signedOffBy: current.signedOffBy, signedOffAt: current.signedOffAt, achievedDate: current.achievedDate },
      after: { signedOffBy, signedOffAt: s.now.toISOString(), achievedDate, name: current.name },
    });
    return updated;
  });
}
