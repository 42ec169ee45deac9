import { and, eq } from "drizzle-orm";
import * as t from "../../db/tables";
import type { CaseRow, VendorRow } from "../../presenters/workspace";
import { projectPeople, type Scope } from "./projectScope";

/** The names of the project's people by id (owners of cases, vendor contacts). */
export const projectNames = async (s: Scope): Promise<Map<string, string>> => new Map((await projectPeople(s.db, s.ctx.tenantId, s.project.id)).map((p) => [p.id, p.name]));

/** One support case of the caller's tenant by id (checkVersion checks the project), or undefined. */
export const findCase = async (s: Scope, id: string): Promise<CaseRow | undefined> =>
  (await s.db.select().from(t.supportCases).where(and(eq(t.supportCases.tenantId, s.ctx.tenantId), eq(t.supportCases.id, id))))[0];

/** One vendor of the caller's tenant by id (checkVersion checks the project), or undefined. */
export const findVendor = async (s: Scope, id: string): Promise<VendorRow | undefined> =>
  (await s.db.select().from(t.vendors).where(and(eq(t.vendors.tenantId, s.ctx.tenantId), eq(t.vendors.id, id))))[0];
