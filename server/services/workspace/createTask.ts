import { randomUUID } from "node:crypto";
import * as t from "../../db/tables";
import type { CreateTaskBody } from "../../../contracts/workspace";
import type { TaskRow } from "../../presenters/workspace";
import { requireDateOrder, type Scope } from "./projectScope";
import { checkTask } from "./findScheduleRows";

/** Adds a task to the schedule (start before due, owner a project person, predecessor of this project). */
export async function createTask(s: Scope, body: CreateTaskBody): Promise<TaskRow> {
  requireDateOrder("dueDate", body.startDate, body.dueDate, "startDate");
  await checkTask(s, body);
  const [row] = await s.db.insert(t.tasks).values({ ...body, id: randomUUID(), tenantId: s.ctx.tenantId, projectId: s.project.id, updatedAt: s.now.toISOString() }).returning();
  return row as TaskRow;
}
