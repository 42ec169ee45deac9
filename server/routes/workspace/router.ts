import { Router } from "express";
import type { AppDeps } from "../../appDeps";
import { dbMappingStore } from "../../importExport/mappingStore";
import { projectRoutes } from "./projectRoutes";
import { peopleRoutes } from "./peopleRoutes";
import { scheduleRoutes } from "./scheduleRoutes";
import { raidRoutes } from "./raidRoutes";
import { changeRequestRoutes } from "./changeRequestRoutes";
import { caseVendorRoutes } from "./caseVendorRoutes";
import { importExportRoutes } from "./importExportRoutes";

/**
 * The project workspace under /api/projects: everything the agendas draw on, to see, edit,
 * import and export. Mounted before projectsRouter: GET /overview must win over its GET /:id.
 */
export function workspaceRouter(deps: AppDeps): Router {
  const r = Router();
  const mappings = dbMappingStore(deps.database.db);
  r.use(projectRoutes(deps));
  r.use(peopleRoutes(deps));
  r.use(scheduleRoutes(deps));
  r.use(raidRoutes(deps));
  r.use(changeRequestRoutes(deps));
  r.use(caseVendorRoutes(deps));
  r.use(importExportRoutes(deps, mappings));
  return r;
}
