import type { AgendaStateDto, CapturedItemDto, NoteDto } from "./capture";

/** POST /api/meetings/:id/stage-ticket answer: the ticket and when it expires (UTC ISO instant). */
export interface StageTicketDto {
  meetingId: string;
  ticket: string;
  expiresAt: string;
  /** Where the stage view reads with it: `${path}?ticket=…`. */
  agendaPath: string;
  capturePath: string;
}

/** GET /api/stage/:id/capture answer: what a stage guest may see of the call's capture (customer-safe). */
export interface StageCaptureDto {
  meetingId: string;
  subject: string;
  items: CapturedItemDto[];
  carriedOver: CapturedItemDto[];
  notes: NoteDto[];
  agendaState: AgendaStateDto;
  /** The last live event id when this was read: the stage's stream (`/api/stage/:id/events`) resumes after it. */
  lastEventId: number;
}
