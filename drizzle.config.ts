import { defineConfig } from "drizzle-kit";

// Migrations are generated from server/db/schema.ts + schemaRecords.ts and applied by server/db/migrate.ts
// (same SQL on PGlite and PostgreSQL, under an advisory lock).
export default defineConfig({
  dialect: "postgresql",
  schema: ["./server/db/schema.ts", "./server/db/schemaRecords.ts"],
  out: "./server/db/migrations",
});
