import pg from "pg";
import type { Database } from "../../server/db/database";

type QueryFn = (...args: unknown[]) => unknown;

/**
 * Counts the SQL statements `database` runs until `stop()`: on PGlite every query or exec of the
 * embedded client (drizzle's `$client`); on PostgreSQL every query of a pg client (the process's,
 * so run nothing else meanwhile). For "a warm answer makes no database query" (issue 19).
 */
export function countStatements(database: Database): { count(): number; stop(): void } {
  let count = 0;
  if (database.kind === "pglite") {
    const client = (database.db as unknown as { $client: Record<"query" | "exec", QueryFn> }).$client;
    const originals = { query: client.query, exec: client.exec };
    for (const name of ["query", "exec"] as const) {
      const original = originals[name];
      client[name] = function (this: unknown, ...args: unknown[]) {
        count++;
        return original.apply(this, args);
      };
    }
    return {
      count: () => count,
      stop: () => {
        client.query = originals.query;
        client.exec = originals.exec;
      },
    };
  }
  const proto = pg.Client.prototype as unknown as { query: QueryFn };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    count++;
    return original.apply(this, args);
  };
  return {
    count: () => count,
    stop: () => {
      proto.query = original;
    },
  };
}
