import { loadProjectMeetings, loadSnapshot } from "../../db/loadSnapshot";
import { statusReportHtml } from "../../importExport/statusReport";
import type { Scope } from "./projectScope";

/** The printable status report of the project at `s.now`, as a self-contained HTML page (no scripts, inline styles). */
export async function composeStatusReport(s: Scope): Promise<string> {
  const { db } = s;
  const [snapshot, meetings] = await Promise.all([loadSnapshot(db, s.ctx.tenantId, s.project), loadProjectMeetings(db, s.ctx.tenantId, s.project.id)]);
  return statusReportHtml(snapshot, meetings, s.now);
}
