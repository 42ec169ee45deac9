import type * as t from "../db/tables";
import { raidItemFields } from "./capture";
import type { ProjectRow } from "../db/projectAccess";
import { daysBetween, utcDateOf } from "../domain/isoDates";
import type { AuditDto, CaseDto, ChangeRequestDto, MeetingHistoryDto, MemberDto, MilestoneDto, PersonDto, RaidDto, TaskDto, VendorDto, WorkspaceProject } from "../../contracts/workspace";
import type { CallType, Meeting } from "../../contracts/types";
import { callTypeDefinitions } from "../../contracts/callTypeDefinitions";
import { iso } from "./iso";

// What the client sees of each row: ISO instants, owner names beside owner ids. The shapes
// are the explicit response types of contracts/workspace.ts.

export type { CaseDto, ChangeRequestDto, MilestoneDto, PersonDto, RaidDto, TaskDto, VendorDto };

export type TaskRow = typeof t.tasks.$inferSelect;
export type RaidRow = typeof t.raidItems.$inferSelect;
export type MilestoneRow = typeof t.milestones.$inferSelect;
export type ChangeRequestRow = typeof t.changeRequests.$inferSelect;
export type CaseRow = typeof t.supportCases.$inferSelect;
export type VendorRow = typeof t.vendors.$inferSelect;
export type PersonRow = typeof t.people.$inferSelect;

export function projectDto(p: ProjectRow, now: Date): WorkspaceProject {
  return {
    id: p.id,
    name: p.name,
    customerName: p.customerName,
    phase: p.phase,
    rag: p.rag,
    ragReason: p.ragReason,
    pathToGreen: p.pathToGreen,
    ragChangedAt: iso(p.ragChangedAt),
    ragChangedBy: p.ragChangedBy,
    previousRag: p.previousRag,
    goLiveDate: p.goLiveDate,
    daysToGoLive: p.goLiveDate ? daysBetween(utcDateOf(now), p.goLiveDate) : null,
    holidays: p.holidays,
    mrrCents: p.mrrCents,
    integrationType: p.integrationType,
    integrationSummary: p.integrationSummary,
    version: p.version,
  };
}

export const taskDto = (k: TaskRow, ownerName: string | null): TaskDto => ({
  id: k.id,
  name: k.name,
  ownerId: k.ownerId,
  ownerName,
  startDate: k.startDate,
  dueDate: k.dueDate,
  status: k.status,
  dependsOnTaskId: k.dependsOnTaskId,
  externalRef: k.externalRef,
  version: k.version,
});

export const raidDto = (r: RaidRow, ownerName: string | null): RaidDto => ({
  ...raidItemFields(r, ownerName),
  area: r.area,
  createdAt: iso(r.createdAt),
  closedAt: iso(r.closedAt),
});

export const milestoneDto = (m: MilestoneRow): MilestoneDto => ({
  id: m.id,
  name: m.name,
  deliverable: m.deliverable,
  plannedDate: m.plannedDate,
  achievedDate: m.achievedDate,
  signedOffBy: m.signedOffBy,
  signedOffAt: iso(m.signedOffAt),
  version: m.version,
});

export const changeRequestDto = (c: ChangeRequestRow): ChangeRequestDto => ({
  id: c.id,
  description: c.description,
  estimateHours: c.estimateHours === null ? null : Number(c.estimateHours),
  customerConfirmed: c.customerConfirmed,
  decision: c.decision,
  decidedBy: c.decidedBy,
  decidedAt: iso(c.decidedAt),
  createdAt: iso(c.createdAt),
  version: c.version,
});

export const caseDto = (c: CaseRow, ownerName: string | null): CaseDto => ({
  id: c.id,
  caseNumber: c.caseNumber,
  title: c.title,
  severity: c.severity,
  status: c.status,
  ownerId: c.ownerId,
  ownerName,
  resolutionNotes: c.resolutionNotes,
  openedAt: iso(c.openedAt),
  version: c.version,
});

export const vendorDto = (v: VendorRow, contactName: string | null): VendorDto => ({
  id: v.id,
  name: v.name,
  kind: v.kind,
  emailDomains: v.emailDomains,
  contactPersonId: v.contactPersonId,
  contactName,
  goLiveAligned: v.goLiveAligned,
  deliverablesTouchingSchedule: v.deliverablesTouchingSchedule,
  checklist: v.checklist,
  version: v.version,
});

export const personDto = (p: PersonRow): PersonDto => ({
  id: p.id,
  name: p.name,
  email: p.email,
  organisation: p.organisation,
  title: p.title,
  oooFrom: p.oooFrom,
  oooUntil: p.oooUntil,
  timeZone: p.timeZone,
});

export function memberDto(
  m: typeof t.projectMembers.$inferSelect,
  byId: Map<string, PersonRow>,
): MemberDto {
  const p = byId.get(m.personId);
  return {
    id: m.id,
    personId: m.personId,
    name: p?.name ?? "",
    email: p?.email ?? "",
    organisation: p?.organisation ?? "internal",
    title: p?.title ?? "",
    role: m.role,
    backupPersonId: m.backupPersonId,
    backupName: m.backupPersonId ? (byId.get(m.backupPersonId)?.name ?? null) : null,
    oooFrom: p?.oooFrom ?? null,
    oooUntil: p?.oooUntil ?? null,
    timeZone: p?.timeZone ?? null,
  };
}

/** A member (role) with the person's details looked up in the tenant's directory. */
export const memberInDirectoryDto = (m: typeof t.projectMembers.$inferSelect, directory: PersonRow[]): MemberDto =>
  memberDto(m, new Map(directory.map((p) => [p.id, p])));

/** The people page: members by role then name, the project's people by name, the directory as read (by name). */
export function peopleDto(x: { members: (typeof t.projectMembers.$inferSelect)[]; people: PersonRow[]; ofProject: PersonRow[] }) {
  const byId = new Map<string, PersonRow>(x.people.map((p) => [p.id, p]));
  return {
    members: x.members.map((row) => memberDto(row, byId)).sort((a, b) => a.role.localeCompare(b.role) || a.name.localeCompare(b.name)),
    projectPeople: x.ofProject.map(personDto).sort((a, b) => a.name.localeCompare(b.name)),
    directory: x.people.map(personDto),
  };
}

/** A row of the project's meeting history: recap "sent", "upcoming" (not ended at `now`), "owed" (an ended customer status call) or "not_needed". */
export function meetingHistoryDto(meeting: Meeting, recapSentBy: string | null, callType: CallType, now: Date): MeetingHistoryDto {
  const ended = Date.parse(meeting.endsAt) <= now.getTime();
  const recap = meeting.recapSentAt ? "sent" : !ended ? "upcoming" : callType === "customer_status" ? "owed" : "not_needed";
  return {
    id: meeting.id,
    subject: meeting.subject,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    callType,
    callTypeLabel: callTypeDefinitions[callType].label,
    recapSentAt: meeting.recapSentAt,
    recapSentBy,
    recap,
  };
}

/** An audit row with its instant in ISO form. */
export const auditDto = (row: typeof t.auditLog.$inferSelect): AuditDto => ({ ...row, at: new Date(row.at).toISOString() });
