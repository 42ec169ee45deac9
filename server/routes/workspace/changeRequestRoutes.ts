import { Router } from "express";
import type { AppDeps } from "../../appDeps";
import { parse } from "../../http/validate";
import { createChangeRequestBody, decideChangeRequestBody, deleteQuery, entityParams, patchChangeRequestBody } from "../../../contracts/workspace";
import { changeRequestDto } from "../../presenters/workspace";
import { projectScope } from "../../services/workspace/projectScope";
import { listChangeRequests } from "../../services/workspace/listChangeRequests";
import { createChangeRequest } from "../../services/workspace/createChangeRequest";
import { updateChangeRequest } from "../../services/workspace/updateChangeRequest";
import { decideChangeRequest } from "../../services/workspace/decideChangeRequest";
import { deleteChangeRequest } from "../../services/workspace/deleteChangeRequest";

/** Change requests: description, hours, customer confirmation, and the decision (who, when: audited). */
export function changeRequestRoutes(deps: AppDeps): Router {
  const r = Router();

  r.get("/:id/change-requests", async (req, res) => {
    const s = await projectScope(deps, req, res);
    res.json({ items: (await listChangeRequests(s)).map(changeRequestDto) });
  });

  r.post("/:id/change-requests", async (req, res) => {
    const body = parse(createChangeRequestBody, req.body);
    const s = await projectScope(deps, req, res);
    res.status(201).json(changeRequestDto(await createChangeRequest(s, body)));
  });

  r.patch("/:id/change-requests/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const { version, ...changes } = parse(patchChangeRequestBody, req.body);
    const s = await projectScope(deps, req, res);
    res.json(changeRequestDto(await updateChangeRequest(s, entityId, version, changes)));
  });

  r.post("/:id/change-requests/:entityId/decision", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const body = parse(decideChangeRequestBody, req.body);
    const s = await projectScope(deps, req, res);
    res.json(changeRequestDto(await decideChangeRequest(s, entityId, body)));
  });

  r.delete("/:id/change-requests/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const { version } = parse(deleteQuery, req.query);
    const s = await projectScope(deps, req, res);
    await deleteChangeRequest(s, entityId, version);
    res.status(204).end();
  });

  return r;
}
