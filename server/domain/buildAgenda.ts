import { allocateMinutes } from "./allocateMinutes";
import { callTypeDefinitions } from "./callTypeDefinitions";
import { deliveryCallItems } from "./deliveryCallItems";
import { utcDateOf } from "./isoDates";
import { statusCallItems } from "./statusCallItems";
import { supportCallItems } from "./supportCallItems";
import type { CallType, IsoDate, Meeting, MeetingHistory, ProjectSnapshot } from "./types";

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

/** What an item filler reads. `today` is the UTC calendar date of `now`. */
export interface AgendaContext {
  callType: CallType;
  snapshot: ProjectSnapshot;
  history: MeetingHistory;
  now: Date;
  today: IsoDate;
  /** The meeting the agenda is for; left out of "since the last call" look-backs. */
  meetingId: string | null;
  /** That meeting (subject, start, invitees) when known: a milestone review reviews the milestone its subject names. */
  meeting: Meeting | null;
}

export interface AgendaItemContent {
  summary?: string;
  lines: AgendaLine[];
  empty?: string;
}

export type AgendaItemFiller = (ctx: AgendaContext) => AgendaItemContent;
export type AgendaItemFillers = Partial<Record<CallType, Record<string, AgendaItemFiller>>>;

const fillers: AgendaItemFillers = { ...statusCallItems, ...deliveryCallItems, ...supportCallItems };

/**
 * The agenda of a call, filled live from the project. Items follow the call type's
 * definition; their time boxes split the meeting length (options.lengthMinutes, else the
 * call type's typical length) by the items' weights and sum exactly to it. Items with no
 * data of their own (Q&A, send notes) carry the definition's guidance as summary.
 */
export function buildAgenda(
  callType: CallType,
  snapshot: ProjectSnapshot,
  history: MeetingHistory,
  now: Date,
  options: { meetingId?: string; lengthMinutes?: number; meeting?: Meeting } = {},
): Agenda {
  const definition = callTypeDefinitions[callType];
  const totalMinutes = options.lengthMinutes ?? definition.typicalMinutes;
  if (!Number.isInteger(totalMinutes) || totalMinutes < 0) {
    throw new RangeError(`Meeting length must be a whole number of minutes ≥ 0, got ${totalMinutes}`);
  }
  const ctx: AgendaContext = {
    callType,
    snapshot,
    history,
    now,
    today: utcDateOf(now),
    meetingId: options.meetingId ?? options.meeting?.id ?? null,
    meeting: options.meeting ?? null,
  };
  const minutes = allocateMinutes(
    definition.agenda.map((item) => item.weight),
    totalMinutes,
  );
  const forCallType = fillers[callType] ?? {};

  const items = definition.agenda.map((item, index): AgendaItem => {
    const filler = forCallType[item.key];
    const content: AgendaItemContent = filler ? filler(ctx) : { lines: [] };
    const summary = content.summary ?? item.guidance;
    return {
      key: item.key,
      title: item.title,
      minutes: minutes[index] ?? 0,
      ...(summary !== undefined ? { summary } : {}),
      lines: content.lines,
      ...(content.empty !== undefined ? { empty: content.empty } : {}),
    };
  });

  return { callType, label: definition.label, totalMinutes, items, generatedAt: now.toISOString() };
}
