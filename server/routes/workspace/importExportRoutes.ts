import { Router } from "express";
import type { AppDeps } from "../../appDeps";
import { AppError } from "../../errors";
import { parse } from "../../http/validate";
import { utcDateOf } from "../../domain/isoDates";
import { importMappingBody, importMappingQuery, importQuery } from "../../../contracts/workspace";
import { defaultImportRuntime, importFile, type ImportRuntime } from "../../importExport/importFile";
import { importFailureCause, importUpload } from "../../importExport/importUpload";
import { checkMapping } from "../../importExport/layouts";
import type { ImportMappingStore } from "../../importExport/mappingStore";
import { exportSheets, sheetFor, toCsv, toXlsx, type ExportSheet } from "../../importExport/exportFiles";
import { composeStatusReport } from "../../services/workspace/composeStatusReport";
import { fieldError, projectScope } from "../../services/workspace/projectScope";
import { z } from "zod";

const exportParams = z.object({
  id: z.uuid({ message: "must be a valid id" }),
  sheet: z.enum(exportSheets, { message: `must be one of ${exportSheets.join(", ")}` }),
  format: z.enum(["xlsx", "csv"], { message: "must be xlsx or csv" }),
});

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "project";

/** Import of schedules and RAID logs (dry run, then all-or-nothing), exports, the printable status report. */
export function importExportRoutes(deps: AppDeps, mappings: ImportMappingStore, runtime: ImportRuntime = defaultImportRuntime()): Router {
  const r = Router();

  // Raw body: the file as it is, with ?filename= telling .xlsx from .csv.
  r.post("/:id/import", importUpload(runtime.limits), async (req, res) => {
    const q = parse(importQuery, req.query);
    const s = await projectScope(deps, req, res);
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (body.length === 0) throw fieldError("file", "is empty");
    try {
      const report = await importFile(s, mappings, { kind: q.kind, filename: q.filename, body, dryRun: q.dryRun, dateOrder: q.dateOrder }, runtime);
      res.status(report.applied ? 201 : 200).json(report);
    } catch (e) {
      if (e instanceof AppError && e.code === "import_failed") req.log?.error({ cause: importFailureCause(e.cause) }, "import failed and was rolled back");
      throw e;
    }
  });

  r.get("/:id/import/mapping", async (req, res) => {
    const { kind } = parse(importMappingQuery, req.query);
    const s = await projectScope(deps, req, res);
    res.json({ kind, mapping: await mappings.get(s.ctx.tenantId, s.project.id, kind) });
  });

  r.put("/:id/import/mapping", async (req, res) => {
    const { kind } = parse(importMappingQuery, req.query);
    const body = parse(importMappingBody, req.body);
    const problems = checkMapping(kind, body.columns);
    if (problems.length) throw new AppError(400, "validation_failed", problems.join("; "), { fields: problems });
    const s = await projectScope(deps, req, res);
    const mapping = { columns: body.columns, dateFormat: body.dateFormat ?? "mdy" };
    await mappings.set(s.ctx.tenantId, s.project.id, kind, mapping);
    res.json({ kind, mapping });
  });

  r.get("/:id/export/:file", async (req, res) => {
    const m = /^([a-z-]+)\.([a-z]+)$/.exec(String(req.params.file));
    const { sheet, format } = parse(exportParams, { id: req.params.id, sheet: m?.[1] ?? "", format: m?.[2] ?? "" });
    const s = await projectScope(deps, req, res);
    const spec = await sheetFor(s.db, s.ctx.tenantId, s.project.id, sheet as ExportSheet);
    const filename = `${slug(s.project.customerName)}-${sheet}-${utcDateOf(s.now)}.${format}`;
    res.setHeader("Content-Disposition", `attachment; filename="${filename}"`);
    res.setHeader("Cache-Control", "no-store");
    if (format === "xlsx") {
      res.type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").send(await toXlsx(spec));
    } else {
      res.type("text/csv; charset=utf-8").send(toCsv(spec));
    }
  });

  r.get("/:id/status-report.html", async (req, res) => {
    const s = await projectScope(deps, req, res);
    const html = await composeStatusReport(s);
    res.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    res.setHeader("Cache-Control", "no-store");
    res.type("text/html; charset=utf-8").send(html);
  });

  return r;
}
