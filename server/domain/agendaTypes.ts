import type { AgendaTally } from "../../contracts/agendaTally";
import type { AgendaLine } from "../../contracts/agenda";
import type { CallType, IsoDate, Meeting, MeetingHistory, ProjectSnapshot } from "../../contracts/types";

// What the agenda item fillers (statusCallItems, deliveryCallItems, supportCallItems) read and
// return; kept apart from buildAgenda.ts so the fillers do not import the module that imports them.

/**
 * What an item filler reads. `today` is the calendar date of `now` in `timeZone`, the project's
 * day: the PM's own zone, else US Eastern (followUpZone), through zonedTime's one conversion.
 */
export interface AgendaContext {
  callType: CallType;
  snapshot: ProjectSnapshot;
  history: MeetingHistory;
  now: Date;
  today: IsoDate;
  /** IANA zone of the project's day ("today", "logged today", "done today"). */
  timeZone: string;
  /** The meeting the agenda is for; left out of "since the last call" look-backs. */
  meetingId: string | null;
  /** That meeting (subject, start, invitees) when known: a milestone review reviews the milestone its subject names. */
  meeting: Meeting | null;
}

export interface AgendaItemContent {
  summary?: string;
  /** The RAID counts behind the summary, recounted live by the panel (contracts/agendaTally.ts). */
  tally?: AgendaTally;
  lines: AgendaLine[];
  empty?: string;
}

export type AgendaItemFiller = (ctx: AgendaContext) => AgendaItemContent;
export type AgendaItemFillers = Partial<Record<CallType, Record<string, AgendaItemFiller>>>;
