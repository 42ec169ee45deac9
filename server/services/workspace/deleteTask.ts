import { and, eq } from "drizzle-orm";
import * as t from "../../db/tables";
import { taskDto } from "../../presenters/workspace";
import { checkVersion, type Scope } from "./projectScope";
import { findTask } from "./findScheduleRows";

/** Deletes a task (at `version` when given: 404 / 409 as checkVersion); tasks that waited on it no longer do. */
export async function deleteTask(s: Scope, entityId: string, version: number | undefined): Promise<void> {
  const k = t.tasks;
  checkVersion(await findTask(s, entityId), s, "Task", version, (x) => taskDto(x, null));
  await s.db.transaction(async (tx) => {
    // Tasks that waited on this one no longer do.
    await tx.update(k).set({ dependsOnTaskId: null }).where(and(eq(k.tenantId, s.ctx.tenantId), eq(k.projectId, s.project.id), eq(k.dependsOnTaskId, entityId)));
    await tx.delete(k).where(and(eq(k.tenantId, s.ctx.tenantId), eq(k.id, entityId)));
  });
}
