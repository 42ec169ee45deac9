import { and, eq } from "drizzle-orm";
import * as t from "../../db/tables";
import type { RaidRow } from "../../presenters/workspace";
import type { Scope } from "./projectScope";

/** One RAID item of the caller's tenant by id (any project: checkVersion checks the project), or undefined. */
export async function findRaidItem(s: Scope, id: string): Promise<RaidRow | undefined> {
  const ri = t.raidItems;
  return (await s.db.select().from(ri).where(and(eq(ri.tenantId, s.ctx.tenantId), eq(ri.id, id))))[0];
}

/** The facts of a decision the audit trail keeps before and after a change. */
export const decisionFacts = (r: RaidRow) => ({ title: r.title, description: r.description, status: r.status, decidedBy: r.decidedBy, decidedAt: r.decidedAt });
