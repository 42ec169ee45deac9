import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "./database";

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), "migrations");
/** Any constant: every instance takes the same transaction-scoped advisory lock. */
const MIGRATION_LOCK_KEY = 4_242_017;

export interface Migration {
  name: string;
  statements: string[];
}

export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => ({
      name: f.replace(/\.sql$/, ""),
      statements: readFileSync(join(dir, f), "utf8")
        .split("--> statement-breakpoint")
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    }));
}

/**
 * Applies pending migrations in one transaction under an advisory lock, so instances
 * starting together apply each migration exactly once; the others wait, then find nothing to do.
 * Returns the names this call applied.
 */
export async function migrate(database: Database, migrations = readMigrations()): Promise<string[]> {
  return database.rawTransaction(async (run) => {
    await run(`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await run(
      `create table if not exists callbook_migrations (name text primary key, applied_at timestamptz not null default now())`,
    );
    const done = new Set((await run("select name from callbook_migrations")).rows.map((r) => String(r.name)));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      for (const statement of m.statements) await run(statement);
      await run("insert into callbook_migrations (name) values ($1)", [m.name]);
      applied.push(m.name);
    }
    return applied;
  });
}
