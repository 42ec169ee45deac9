import { count } from "drizzle-orm";
import type { Database } from "./database";
import { projects } from "./schema";
import { seedDemo } from "./demo/seedDemo";

/** Seeds the demo project when the database has no project at all. Returns whether it did. */
export async function ensureDemo(database: Database, now: Date): Promise<boolean> {
  const [row] = await database.db.select({ n: count() }).from(projects);
  if ((row?.n ?? 0) > 0) return false;
  await seedDemo(database, { now });
  return true;
}
