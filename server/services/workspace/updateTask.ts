import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import * as t from "../../db/tables";
import type { patchTaskBody } from "../../../contracts/workspace";
import { taskDto, type TaskRow } from "../../presenters/workspace";
import { checkVersion, requireDateOrder, staleWrite, type Scope } from "./projectScope";
import { checkTask, findTask } from "./findScheduleRows";

/** Changes a task at `version` (dates kept in order with the stored ones; 404 / 409 as checkVersion). */
export async function updateTask(s: Scope, entityId: string, version: number, changes: Omit<z.infer<typeof patchTaskBody>, "version">): Promise<TaskRow> {
  const k = t.tasks;
  const current = checkVersion(await findTask(s, entityId), s, "Task", version, (x) => taskDto(x, null));
  requireDateOrder("dueDate", changes.startDate === undefined ? current.startDate : changes.startDate, changes.dueDate === undefined ? current.dueDate : changes.dueDate, "startDate");
  await checkTask(s, changes, current);
  const [row] = await s.db
    .update(k)
    .set({ ...changes, version: version + 1, updatedAt: s.now.toISOString() })
    .where(and(eq(k.tenantId, s.ctx.tenantId), eq(k.id, entityId), eq(k.version, version)))
    .returning();
  if (!row) throw staleWrite("Task", taskDto(current, null));
  return row;
}
