import { loadConfig } from "../config";
import { openDatabase } from "./database";
import { migrate } from "./migrate";
import { seedDemo } from "./demo/seedDemo";

// npm run db:reset — drops every Callbook table and recreates the demo project.
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  await database.rawTransaction(async (run) => {
    await run("drop schema public cascade");
    await run("create schema public");
  });
  await migrate(database);
  const projectId = await seedDemo(database, { now: config.CALLBOOK_NOW ? new Date(config.CALLBOOK_NOW) : new Date() });
  process.stdout.write(`Database reset on ${database.kind}; demo project ${projectId} created.\n`);
} finally {
  await database.close();
}
