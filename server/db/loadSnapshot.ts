import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "./database";
import * as t from "./tables";
import type {
  CallType,
  Directory,
  Meeting,
  Person,
  ProjectMember,
  ProjectRole,
  Project,
  ProjectSnapshot,
  Task,
  TaskStatus,
  Vendor,
} from "../../contracts/types";
import { directoryOfSnapshot, withResolvedCallTypes } from "../domain/resolveCallType";
import type { ProjectRow } from "./projectAccess";
import { internalOnlyWall } from "./audienceWall";

type MeetingRow = typeof t.meetings.$inferSelect;

/** Every task status but "done" (contracts/types.ts TaskStatus). */
const OPEN_TASK_STATUSES: TaskStatus[] = ["not_started", "in_progress", "blocked"];
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
    timeZone: p.timeZone,
    workingHours: p.workingHours,
  };
}

/** A task row as the runbook rules see it. */
export function toTask(k: typeof t.tasks.$inferSelect): Task {
  return {
    id: k.id,
    name: k.name,
    ownerId: k.ownerId,
    startDate: k.startDate,
    dueDate: k.dueDate,
    status: k.status,
    dependsOnTaskId: k.dependsOnTaskId,
    updatedAt: new Date(k.updatedAt).toISOString(),
    externalRef: k.externalRef,
    internalOnly: k.internalOnly,
  };
}

