// The project data, one namespace for drizzle-kit (drizzle.config.ts reads this file and
// schemaRecords.ts) and for `import * as t from "./schema"`: the project and its people
// (schemaProjects.ts), its plan and records (schemaSchedule.ts), its calls and what they capture
// (schemaMeetings.ts). Columns every table repeats are in schemaColumns.ts. The records around
// this data are in schemaRecords.ts; tables.ts names both.
export * from "./schemaProjects";
export * from "./schemaSchedule";
export * from "./schemaMeetings";
