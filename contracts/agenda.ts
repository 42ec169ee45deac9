import type { AgendaTally } from "./agendaTally";
import type { CallType } from "./types";

// The agenda of a call as the panel shows it (GET /api/meetings/:id/agenda); built by
// server/domain/buildAgenda.ts.

export type AgendaFlag =
  | "no_due_date"
  | "past_due"
  | "critical"
  | "high"
  | "achieved"
  | "upcoming"
  | "unanswered"
  | "out_of_office"
  | "blocked";

export interface AgendaLine {
  text: string;
  detail?: string;
  flags: AgendaFlag[];
  ref?: { kind: "task" | "raid" | "milestone" | "case" | "person" | "vendor" | "change_request"; id: string };
}

export interface AgendaItem {
  key: string;
  title: string;
  minutes: number;
  summary?: string;
  /** When the summary counts RAID rows: its parts, so the panel recounts them from live edits (summary is their text at build time). */
  tally?: AgendaTally;
  lines: AgendaLine[];
  /** Text shown when lines is empty, e.g. "No open RAID items". */
  empty?: string;
}

export interface Agenda {
  callType: CallType;
  label: string;
  totalMinutes: number;
  items: AgendaItem[];
  generatedAt: string;
}
