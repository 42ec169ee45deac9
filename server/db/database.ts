import { execFile } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import * as schema from "./tables";
import { TenantScopedPool } from "./tenantScope";
import { lockDataDir, type DataDirLock } from "./dataDirLock";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface SqlRows {
  rows: Record<string, unknown>[];
}
/** Raw SQL on one connection, inside one transaction. */
export type SqlRunner = (text: string, params?: unknown[]) => Promise<SqlRows>;

export interface Database {
  kind: "pglite" | "postgres";
  db: Db;
  /** Runs fn in one transaction on one connection with raw SQL (migrations, locks, bulk loads). */
  rawTransaction<T>(fn: (run: SqlRunner) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * Raw SQL outside drizzle for the job library (pg-boss's `db.executeSql`): parameterless text
   * may hold several statements (its schema install). Runs as system work (no tenant stamped).
   */
  executeSql?: (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[]; rowCount: number }>;
  /** Present on PostgreSQL: the pool, for a dedicated LISTEN connection and pool stats. */
  pool?: pg.Pool;
  /** PGlite only: a dump of the data dir, to start other instances from (tests). */
  dumpDataDir?: () => Promise<Blob>;
  connectionString?: string;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolMax?: number;
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
  /** PGlite only: start from this data-dir dump instead of running initdb (tests). */
  pgliteTemplate?: Blob;
}

export class DatabaseUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseUnavailable";
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options.dataDir, options.pgliteTemplate);
}

async function openPglite(dataDir: string, template?: Blob): Promise<Database> {
  const memory = dataDir === "memory://";
  const dir = memory ? undefined : resolve(dataDir, "pglite");
  let lock: DataDirLock | undefined;
  let client: PGlite;
  try {
    if (dir) {
      mkdirSync(dir, { recursive: true });
      // Before anything reads or writes the folder: a second process must not (issue 13 §2).
      lock = lockDataDir(resolve(dataDir));
      if (!existsSync(join(dir, "PG_VERSION"))) await initDataDirInChild(dir);
    }
    client = await PGlite.create({
      ...(dir ? { dataDir: dir } : {}),
      ...(template ? { loadDataDir: template } : {}),
      // One process, one connection: a small buffer pool keeps the embedded server well under 400 MB.
      startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"],
    });
  } catch (e) {
    lock?.release();
    throw e;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  let closed = false;
  return {
    kind: "pglite",
    db,
    rawTransaction: (fn) =>
      client.transaction(async (tx) =>
        fn(async (text, params) => {
          const r = await tx.query<Record<string, unknown>>(text, params);
          return { rows: r.rows };
        }),
      ),
    ping: async () => {
      await client.query("select 1");
    },
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
    dumpDataDir: () => client.dumpDataDir("none"),
    executeSql: async (text, values) => {
      if (!values || values.length === 0) {
        const results = await client.exec(text);
        const last = results[results.length - 1];
        return { rows: (last?.rows ?? []) as Record<string, unknown>[], rowCount: last?.affectedRows ?? last?.rows.length ?? 0 };
      }
      const r = await client.query<Record<string, unknown>>(text, values);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
  };
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<Database> {
  const pool = new TenantScopedPool({
    connectionString: url,
    max: options.poolMax ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    statement_timeout: options.statementTimeoutMs ?? 15000,
  });
  // An idle client's error (server restart) must not crash the process; the pool replaces it.
  pool.on("error", () => undefined);
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end().catch(() => undefined);
    const host = safeHost(url);
    throw new DatabaseUnavailable(`cannot connect to PostgreSQL at ${host}: ${(e as Error).message}`);
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  let closed = false;
  return {
    kind: "postgres",
    db,
    pool,
    connectionString: url,
    rawTransaction: async (fn) => {
      const c = await pool.connect();
      try {
        await c.query("begin");
        const result = await fn(async (text, params) => {
          const r = await c.query(text, params);
          return { rows: r.rows as Record<string, unknown>[] };
        });
        await c.query("commit");
        return result;
      } catch (e) {
        await c.query("rollback").catch(() => undefined);
        throw e;
      } finally {
        c.release();
      }
    },
    ping: async () => {
      await pool.query("select 1");
    },
    executeSql: async (text, values) => {
      const r = await pool.query(text, values);
      const last = Array.isArray(r) ? (r as pg.QueryResult[])[(r as pg.QueryResult[]).length - 1] : r;
      return { rows: (last?.rows ?? []) as Record<string, unknown>[], rowCount: last?.rowCount ?? 0 };
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** host:port/db of a URL, without credentials, for messages. */
export function safeHost(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

/** initdb in a child process, so its memory peak is not the server's (see initPgliteDir.mjs). */
async function initDataDirInChild(dir: string): Promise<void> {
  const script = fileURLToPath(new URL("./initPgliteDir.mjs", import.meta.url));
  await promisify(execFile)(process.execPath, [script, dir], { timeout: 120_000 });
}
