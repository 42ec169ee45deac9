import { and, eq } from "drizzle-orm";
import * as t from "../../db/tables";
import { vendorDto } from "../../presenters/workspace";
import { checkVersion, type Scope } from "./projectScope";
import { findVendor } from "./findCaseVendorRows";

/** Deletes a vendor (at `version` when given: 404 / 409 as checkVersion). */
export async function deleteVendor(s: Scope, entityId: string, version: number | undefined): Promise<void> {
  const v = t.vendors;
  checkVersion(await findVendor(s, entityId), s, "Vendor", version, (x) => vendorDto(x, null));
  await s.db.delete(v).where(and(eq(v.tenantId, s.ctx.tenantId), eq(v.id, entityId)));
}
