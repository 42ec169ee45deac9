import { and, eq, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import * as t from "../../db/tables";
import type { Page } from "../../../contracts/workspace";
import { pageByDue } from "./pageRows";
import type { Scope } from "./projectScope";

/** The columns a project list paged by due date with an owner needs. */
interface OwnedDueColumns {
  tenantId: PgColumn;
  projectId: PgColumn;
  dueDate: PgColumn;
  id: PgColumn;
  ownerId: PgColumn;
}

/**
 * One keyset page (pageByDue: due date, undated last, then id) of the scope's project rows of
 * `table` matching every one of `filters`, each read with its owner's name (people, left join;
 * null when unowned) and turned into its wire shape by `present`. Tenant- and project-scoped.
 * The one scaffold of the RAID log and the task list; throws pageByDue's 400 for a bad cursor.
 */
export function pageOwnedRows<T extends PgTable & OwnedDueColumns, Dto extends { dueDate: string | null; id: string }>(
  s: Scope,
  table: T,
  filters: (SQL | undefined)[],
  q: { cursor?: string | undefined; limit: number },
  present: (row: T["$inferSelect"], ownerName: string | null) => Dto,
  halves: { dated: boolean; undated: boolean },
): Promise<Page<Dto>> {
  const base = and(eq(table.tenantId, s.ctx.tenantId), eq(table.projectId, s.project.id), ...filters);
  return pageByDue(
    { dueDate: table.dueDate, id: table.id },
    q,
    async (where, orderBy, limit) => {
      const rows = await s.db
        .select({ row: table, ownerName: t.people.name })
        .from(table as PgTable)
        .leftJoin(t.people, eq(t.people.id, table.ownerId))
        .where(and(base, where))
        .orderBy(...orderBy)
        .limit(limit);
      return rows.map((x) => present(x.row as T["$inferSelect"], x.ownerName));
    },
    halves,
  );
}
