import { and, eq } from "drizzle-orm";
import * as t from "../../db/tables";
import type { MilestoneRow, TaskRow } from "../../presenters/workspace";
import { fieldError, requireProjectPerson, type Scope } from "./projectScope";

/** One milestone of the caller's tenant by id (checkVersion checks the project), or undefined. */
export const findMilestone = async (s: Scope, id: string): Promise<MilestoneRow | undefined> =>
  (await s.db.select().from(t.milestones).where(and(eq(t.milestones.tenantId, s.ctx.tenantId), eq(t.milestones.id, id))))[0];

/** One task of the caller's tenant by id (checkVersion checks the project), or undefined. */
export const findTask = async (s: Scope, id: string): Promise<TaskRow | undefined> =>
  (await s.db.select().from(t.tasks).where(and(eq(t.tasks.tenantId, s.ctx.tenantId), eq(t.tasks.id, id))))[0];

/** 400 naming the field when the owner is not a project person or the predecessor is the task itself or not of this project. */
export const checkTask = async (s: Scope, body: { ownerId?: string | null | undefined; dependsOnTaskId?: string | null | undefined }, self?: TaskRow): Promise<void> => {
  await requireProjectPerson(s, "ownerId", body.ownerId);
  if (!body.dependsOnTaskId) return;
  if (self && body.dependsOnTaskId === self.id) throw fieldError("dependsOnTaskId", "cannot be the task itself");
  const dep = await findTask(s, body.dependsOnTaskId);
  if (!dep || dep.projectId !== s.project.id) throw fieldError("dependsOnTaskId", "is not a task of this project");
};
