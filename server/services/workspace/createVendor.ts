import { randomUUID } from "node:crypto";
import type { z } from "zod";
import * as t from "../../db/tables";
import type { createVendorBody } from "../../../contracts/workspace";
import type { VendorRow } from "../../presenters/workspace";
import { requireProjectPerson, type Scope } from "./projectScope";

/** Adds a vendor to the project (contact a project person; checklist answers as given). */
export async function createVendor(s: Scope, body: z.infer<typeof createVendorBody>): Promise<VendorRow> {
  await requireProjectPerson(s, "contactPersonId", body.contactPersonId);
  const [row] = await s.db
    .insert(t.vendors)
    .values({ ...body, checklist: (body.checklist ?? {}) as Record<string, string>, id: randomUUID(), tenantId: s.ctx.tenantId, projectId: s.project.id })
    .returning();
  return row as VendorRow;
}
