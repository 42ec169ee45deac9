import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import * as t from "../../db/tables";
import type { patchCaseBody } from "../../../contracts/workspace";
import { caseDto, type CaseRow } from "../../presenters/workspace";
import { checkVersion, requireProjectPerson, staleWrite, type Scope } from "./projectScope";
import { findCase } from "./findCaseVendorRows";

/** Changes a support case at `version` (404 / 409 as checkVersion; owner a project person). */
export async function updateSupportCase(s: Scope, entityId: string, version: number, changes: Omit<z.infer<typeof patchCaseBody>, "version">): Promise<CaseRow> {
  const sc = t.supportCases;
  const current = checkVersion(await findCase(s, entityId), s, "Support case", version, (x) => caseDto(x, null));
  await requireProjectPerson(s, "ownerId", changes.ownerId);
  const [row] = await s.db
    .update(sc)
    .set({ ...changes, version: version + 1 })
    .where(and(eq(sc.tenantId, s.ctx.tenantId), eq(sc.id, entityId), eq(sc.version, version)))
    .returning();
  if (!row) throw staleWrite("Support case", caseDto(current, null));
  return row;
}
