import type { ImportKind, ImportMapping } from "./layouts";

/** Where each project's column mapping is remembered, per import kind. */
export interface ImportMappingStore {
  get(tenantId: string, projectId: string, kind: ImportKind): Promise<ImportMapping | null>;
  set(tenantId: string, projectId: string, kind: ImportKind, mapping: ImportMapping): Promise<void>;
}

/**
 * Per process, until an import_mappings table exists (tenant_id, project_id, kind, columns jsonb,
 * date_format, updated_by, updated_at; unique (tenant_id, project_id, kind)). Lost on restart.
 */
export function memoryMappingStore(): ImportMappingStore {
  const store = new Map<string, ImportMapping>();
  const key = (tenantId: string, projectId: string, kind: ImportKind) => `${tenantId}/${projectId}/${kind}`;
  return {
    get: async (tenantId, projectId, kind) => store.get(key(tenantId, projectId, kind)) ?? null,
    set: async (tenantId, projectId, kind, mapping) => {
      store.set(key(tenantId, projectId, kind), { columns: { ...mapping.columns }, dateFormat: mapping.dateFormat });
    },
  };
}
