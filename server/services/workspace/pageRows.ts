import { and, asc, desc, gt, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { fieldError } from "./projectScope";
import type { Page } from "../../../contracts/workspace";

// Keyset pages. Lists ordered by (due_date, id) put undated rows last; each page is one or
// two index range scans on (tenant_id, project_id, due_date, id), whatever page it is.

interface DueCursor {
  d: string | null;
  i: string;
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

function decode<T>(cursor: string | undefined, check: (v: unknown) => v is T): T | null {
  if (cursor === undefined) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (check(value)) return value;
  } catch {
    // fall through
  }
  throw fieldError("cursor", "is not a cursor this list gave out");
}

const UUID = /^[0-9a-f-]{36}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDueCursor = (v: unknown): v is DueCursor => {
  const c = v as DueCursor;
  return typeof v === "object" && v !== null && typeof c.i === "string" && UUID.test(c.i) && (c.d === null || (typeof c.d === "string" && DATE.test(c.d)));
};

export interface DueColumns {
  dueDate: PgColumn;
  id: PgColumn;
}

/**
 * One page ordered by due date (undated last), then id. `fetch` runs the list's query with
 * an extra condition, an order and a limit; `dated`/`undated` false skip a half the filters rule out.
 */
export async function pageByDue<R extends { dueDate: string | null; id: string }>(
  cols: DueColumns,
  query: { cursor?: string | undefined; limit: number },
  fetch: (where: SQL | undefined, orderBy: SQL[], limit: number) => Promise<R[]>,
  halves: { dated: boolean; undated: boolean } = { dated: true, undated: true },
): Promise<Page<R>> {
  const cursor = decode(query.cursor, isDueCursor);
  const want = query.limit + 1;
  let rows: R[] = [];
  if (halves.dated && (cursor === null || cursor.d !== null)) {
    const after = cursor ? sql`(${cols.dueDate}, ${cols.id}) > (${cursor.d}::date, ${cursor.i}::uuid)` : isNotNull(cols.dueDate);
    rows = await fetch(after, [asc(cols.dueDate), asc(cols.id)], want);
  }
  if (halves.undated && rows.length < want) {
    const after = cursor && cursor.d === null ? and(isNull(cols.dueDate), gt(cols.id, cursor.i)) : isNull(cols.dueDate);
    rows = rows.concat(await fetch(after, [asc(cols.id)], want - rows.length));
  }
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > query.limit && last ? encode({ d: last.dueDate, i: last.id } satisfies DueCursor) : null };
}

interface NewestCursor {
  a: string;
  i: string;
}
const isNewestCursor = (v: unknown): v is NewestCursor => {
  const c = v as NewestCursor;
  return typeof v === "object" && v !== null && typeof c.a === "string" && typeof c.i === "string" && c.i.length <= 40 && !Number.isNaN(Date.parse(c.a));
};

/** One page newest first by (at, id): meetings, the audit trail. */
export async function pageByNewest<R>(
  cols: { at: PgColumn; id: PgColumn },
  query: { cursor?: string | undefined; limit: number },
  fetch: (where: SQL | undefined, orderBy: SQL[], limit: number) => Promise<R[]>,
  keyOf: (r: R) => { at: string; id: string },
): Promise<Page<R>> {
  const cursor = decode(query.cursor, isNewestCursor);
  const where = cursor ? or(lt(cols.at, cursor.a), and(sql`${cols.at} = ${cursor.a}`, lt(cols.id, cursor.i))) : undefined;
  const rows = await fetch(where, [desc(cols.at), desc(cols.id)], query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  if (rows.length <= query.limit || !last) return { items, nextCursor: null };
  const key = keyOf(last);
  return { items, nextCursor: encode({ a: new Date(key.at).toISOString(), i: key.id } satisfies NewestCursor) };
}
