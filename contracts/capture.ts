import { z } from "zod";
import { isoDate, isoDateTime, uuidParam } from "./common";

// What people capture during a call. Client-generated ids make a resent create the same row.

const text = (max: number) => z.string().trim().min(1, "is required").max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).nullable().optional();

export const raidKinds = ["action", "decision", "risk", "issue"] as const;

export const createItemBody = z
  .object({
    id: uuidParam,
    kind: z.enum(raidKinds, { message: "must be one of action, decision, risk, issue" }),
    title: text(500),
    description: optionalText(5000),
    ownerId: uuidParam.nullable().optional(),
    dueDate: isoDate.nullable().optional(),
    internalOnly: z.boolean().optional(),
    agendaItemKey: z.string().max(64).nullable().optional(),
    area: z.enum(["technical", "product", "legal", "marketing", "general"]).optional(),
    provider: optionalText(200),
    deliverable: optionalText(500),
    recipient: optionalText(200),
    neededFor: optionalText(500),
    decidedBy: optionalText(200),
    decidedAt: isoDateTime.nullable().optional(),
    reportedBy: optionalText(200),
    reportedAt: isoDateTime.nullable().optional(),
    location: optionalText(500),
    reproSteps: optionalText(5000),
  })
  .strict();
export type CreateItemBody = z.infer<typeof createItemBody>;

export const updateItemBody = z
  .object({
    version: z.number({ message: "is required (the version you edited)" }).int().min(1),
    title: text(500).optional(),
    description: optionalText(5000),
    ownerId: uuidParam.nullable().optional(),
    dueDate: isoDate.nullable().optional(),
    status: z.enum(["open", "closed"]).optional(),
    internalOnly: z.boolean().optional(),
  })
  .strict();
export type UpdateItemBody = z.infer<typeof updateItemBody>;

export const createNoteBody = z
  .object({
    id: uuidParam,
    agendaItemKey: z.string().trim().min(1, "is required").max(64),
    body: text(5000),
    internalOnly: z.boolean().optional(),
  })
  .strict();
export type CreateNoteBody = z.infer<typeof createNoteBody>;

export const updateNoteBody = z
  .object({
    version: z.number({ message: "is required (the version you edited)" }).int().min(1),
    body: text(5000).optional(),
    internalOnly: z.boolean().optional(),
  })
  .strict();

export const agendaStateBody = z
  .object({
    agendaItemKey: z.string().trim().min(1, "is required").max(64),
    discussed: z.boolean().optional(),
    current: z.boolean().optional(),
  })
  .strict();

export const itemParams = z.object({ id: uuidParam, itemId: uuidParam });
export const noteParams = z.object({ id: uuidParam, noteId: uuidParam });

export interface CapturedItemDto {
  id: string;
  kind: (typeof raidKinds)[number];
  title: string;
  description: string | null;
  ownerId: string | null;
  ownerName: string | null;
  dueDate: string | null;
  status: "open" | "closed";
  internalOnly: boolean;
  agendaItemKey: string | null;
  raisedInMeetingId: string | null;
  provider: string | null;
  deliverable: string | null;
  recipient: string | null;
  neededFor: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  reportedBy: string | null;
  reportedAt: string | null;
  location: string | null;
  reproSteps: string | null;
  createdBy: string | null;
  version: number;
  updatedAt: string;
}

export interface NoteDto {
  id: string;
  agendaItemKey: string;
  body: string;
  internalOnly: boolean;
  createdBy: string | null;
  version: number;
  updatedAt: string;
}

export interface AgendaStateDto {
  currentAgendaItemKey: string | null;
  /** ISO instant the current item was made current (shared: every participant's time box counts from it). */
  currentStartedAt?: string | null;
  discussed: string[];
}

export interface CaptureDto {
  meetingId: string;
  internalByDefault: boolean;
  /** False for an external caller (customer or vendor member): the panel offers no "Internal only". */
  canMarkInternal: boolean;
  items: CapturedItemDto[];
  carriedOver: CapturedItemDto[];
  /**
   * Open RAID items of the project raised outside this meeting (the caller's audience only): the
   * agenda's and the prep list's RAID lines are edited in place through these rows and their versions.
   * Absent from views that edit nothing (the stage).
   */
  projectRaid?: CapturedItemDto[];
  notes: NoteDto[];
  agendaState: AgendaStateDto;
  people: { id: string; name: string; organisation: string; attendee: boolean }[];
  lastEventId: number;
}

/**
 * One live event: the id orders and resumes; the entity is the row as it is now. `removed` (ids
 * only) is what an external stream (a customer's panel, the meeting stage) gets instead of an item
 * or note that was sent to it before and is now internal only: the client drops it.
 */
export type LiveEvent =
  | { id: number; type: "item"; entity: CapturedItemDto }
  | { id: number; type: "note"; entity: NoteDto }
  | { id: number; type: "agenda"; entity: AgendaStateDto }
  | { id: number; type: "removed"; entity: { kind: "item" | "note"; id: string } };
