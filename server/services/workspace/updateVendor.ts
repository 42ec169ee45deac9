import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import * as t from "../../db/tables";
import type { patchVendorBody } from "../../../contracts/workspace";
import { vendorDto, type VendorRow } from "../../presenters/workspace";
import { recordFieldsFromChecklist } from "../../domain/vendorChecklist";
import { checkVersion, requireProjectPerson, staleWrite, type Scope } from "./projectScope";
import { findVendor } from "./findCaseVendorRows";

/** Changes a vendor at `version` (404 / 409 as checkVersion); checklist answers merge, a blank answer removes one. */
export async function updateVendor(s: Scope, entityId: string, body: z.infer<typeof patchVendorBody>): Promise<VendorRow> {
  const v = t.vendors;
  const { version, checklist, ...changes } = body;
  const current = checkVersion(await findVendor(s, entityId), s, "Vendor", version, (x) => vendorDto(x, null));
  await requireProjectPerson(s, "contactPersonId", changes.contactPersonId);
  // Checklist answers merge: a blank answer removes the question's answer.
  const merged = checklist
    ? Object.fromEntries(Object.entries({ ...current.checklist, ...checklist }).filter(([, a]) => typeof a === "string" && a.trim() !== ""))
    : undefined;
  const [row] = await s.db
    .update(v)
    .set({ ...recordFieldsFromChecklist(checklist), ...changes, ...(merged ? { checklist: merged as Record<string, string> } : {}), version: version + 1 })
    .where(and(eq(v.tenantId, s.ctx.tenantId), eq(v.id, entityId), eq(v.version, version)))
    .returning();
  if (!row) throw staleWrite("Vendor", vendorDto(current, null));
  return row;
}
