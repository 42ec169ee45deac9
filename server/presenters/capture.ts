import type * as t from "../db/schema";
import type { Person } from "../../contracts/types";
import type { CapturedItemDto, NoteDto } from "../../contracts/capture";
import { iso } from "./iso";

// Capture rows as the panel sees them (contracts/capture.ts): ISO instants, owner names beside ids.

type RaidRow = typeof t.raidItems.$inferSelect;
type NoteRow = typeof t.agendaNotes.$inferSelect;

export function itemDto(r: RaidRow, names: Map<string, string>): CapturedItemDto {
  return raidItemFields(r, r.ownerId ? (names.get(r.ownerId) ?? null) : null);
}

/** A RAID row as every API shows it (the capture panel, and the workspace with a few more fields). */
export function raidItemFields(r: RaidRow, ownerName: string | null): CapturedItemDto {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    description: r.description,
    ownerId: r.ownerId,
    ownerName,
    dueDate: r.dueDate,
    status: r.status,
    internalOnly: r.internalOnly,
    agendaItemKey: r.agendaItemKey,
    raisedInMeetingId: r.raisedInMeetingId,
    provider: r.provider,
    deliverable: r.deliverable,
    recipient: r.recipient,
    neededFor: r.neededFor,
    decidedBy: r.decidedBy,
    decidedAt: iso(r.decidedAt),
    reportedBy: r.reportedBy,
    reportedAt: iso(r.reportedAt),
    location: r.location,
    reproSteps: r.reproSteps,
    createdBy: r.createdBy,
    version: r.version,
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

export function noteDto(n: NoteRow): NoteDto {
  return {
    id: n.id,
    agendaItemKey: n.agendaItemKey,
    body: n.body,
    internalOnly: n.internalOnly,
    createdBy: n.createdBy,
    version: n.version,
    updatedAt: new Date(n.updatedAt).toISOString(),
  };
}

export function nameIndex(people: Pick<Person, "id" | "name">[]): Map<string, string> {
  return new Map(people.map((p) => [p.id, p.name]));
}
