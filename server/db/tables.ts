// Every table, one namespace (`import * as t from "./tables"`): the project data of
// schema.ts and the records around it of schemaRecords.ts. schemaRecords imports schema for its
// foreign keys, so schema.ts does not re-export it (no import cycle).
export * from "./schema";
export * from "./schemaRecords";
