import type { Database } from "../../../server/db/database";

/** Rows in every table of the public schema, by table name. */
export async function rowCounts(database: Database): Promise<Record<string, number>> {
  return database.rawTransaction(async (run) => {
    const tables = await run("select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name");
    const out: Record<string, number> = {};
    for (const row of tables.rows) {
      const name = String(row.table_name);
      const counted = await run(`select count(*)::int as n from "${name.replace(/"/g, '""')}"`);
      out[name] = Number(counted.rows[0]?.n ?? 0);
    }
    return out;
  });
}