/** A vendor row as the runbook rules see it. */
export function toVendor(v: typeof t.vendors.$inferSelect): Vendor {
  return {
    id: v.id,
    name: v.name,
    kind: v.kind,
    emailDomains: v.emailDomains,
    contactPersonId: v.contactPersonId,
    goLiveAligned: v.goLiveAligned,
    deliverablesTouchingSchedule: v.deliverablesTouchingSchedule,
    checklist: v.checklist,
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

/** A project row and its member rows as the runbook rules see the project. */
export function toProject(project: ProjectRow, members: (typeof t.projectMembers.$inferSelect)[]): Project {
  const memberList: ProjectMember[] = members.map((m) => ({
    personId: m.personId,
    role: m.role as ProjectRole,
    backupPersonId: m.backupPersonId,
  }));
  return {
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
    
  };
}

/**
 * Everything the runbook rules read about one project, tenant-scoped. `open` leaves out done
 * tasks and closed RAID items, which no agenda, attendee or cadence rule reads: the agenda of
 * a project with 100,000 finished tasks costs what one with 100 does. An external caller never
 * gets internal-only RAID items (services/audience/callerAudience.ts).
 */
export async function loadSnapshot(db: Db, tenantId: string, project: ProjectRow, scope: "all" | "open" = "all"): Promise<ProjectSnapshot> {
  const projectId = project.id;
  const openOnly = scope === "open";
  const inProject = <T extends { tenantId: unknown; projectId: unknown }>(table: T) =>
    and(eq(table.tenantId as typeof t.tasks.tenantId, tenantId), eq(table.projectId as typeof t.tasks.projectId, projectId));
  const [members, people, milestones, tasks, raid, crs, cases, vendors, recentlyDone] = await Promise.all([
    db.select().from(t.projectMembers).where(inProject(t.projectMembers)),
    db.select().from(t.people).where(eq(t.people.tenantId, tenantId)),
    db.select().from(t.milestones).where(inProject(t.milestones)).orderBy(asc(t.milestones.plannedDate)),
    // Open statuses by name (not `<> 'done'`): an index seek on (tenant, project, status), not a walk of the history.
    db.select().from(t.tasks).where(and(inProject(t.tasks), openOnly ? inArray(t.tasks.status, OPEN_TASK_STATUSES) : undefined)),
    db.select().from(t.raidItems).where(and(inProject(t.raidItems), openOnly ? eq(t.raidItems.status, "open") : undefined, internalOnlyWall(t.raidItems.internalOnly))),
    db.select().from(t.changeRequests).where(inProject(t.changeRequests)),
    db.select().from(t.supportCases).where(inProject(t.supportCases)),
    db.select().from(t.vendors).where(inProject(t.vendors)),
    db.select().from(t.tasks).where(and(inProject(t.tasks), eq(t.tasks.status, "done"))).orderBy(desc(t.tasks.updatedAt)).limit(100),
  ]);
  const memberIds = new Set(members.flatMap((m) => [m.personId, m.backupPersonId ?? ""]));
  const vendorIds = new Set(vendors.map((v) => v.id));
  return {
    project: toProject(project, members),
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
    tasks: tasks.map(toTask),
    recentlyDoneTasks: recentlyDone.map(toTask),
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
    vendors: vendors.map(toVendor),
  };
}

/** A project's directory rows: its members, their people and its vendors' people, its vendors. */
export interface DirectoryRows {
  members: (typeof t.projectMembers.$inferSelect)[];
  people: Person[];
  vendors: Vendor[];
}

/**
 * The project's members and its people and vendors, as a capture write needs them (owner check,
 * names, call type, audience): three reads, none over tasks, RAID items or meetings, so a write
 * costs the same at 100 items as at 100,000 (issue 19). People as in loadSnapshot.
 */
export async function loadDirectoryRows(db: Db, tenantId: string, projectId: string): Promise<DirectoryRows> {
  const [members, people, vendors] = await Promise.all([
    db.select().from(t.projectMembers).where(and(eq(t.projectMembers.tenantId, tenantId), eq(t.projectMembers.projectId, projectId))),
    db.select().from(t.people).where(eq(t.people.tenantId, tenantId)),
    db.select().from(t.vendors).where(and(eq(t.vendors.tenantId, tenantId), eq(t.vendors.projectId, projectId))),
  ]);
  const memberIds = new Set(members.flatMap((m) => [m.personId, m.backupPersonId ?? ""]));
  const vendorIds = new Set(vendors.map((v) => v.id));
  return {
    members,
    people: people.filter((p) => memberIds.has(p.id) || (p.vendorId && vendorIds.has(p.vendorId))).map(toPerson),
    vendors: vendors.map(toVendor),
  };
}

/** The project with its members, and its people and vendors (loadDirectoryRows). */
export async function loadProjectDirectory(db: Db, tenantId: string, project: ProjectRow): Promise<Pick<ProjectSnapshot, "project" | "people" | "vendors">> {
  const rows = await loadDirectoryRows(db, tenantId, project.id);
  return { project: toProject(project, rows.members), people: rows.people, vendors: rows.vendors };
}

/**
 * A project's meetings by start, each with its resolved call type (issue 15 §1): `callType` is
 * the stored type, else what the classifier recognises, so `meetingCallType()` (the override,
 * else `callType`) is the one resolved type every rule reads, however the meeting was added.
 */
export async function loadProjectMeetings(db: Db, tenantId: string, projectId: string): Promise<Meeting[]> {
  const rows = await db
    .select()
    .from(t.meetings)
    .where(and(eq(t.meetings.tenantId, tenantId), eq(t.meetings.projectId, projectId)))
    .orderBy(asc(t.meetings.startsAt));
  const meetings = rows.map(toMeeting);
  if (meetings.every((m) => m.callType !== null)) return meetings;
  return withResolvedCallTypes(meetings, ...(await loadClassifierView(db, tenantId, projectId)));
}

/** What the classifier reads of a project: the project, and its people and vendors as a directory. */
export async function loadClassifierView(db: Db, tenantId: string, projectId: string): Promise<[Project | null, Directory]> {
  const inProject = <T extends { tenantId: unknown; projectId: unknown }>(table: T) =>
    and(eq(table.tenantId as typeof t.tasks.tenantId, tenantId), eq(table.projectId as typeof t.tasks.projectId, projectId));
  const [projectRows, members, people, vendors] = await Promise.all([
    db.select().from(t.projects).where(and(eq(t.projects.tenantId, tenantId), eq(t.projects.id, projectId))).limit(1),
    db.select().from(t.projectMembers).where(inProject(t.projectMembers)),
    db.select().from(t.people).where(eq(t.people.tenantId, tenantId)),
    db.select().from(t.vendors).where(inProject(t.vendors)),
  ]);
  const memberIds = new Set(members.flatMap((m) => [m.personId, m.backupPersonId ?? ""]));
  const vendorIds = new Set(vendors.map((v) => v.id));
  const projectPeople = people.filter((p) => memberIds.has(p.id) || (p.vendorId && vendorIds.has(p.vendorId))).map(toPerson);
  const directory = directoryOfSnapshot({ people: projectPeople, vendors: vendors.map(toVendor) });
  return [projectRows[0] ? toProject(projectRows[0], members) : null, directory];
}

/** The tenant's directory as the classifier sees it. */
export function directoryOf(snapshot: ProjectSnapshot, internalDomains: string[]): Directory {
  return { people: snapshot.people, internalDomains, vendors: snapshot.vendors };
}
