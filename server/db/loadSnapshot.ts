import { and, asc, eq, ne } from "drizzle-orm";
import type { Db } from "./database";
import * as t from "./schema";
import type {
  CallType,
  Directory,
  Meeting,
  Person,
  ProjectMember,
  ProjectRole,
  ProjectSnapshot,
} from "../domain/types";
import type { ProjectRow } from "./projectAccess";

type MeetingRow = typeof t.meetings.$inferSelect;
type PersonRow = typeof t.people.$inferSelect;

export function toPerson(p: PersonRow): Person {
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    organisation: p.organisation,
    vendorId: p.vendorId,
    title: p.title,
    outOfOffice: p.oooFrom && p.oooUntil ? { from: p.oooFrom, until: p.oooUntil } : null,
  };
}

export function toMeeting(m: MeetingRow): Meeting {
  return {
    id: m.id,
    projectId: m.projectId,
    subject: m.subject,
    startsAt: new Date(m.startsAt).toISOString(),
    endsAt: new Date(m.endsAt).toISOString(),
    attendees: m.attendees,
    callTypeOverride: (m.callTypeOverride as CallType | null) ?? null,
    callType: (m.callType as CallType | null) ?? null,
    recapSentAt: m.recapSentAt ? new Date(m.recapSentAt).toISOString() : null,
  };
}

/**
 * Everything the runbook rules read about one project, tenant-scoped. `open` leaves out done
 * tasks and closed RAID items, which no agenda, attendee or cadence rule reads: the agenda of
 * a project with 100,000 finished tasks costs what one with 100 does.
 */
export async function loadSnapshot(db: Db, tenantId: string, project: ProjectRow, scope: "all" | "open" = "all"): Promise<ProjectSnapshot> {
  const projectId = project.id;
  const openOnly = scope === "open";
  const inProject = <T extends { tenantId: unknown; projectId: unknown }>(table: T) =>
    and(eq(table.tenantId as typeof t.tasks.tenantId, tenantId), eq(table.projectId as typeof t.tasks.projectId, projectId));
  const [members, people, milestones, tasks, raid, crs, cases, vendors] = await Promise.all([
    db.select().from(t.projectMembers).where(inProject(t.projectMembers)),
    db.select().from(t.people).where(eq(t.people.tenantId, tenantId)),
    db.select().from(t.milestones).where(inProject(t.milestones)).orderBy(asc(t.milestones.plannedDate)),
    db.select().from(t.tasks).where(and(inProject(t.tasks), openOnly ? ne(t.tasks.status, "done") : undefined)),
    db.select().from(t.raidItems).where(and(inProject(t.raidItems), openOnly ? eq(t.raidItems.status, "open") : undefined)),
    db.select().from(t.changeRequests).where(inProject(t.changeRequests)),
    db.select().from(t.supportCases).where(inProject(t.supportCases)),
    db.select().from(t.vendors).where(inProject(t.vendors)),
  ]);
  const memberList: ProjectMember[] = members.map((m) => ({
    personId: m.personId,
    role: m.role as ProjectRole,
    backupPersonId: m.backupPersonId,
  }));
  const memberIds = new Set(members.flatMap((m) => [m.personId, m.backupPersonId ?? ""]));
  const vendorIds = new Set(vendors.map((v) => v.id));
  return {
    project: {
      id: project.id,
      name: project.name,
      customerName: project.customerName,
      customerDomains: project.customerDomains,
      vertical: project.vertical,
      phase: project.phase,
      mrrCents: project.mrrCents,
      integrationType: project.integrationType,
      rag: project.rag,
      ragReason: project.ragReason,
      pathToGreen: project.pathToGreen,
      ragChangedAt: project.ragChangedAt ? new Date(project.ragChangedAt).toISOString() : null,
      previousRag: project.previousRag,
      goLiveDate: project.goLiveDate,
      holidays: project.holidays,
      sprintLengthDays: project.sprintLengthDays,
      sprintStartDate: project.sprintStartDate,
      phased: project.phased,
      integrationSummary: project.integrationSummary,
      members: memberList,
    },
    // People of this project: members, their backups and the vendors' people.
    people: people.filter((p) => memberIds.has(p.id) || (p.vendorId && vendorIds.has(p.vendorId))).map(toPerson),
    milestones: milestones.map((m) => ({
      id: m.id,
      name: m.name,
      deliverable: m.deliverable,
      plannedDate: m.plannedDate,
      achievedDate: m.achievedDate,
      signedOffBy: m.signedOffBy,
      signedOffAt: m.signedOffAt ? new Date(m.signedOffAt).toISOString() : null,
    })),
    tasks: tasks.map((k) => ({
      id: k.id,
      name: k.name,
      ownerId: k.ownerId,
      startDate: k.startDate,
      dueDate: k.dueDate,
      status: k.status,
      dependsOnTaskId: k.dependsOnTaskId,
      internalOnly: k.internalOnly,
    })),
    raidItems: raid.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      ownerId: r.ownerId,
      dueDate: r.dueDate,
      status: r.status,
      area: r.area,
      internalOnly: r.internalOnly,
      raisedInMeetingId: r.raisedInMeetingId,
      createdAt: new Date(r.createdAt).toISOString(),
    })),
    changeRequests: crs.map((c) => ({
      id: c.id,
      description: c.description,
      estimateHours: c.estimateHours,
      customerConfirmed: c.customerConfirmed,
      decision: c.decision,
      decidedBy: c.decidedBy,
      decidedAt: c.decidedAt ? new Date(c.decidedAt).toISOString() : null,
    })),
    supportCases: cases.map((c) => ({
      id: c.id,
      caseNumber: c.caseNumber,
      title: c.title,
      severity: c.severity,
      status: c.status,
      ownerId: c.ownerId,
      resolutionNotes: c.resolutionNotes,
      openedAt: new Date(c.openedAt).toISOString(),
    })),
    vendors: vendors.map((v) => ({
      id: v.id,
      name: v.name,
      kind: v.kind,
      emailDomains: v.emailDomains,
      contactPersonId: v.contactPersonId,
      goLiveAligned: v.goLiveAligned,
      deliverablesTouchingSchedule: v.deliverablesTouchingSchedule,
      checklist: v.checklist,
    })),
  };
}

export async function loadProjectMeetings(db: Db, tenantId: string, projectId: string): Promise<Meeting[]> {
  const rows = await db
    .select()
    .from(t.meetings)
    .where(and(eq(t.meetings.tenantId, tenantId), eq(t.meetings.projectId, projectId)))
    .orderBy(asc(t.meetings.startsAt));
  return rows.map(toMeeting);
}

/** The tenant's directory as the classifier sees it. */
export function directoryOf(snapshot: ProjectSnapshot, internalDomains: string[]): Directory {
  return { people: snapshot.people, internalDomains, vendors: snapshot.vendors };
}
