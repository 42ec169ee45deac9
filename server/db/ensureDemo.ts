import type { Database } from "./database";
import { seedDemo } from "./demo/seedDemo";

/** Seeds the demo project when the database has no project at all. Returns whether it did. */
export async function ensureDemo(database: Database, now: Date): Promise<boolean> {
  return (await seedDemo(database, { now, onlyIfEmpty: true })) !== null;
}
