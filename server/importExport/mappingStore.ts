import { and, eq } from "drizzle-orm";
import type { Db } from "../db/database";
import { importMappings } from "../db/tables";
import type { ImportKind, ImportMapping } from "./layouts";

/** Where each project's column mapping is remembered, per import kind. */
export interface ImportMappingStore {
  get(tenantId: string, projectId: string, kind: ImportKind): Promise<ImportMapping | null>;
  set(tenantId: string, projectId: string, kind: ImportKind, mapping: ImportMapping): Promise<void>;
}

/** The import_mappings table: remembered across restarts and instances. */
export function dbMappingStore(db: Db): ImportMappingStore {
  const where = (tenantId: string, projectId: string, kind: ImportKind) =>
    and(eq(importMappings.tenantId, tenantId), eq(importMappings.projectId, projectId), eq(importMappings.kind, kind));
  return {
    get: async (tenantId, projectId, kind) => {
      const [row] = await db.select().from(importMappings).where(where(tenantId, projectId, kind)).limit(1);
      return row ? { columns: row.columns, dateFormat: row.dateFormat } : null;
    },
    set: async (tenantId, projectId, kind, mapping) => {
      await db
        .insert(importMappings)
        .values({ tenantId, projectId, kind, columns: mapping.columns, dateFormat: mapping.dateFormat })
        .onConflictDoUpdate({
          target: [importMappings.tenantId, importMappings.projectId, importMappings.kind],
          set: { columns: mapping.columns, dateFormat: mapping.dateFormat, updatedAt: new Date().toISOString() },
        });
    },
  };
}
