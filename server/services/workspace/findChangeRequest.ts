import { and, eq } from "drizzle-orm";
import * as t from "../../db/tables";
import { type ChangeRequestRow } from "../../presenters/workspace";
import type { Scope } from "./projectScope";

const cr = t.changeRequests;

/** One change request of the caller's tenant by id (checkVersion checks the project), or undefined. */
export const findChangeRequest = async (s: Scope, id: string): Promise<ChangeRequestRow | undefined> =>
  (await s.db.select().from(cr).where(and(eq(cr.tenantId, s.ctx.tenantId), eq(cr.id, id))))[0];
