import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../../server/db/database";
import { migrate } from "../../server/db/migrate";
import { seedDemo } from "../../server/db/demo/seedDemo";
import { TEMPLATE_PATH, TEST_NOW } from "./constants";

export type DatabaseKind = "pglite" | "postgres";

/** The database kinds HTTP tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const databaseKinds: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export interface TestDatabase {
  database: Database;
  drop(): Promise<void>;
}

/** A fresh database seeded with the demo project at TEST_NOW. */
export async function openTestDatabase(kind: DatabaseKind, options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const seed = options.seed ?? true;
  if (kind === "pglite") {
    const database = seed
      ? await openDatabase({ dataDir: "memory://", pgliteTemplate: new Blob([readFileSync(TEMPLATE_PATH)]) })
      : await openDatabase({ dataDir: "memory://" });
    if (!seed) await migrate(database);
    return { database, drop: () => database.close() };
  }
  const { url, drop } = await createScratchPostgres();
  const database = await openDatabase({ databaseUrl: url, dataDir: "" });
  await migrate(database);
  if (seed) await seedDemo(database, { now: TEST_NOW });
  return {
    database,
    drop: async () => {
      await database.close();
      await drop();
    },
  };
}

/** A new empty database on the TEST_DATABASE_URL server, dropped afterwards. */
export async function createScratchPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const name = `callbook_t_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
