import { and, eq, lt, ne } from "drizzle-orm";
import type { z } from "zod";
import * as t from "../../db/tables";
import { utcDateOf } from "../../domain/isoDates";
import type { Page, TaskDto, taskListQuery } from "../../../contracts/workspace";
import { pageOwnedRows } from "./pageOwnedRows";
import { taskDto } from "../../presenters/workspace";
import type { Scope } from "./projectScope";

/** The project's schedule tasks, filtered and paged by due date (`late`: due before UTC today and not done). */
export async function listTasks(s: Scope, q: z.infer<typeof taskListQuery>): Promise<Page<TaskDto>> {
  const k = t.tasks;
  const today = utcDateOf(s.now);
  const filters = [
    q.status ? eq(k.status, q.status) : undefined,
    q.ownerId ? eq(k.ownerId, q.ownerId) : undefined,
    q.late ? and(lt(k.dueDate, today), ne(k.status, "done")) : undefined,
  ];
  return pageOwnedRows(s, k, filters, q, taskDto, { dated: true, undated: !q.late });
}
