import { and, eq } from "drizzle-orm";
import * as t from "../../db/tables";
import { caseDto } from "../../presenters/workspace";
import { checkVersion, type Scope } from "./projectScope";
import { findCase } from "./findCaseVendorRows";

/** Deletes a support case (at `version` when given: 404 / 409 as checkVersion). */
export async function deleteSupportCase(s: Scope, entityId: string, version: number | undefined): Promise<void> {
  const sc = t.supportCases;
  checkVersion(await findCase(s, entityId), s, "Support case", version, (x) => caseDto(x, null));
  await s.db.delete(sc).where(and(eq(sc.tenantId, s.ctx.tenantId), eq(sc.id, entityId)));
}
