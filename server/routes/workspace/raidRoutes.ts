import { Router } from "express";
import type { AppDeps } from "../../appDeps";
import { parse } from "../../http/validate";
import { createRaidBody, deleteQuery, entityParams, patchRaidBody, raidListQuery } from "../../../contracts/workspace";
import { raidDto } from "../../presenters/workspace";
import { projectScope } from "../../services/workspace/projectScope";
import { requireMayFlagInternal, requireRowVisible } from "../../services/audience/callerAudience";
import { listRaidItems } from "../../services/workspace/listRaidItems";
import { createRaidItem } from "../../services/workspace/createRaidItem";
import { updateRaidItem } from "../../services/workspace/updateRaidItem";
import { deleteRaidItem } from "../../services/workspace/deleteRaidItem";
import { ownerNameOf } from "../../services/workspace/ownerNameOf";
import { syncPlannerAfterWrite } from "../../services/planner/pollPlanner";

/** The RAID log: risks, actions, issues, decisions. Decisions go to the audit trail. */
export function raidRoutes(deps: AppDeps): Router {
  const r = Router();

  r.get("/:id/raid", async (req, res) => {
    const q = parse(raidListQuery, req.query);
    const s = await projectScope(deps, req, res);
    res.json(await listRaidItems(s, q));
  });

  r.post("/:id/raid", async (req, res) => {
    const body = parse(createRaidBody, req.body);
    const s = await projectScope(deps, req, res);
    requireMayFlagInternal(s.ctx, body.internalOnly);
    const row = await createRaidItem(s, body);
    syncPlannerAfterWrite(deps, s.ctx, s.project.id, row.kind);
    res.status(201).json(raidDto(row, await ownerNameOf(s, row.ownerId)));
  });

  r.patch("/:id/raid/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const { version, ...changes } = parse(patchRaidBody, req.body);
    const s = await projectScope(deps, req, res);
    await requireRowVisible(s.db, s.ctx, "item", entityId);
    requireMayFlagInternal(s.ctx, changes.internalOnly);
    const row = await updateRaidItem(s, entityId, version, changes);
    syncPlannerAfterWrite(deps, s.ctx, s.project.id, row.kind);
    res.json(raidDto(row, await ownerNameOf(s, row.ownerId)));
  });

  r.delete("/:id/raid/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const { version } = parse(deleteQuery, req.query);
    const s = await projectScope(deps, req, res);
    await requireRowVisible(s.db, s.ctx, "item", entityId);
    await deleteRaidItem(s, entityId, version);
    res.status(204).end();
  });

  return r;
}
