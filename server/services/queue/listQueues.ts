import type { Db } from "../../db/database";
import { memberProjectIds, type ProjectRow } from "../../db/projectAccess";
import type { RequestContext } from "../../http/requestContext";
import type { QueueDto } from "../../../contracts/queue";
import { groupQueue, loadProjectQueue, projectsByIds, queueEntryDto } from "./loadProjectQueue";

/** One project's send queue at `now`: late, due today, upcoming. */
export async function listProjectQueue(db: Db, ctx: RequestContext, project: ProjectRow, now: Date): Promise<QueueDto> {
  const { owed } = await loadProjectQueue(db, ctx.tenantId, project, now);
  return groupQueue(owed.map((o) => queueEntryDto(project, o)), now);
}

/** The send queue across every project the caller is a member of (home page), sorted by due time. */
export async function listMyQueue(db: Db, ctx: RequestContext, now: Date): Promise<QueueDto> {
  const projects = await projectsByIds(db, ctx.tenantId, await memberProjectIds(db, ctx));
  const perProject = await Promise.all(projects.map(async (p) => (await loadProjectQueue(db, ctx.tenantId, p, now)).owed.map((o) => queueEntryDto(p, o))));
  return groupQueue(perProject.flat().sort((a, b) => a.dueAt.localeCompare(b.dueAt)), now);
}
