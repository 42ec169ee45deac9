import { and, eq, lt, ne } from "drizzle-orm";
import type { z } from "zod";
import * as t from "../../db/tables";
import { utcDateOf } from "../../domain/isoDates";
import type { Page, TaskDto, taskListQuery } from "../../../contracts/workspace";
import { pageByDue } from "./pageRows";
import { taskDto } from "../../presenters/workspace";
import type { Scope } from "./projectScope";

/** The project's schedule tasks, filtered and paged by due date (`late`: due before UTC today and not done). */
export async function listTasks(s: Scope, q: z.infer<typeof taskListQuery>): Promise<Page<TaskDto>> {
  const { db } = s;
  const k = t.tasks;
  const today = utcDateOf(s.now);
  const base = and(
    eq(k.tenantId, s.ctx.tenantId),
    eq(k.projectId, s.project.id),
    q.status ? eq(k.status, q.status) : undefined,
    q.ownerId ? eq(k.ownerId, q.ownerId) : undefined,
    q.late ? and(lt(k.dueDate, today), ne(k.status, "done")) : undefined,
  );
  return pageByDue({ dueDate: k.dueDate, id: k.id }, q, (where, orderBy, limit) =>
    db
      .select({ task: k, ownerName: t.people.name })
      .from(k)
      .leftJoin(t.people, eq(t.people.id, k.ownerId))
      .where(and(base, where))
      .orderBy(...orderBy)
      .limit(limit)
      .then((rows) => rows.map((x) => taskDto(x.task, x.ownerName))),
    { dated: true, undated: !q.late },
  );
}
