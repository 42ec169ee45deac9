import type { AgendaLine } from "../../contracts/agenda";
import type { CallType, IsoDate, MeetingHistory, ProjectSnapshot } from "../../contracts/types";

// What the agenda item fillers (statusCallItems, deliveryCallItems, supportCallItems) read and
// return; kept apart from buildAgenda.ts so the fillers do not import the module that imports them.

/** What an item filler reads. `today` is the UTC calendar date of `now`. */
export interface AgendaContext {
  callType: CallType;
  snapshot: ProjectSnapshot;
  history: MeetingHistory;
  now: Date;
  today: IsoDate;
  /** The meeting the agenda is for; left out of "since the last call" look-backs. */
  meetingId: string | null;
}

export interface AgendaItemContent {
  summary?: string;
  lines: AgendaLine[];
  empty?: string;
}

export type AgendaItemFiller = (ctx: AgendaContext) => AgendaItemContent;
export type AgendaItemFillers = Partial<Record<CallType, Record<string, AgendaItemFiller>>>;
