import type { Db } from "../../db/database";
import type { ProjectRow } from "../../db/projectAccess";
import { loadProjectMeetings, loadSnapshot } from "../../db/loadSnapshot";
import { transitionStatus } from "../../domain/transition";
import type { RequestContext } from "../../http/requestContext";

/** The project's transition status at `now` (the runbook's hand-over checks), from its snapshot and meetings. */
export async function projectTransition(db: Db, ctx: RequestContext, project: ProjectRow, now: Date): Promise<ReturnType<typeof transitionStatus>> {
  const [snapshot, meetings] = await Promise.all([loadSnapshot(db, ctx.tenantId, project), loadProjectMeetings(db, ctx.tenantId, project.id)]);
  return transitionStatus(snapshot, meetings, now);
}
