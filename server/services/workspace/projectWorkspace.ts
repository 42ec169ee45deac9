import { and, asc, eq, inArray, max } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import { memberProjectIds } from "../../db/projectAccess";
import { loadProjectMeetings, loadSnapshot } from "../../db/loadSnapshot";
import { dueFollowUps, followUpKinds, type FollowUpKind, type LastSent } from "../../domain/dueFollowUps";
import { followUpZone } from "../../domain/followUpZone";
import { transitionStatus } from "../../domain/transition";
import { AppError } from "../../errors";
import type { RequestContext } from "../../http/requestContext";
import type { OverviewProject, PatchProjectBody, Workspace } from "../../../contracts/workspace";
import { projectDto } from "../../presenters/workspace";
import { projectHeader } from "../../presenters/meetings";
import { recordAudit, staleWrite, type Scope } from "./projectScope";

/** When each follow-up kind was last recorded as sent for the project (follow_up_log). */
export async function lastSentOf(db: Db, tenantId: string, projectId: string): Promise<LastSent> {
  const rows = await db
    .select({ kind: t.followUpLog.kind, at: max(t.followUpLog.sentAt) })
    .from(t.followUpLog)
    .where(and(eq(t.followUpLog.tenantId, tenantId), eq(t.followUpLog.projectId, projectId)))
    .groupBy(t.followUpLog.kind);
  const out: LastSent = {};
  for (const r of rows) {
    if (r.at && (followUpKinds as readonly string[]).includes(r.kind)) out[r.kind as FollowUpKind] = new Date(r.at).toISOString();
  }
  return out;
}

export async function workspaceOf(s: Scope): Promise<Workspace> {
  const { db, ctx, project, now } = s;
  const [snapshot, meetings, lastSent] = await Promise.all([
    loadSnapshot(db, ctx.tenantId, project),
    loadProjectMeetings(db, ctx.tenantId, project.id),
    lastSentOf(db, ctx.tenantId, project.id),
  ]);
  return {
    project: projectDto(project, now),
    followUps: dueFollowUps(snapshot, meetings, now, lastSent, followUpZone(snapshot)),
    transition: transitionStatus(snapshot, meetings, now),
    lastSent,
  };
}

const blank = (v: string | null | undefined) => (v === undefined ? undefined : v === null || v.trim() === "" ? null : v.trim());

/**
 * RAG (with reason and path to green when not green), go-live, holidays, MRR, integration type
 * and summary. A RAG change records who and when, and the previous RAG: that makes the change
 * notice owed. RAG and go-live changes go to the audit trail.
 */
export async function patchProject(s: Scope, body: PatchProjectBody): Promise<typeof t.projects.$inferSelect> {
  const current = s.project;
  if (current.version !== body.version) throw staleWrite("Project", projectDto(current, s.now));
  const rag = body.rag ?? current.rag;
  const ragReason = blank(body.ragReason) === undefined ? current.ragReason : (blank(body.ragReason) ?? null);
  const pathToGreen = blank(body.pathToGreen) === undefined ? current.pathToGreen : (blank(body.pathToGreen) ?? null);
  if (rag !== "green") {
    const fields = [
      ragReason ? null : "ragReason: is required when RAG is amber or red",
      pathToGreen ? null : "pathToGreen: is required when RAG is amber or red",
    ].filter((f): f is string => f !== null);
    if (fields.length) throw new AppError(400, "validation_failed", fields.join("; "), { fields });
  }
  const ragChanged = rag !== current.rag;
  const ragTextChanged = ragReason !== current.ragReason || pathToGreen !== current.pathToGreen;
  const goLiveChanged = body.goLiveDate !== undefined && body.goLiveDate !== current.goLiveDate;
  return s.db.transaction(async (tx) => {
    const [row] = await tx
      .update(t.projects)
      .set({
        rag,
        ragReason,
        pathToGreen,
        ...(ragChanged ? { ragChangedAt: s.now.toISOString(), ragChangedBy: s.ctx.name, previousRag: current.rag } : {}),
        ...(body.goLiveDate !== undefined ? { goLiveDate: body.goLiveDate } : {}),
        ...(body.holidays !== undefined ? { holidays: [...new Set(body.holidays)].sort() } : {}),
        ...(body.mrrCents !== undefined ? { mrrCents: body.mrrCents } : {}),
        ...(body.integrationType !== undefined ? { integrationType: body.integrationType } : {}),
        ...(body.integrationSummary !== undefined
          ? { integrationSummary: { ...current.integrationSummary, ...(body.integrationSummary as Record<string, string>) } }
          : {}),
        version: current.version + 1,
        updatedAt: s.now.toISOString(),
      })
      .where(and(eq(t.projects.tenantId, s.ctx.tenantId), eq(t.projects.id, current.id), eq(t.projects.version, body.version)))
      .returning();
    if (!row) throw staleWrite("Project", projectDto(current, s.now));
    if (ragChanged || ragTextChanged) {
      await recordAudit(tx, s, {
        entity: "project",
        entityId: current.id,
        action: ragChanged ? "rag_changed" : "rag_explained",
        before: { rag: current.rag, ragReason: current.ragReason, pathToGreen: current.pathToGreen },
        after: { rag, ragReason, pathToGreen },
      });
    }
    if (goLiveChanged) {
      await recordAudit(tx, s, {
        entity: "project",
        entityId: current.id,
        action: "go_live_changed",
        before: { goLiveDate: current.goLiveDate },
        after: { goLiveDate: row.goLiveDate },
      });
    }
    return row;
  });
}

const ragRank = { red: 0, amber: 1, green: 2 } as const;

/** The caller's projects, most urgent first: late follow-ups, then due ones, then RAG, then nearest go-live. */
export async function overviewOf(db: Db, ctx: RequestContext, now: Date): Promise<OverviewProject[]> {
  const ids = await memberProjectIds(db, ctx);
  if (ids.length === 0) return [];
  const projects = await db
    .select()
    .from(t.projects)
    .where(and(eq(t.projects.tenantId, ctx.tenantId), inArray(t.projects.id, ids)))
    .orderBy(asc(t.projects.name));
  const out = await Promise.all(
    projects.map(async (project): Promise<OverviewProject> => {
      const [snapshot, meetings, lastSent] = await Promise.all([
        loadSnapshot(db, ctx.tenantId, project),
        loadProjectMeetings(db, ctx.tenantId, project.id),
        lastSentOf(db, ctx.tenantId, project.id),
      ]);
      const followUps = dueFollowUps(snapshot, meetings, now, lastSent, followUpZone(snapshot)).filter((f) => f.state !== "upcoming");
      const next = meetings.find((m) => Date.parse(m.endsAt) > now.getTime());
      return {
        ...projectHeader(project, now),
        nextCall: next ? { id: next.id, subject: next.subject, startsAt: next.startsAt } : null,
        followUps,
        late: followUps.filter((f) => f.state === "late").length,
        due: followUps.filter((f) => f.state === "due").length,
      };
    }),
  );
  const goLive = (p: OverviewProject) => p.daysToGoLive ?? Number.MAX_SAFE_INTEGER;
  return out.sort(
    (a, b) => b.late - a.late || b.due - a.due || ragRank[a.rag] - ragRank[b.rag] || goLive(a) - goLive(b) || a.name.localeCompare(b.name),
  );
}
