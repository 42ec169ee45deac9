import { Router } from "express";
import type { AppDeps } from "../../appDeps";
import { parse } from "../../http/validate";
import {
  createMilestoneBody,
  createTaskBody,
  deleteQuery,
  entityParams,
  patchMilestoneBody,
  patchTaskBody,
  signOffBody,
  taskListQuery,
} from "../../../contracts/workspace";
import { milestoneDto, taskDto } from "../../presenters/workspace";
import { projectScope } from "../../services/workspace/projectScope";
import { listMilestones } from "../../services/workspace/listMilestones";
import { createMilestone } from "../../services/workspace/createMilestone";
import { updateMilestone } from "../../services/workspace/updateMilestone";
import { signOffMilestone } from "../../services/workspace/signOffMilestone";
import { deleteMilestone } from "../../services/workspace/deleteMilestone";
import { listTasks } from "../../services/workspace/listTasks";
import { createTask } from "../../services/workspace/createTask";
import { updateTask } from "../../services/workspace/updateTask";
import { deleteTask } from "../../services/workspace/deleteTask";
import { ownerNameOf } from "../../services/workspace/ownerNameOf";

/** Milestones (with sign-off) and the schedule's tasks (paged, filtered). */
export function scheduleRoutes(deps: AppDeps): Router {
  const r = Router();

  r.get("/:id/milestones", async (req, res) => {
    const s = await projectScope(deps, req, res);
    res.json({ items: (await listMilestones(s)).map(milestoneDto) });
  });

  r.post("/:id/milestones", async (req, res) => {
    const body = parse(createMilestoneBody, req.body);
    const s = await projectScope(deps, req, res);
    res.status(201).json(milestoneDto(await createMilestone(s, body)));
  });

  r.patch("/:id/milestones/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const { version, ...changes } = parse(patchMilestoneBody, req.body);
    const s = await projectScope(deps, req, res);
    res.json(milestoneDto(await updateMilestone(s, entityId, version, changes)));
  });

  r.post("/:id/milestones/:entityId/sign-off", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const body = parse(signOffBody, req.body);
    const s = await projectScope(deps, req, res);
    res.json(milestoneDto(await signOffMilestone(s, entityId, body)));
  });

  r.delete("/:id/milestones/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const { version } = parse(deleteQuery, req.query);
    const s = await projectScope(deps, req, res);
    await deleteMilestone(s, entityId, version);
    res.status(204).end();
  });

  r.get("/:id/tasks", async (req, res) => {
    const q = parse(taskListQuery, req.query);
    const s = await projectScope(deps, req, res);
    res.json(await listTasks(s, q));
  });

  r.post("/:id/tasks", async (req, res) => {
    const body = parse(createTaskBody, req.body);
    const s = await projectScope(deps, req, res);
    const row = await createTask(s, body);
    res.status(201).json(taskDto(row, await ownerNameOf(s, row.ownerId)));
  });

  r.patch("/:id/tasks/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const { version, ...changes } = parse(patchTaskBody, req.body);
    const s = await projectScope(deps, req, res);
    const row = await updateTask(s, entityId, version, changes);
    res.json(taskDto(row, await ownerNameOf(s, row.ownerId)));
  });

  r.delete("/:id/tasks/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const { version } = parse(deleteQuery, req.query);
    const s = await projectScope(deps, req, res);
    await deleteTask(s, entityId, version);
    res.status(204).end();
  });

  return r;
}
