import { Router } from "express";
import type { AppDeps } from "../../appDeps";
import { parse } from "../../http/validate";
import { createCaseBody, createVendorBody, deleteQuery, entityParams, patchCaseBody, patchVendorBody } from "../../../contracts/workspace";
import { caseDto, vendorDto } from "../../presenters/workspace";
import { projectScope } from "../../services/workspace/projectScope";
import { projectNames } from "../../services/workspace/findCaseVendorRows";
import { listSupportCases } from "../../services/workspace/listSupportCases";
import { createSupportCase } from "../../services/workspace/createSupportCase";
import { updateSupportCase } from "../../services/workspace/updateSupportCase";
import { deleteSupportCase } from "../../services/workspace/deleteSupportCase";
import { listVendors } from "../../services/workspace/listVendors";
import { createVendor } from "../../services/workspace/createVendor";
import { updateVendor } from "../../services/workspace/updateVendor";
import { deleteVendor } from "../../services/workspace/deleteVendor";

const nameOf = (map: Map<string, string>, id: string | null) => (id ? (map.get(id) ?? null) : null);

/** Support cases of live phases, and vendors with their CIS checklist. */
export function caseVendorRoutes(deps: AppDeps): Router {
  const r = Router();

  r.get("/:id/support-cases", async (req, res) => {
    const s = await projectScope(deps, req, res);
    const { rows, names } = await listSupportCases(s);
    res.json({ items: rows.map((row) => caseDto(row, nameOf(names, row.ownerId))) });
  });

  r.post("/:id/support-cases", async (req, res) => {
    const body = parse(createCaseBody, req.body);
    const s = await projectScope(deps, req, res);
    const row = await createSupportCase(s, body);
    res.status(201).json(caseDto(row, nameOf(await projectNames(s), row.ownerId)));
  });

  r.patch("/:id/support-cases/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const { version, ...changes } = parse(patchCaseBody, req.body);
    const s = await projectScope(deps, req, res);
    const row = await updateSupportCase(s, entityId, version, changes);
    res.json(caseDto(row, nameOf(await projectNames(s), row.ownerId)));
  });

  r.delete("/:id/support-cases/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const { version } = parse(deleteQuery, req.query);
    const s = await projectScope(deps, req, res);
    await deleteSupportCase(s, entityId, version);
    res.status(204).end();
  });

  r.get("/:id/vendors", async (req, res) => {
    const s = await projectScope(deps, req, res);
    const { rows, names } = await listVendors(s);
    res.json({ items: rows.map((row) => vendorDto(row, nameOf(names, row.contactPersonId))) });
  });

  r.post("/:id/vendors", async (req, res) => {
    const body = parse(createVendorBody, req.body);
    const s = await projectScope(deps, req, res);
    const row = await createVendor(s, body);
    res.status(201).json(vendorDto(row, nameOf(await projectNames(s), row.contactPersonId)));
  });

  r.patch("/:id/vendors/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const body = parse(patchVendorBody, req.body);
    const s = await projectScope(deps, req, res);
    const row = await updateVendor(s, entityId, body);
    res.json(vendorDto(row, nameOf(await projectNames(s), row.contactPersonId)));
  });

  r.delete("/:id/vendors/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const { version } = parse(deleteQuery, req.query);
    const s = await projectScope(deps, req, res);
    await deleteVendor(s, entityId, version);
    res.status(204).end();
  });

  return r;
}
