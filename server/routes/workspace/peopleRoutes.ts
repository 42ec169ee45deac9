import { Router } from "express";
import type { AppDeps } from "../../appDeps";
import { parse } from "../../http/validate";
import { createMemberBody, createPersonBody, entityParams, patchMemberBody, patchPersonBody } from "../../../contracts/workspace";
import { memberInDirectoryDto, peopleDto, personDto } from "../../presenters/workspace";
import { projectScope } from "../../services/workspace/projectScope";
import { listDirectory, listPeople } from "../../services/workspace/listPeople";
import { createPerson } from "../../services/workspace/createPerson";
import { updatePerson } from "../../services/workspace/updatePerson";
import { addMember } from "../../services/workspace/addMember";
import { updateMember } from "../../services/workspace/updateMember";
import { removeMember } from "../../services/workspace/removeMember";

/** People and roles: members with role and backup, the tenant's directory to pick from, out-of-office dates. */
export function peopleRoutes(deps: AppDeps): Router {
  const r = Router();

  r.get("/:id/people", async (req, res) => {
    const s = await projectScope(deps, req, res);
    res.json(peopleDto(await listPeople(s)));
  });

  r.post("/:id/people", async (req, res) => {
    const body = parse(createPersonBody, req.body);
    const s = await projectScope(deps, req, res);
    res.status(201).json(personDto(await createPerson(s, body)));
  });

  r.patch("/:id/people/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const body = parse(patchPersonBody, req.body);
    const s = await projectScope(deps, req, res);
    res.json(personDto(await updatePerson(s, entityId, body)));
  });

  r.post("/:id/members", async (req, res) => {
    const body = parse(createMemberBody, req.body);
    const s = await projectScope(deps, req, res);
    const row = await addMember(s, body);
    res.status(201).json(memberInDirectoryDto(row, await listDirectory(s)));
  });

  r.patch("/:id/members/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const body = parse(patchMemberBody, req.body);
    const s = await projectScope(deps, req, res);
    const row = await updateMember(s, entityId, body);
    res.json(memberInDirectoryDto(row, await listDirectory(s)));
  });

  r.delete("/:id/members/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const s = await projectScope(deps, req, res);
    await removeMember(s, entityId);
    res.status(204).end();
  });

  return r;
}
