import { and, eq, isNull, lt, ne } from "drizzle-orm";
import type { z } from "zod";
import * as t from "../../db/tables";
import { utcDateOf } from "../../domain/isoDates";
import type { Page, RaidDto, raidListQuery } from "../../../contracts/workspace";
import { pageOwnedRows } from "./pageOwnedRows";
import { raidDto } from "../../presenters/workspace";
import { internalOnlyWall } from "../audience/callerAudience";
import type { Scope } from "./projectScope";

/**
 * The project's RAID log, filtered and paged by due date (UTC "today" for `late`); internal-only items
 * behind the audience wall. `noDueDate` leaves decisions out: they have no due date by nature.
 */
export async function listRaidItems(s: Scope, q: z.infer<typeof raidListQuery>): Promise<Page<RaidDto>> {
  const ri = t.raidItems;
  const today = utcDateOf(s.now);
  const filters = [
    q.kind ? eq(ri.kind, q.kind) : undefined,
    q.ownerId ? eq(ri.ownerId, q.ownerId) : undefined,
    q.status ? eq(ri.status, q.status) : undefined,
    q.late ? and(lt(ri.dueDate, today), eq(ri.status, "open")) : undefined,
    // "No due date" lists what lacks one; a decision has none to lack (issue 16).
    q.noDueDate ? and(isNull(ri.dueDate), ne(ri.kind, "decision")) : undefined,
    internalOnlyWall(ri.internalOnly),
  ];
  return pageOwnedRows(s, ri, filters, q, raidDto, { dated: !q.noDueDate, undated: !q.late });
}
