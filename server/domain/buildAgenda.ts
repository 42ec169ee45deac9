import { allocateMinutes } from "./allocateMinutes";
import { callTypeDefinitions } from "../../contracts/callTypeDefinitions";
import { deliveryCallItems } from "./deliveryCallItems";
import { dateIn } from "./zonedTime";
import { followUpZone } from "./followUpZone";
import { statusCallItems } from "./statusCallItems";
import { supportCallItems } from "./supportCallItems";
import type { Agenda, AgendaFlag, AgendaItem, AgendaLine } from "../../contracts/agenda";
import type { CallType, Meeting, MeetingHistory, ProjectSnapshot } from "../../contracts/types";
import type { AgendaContext, AgendaItemContent, AgendaItemFiller, AgendaItemFillers } from "./agendaTypes";

export type { Agenda, AgendaFlag, AgendaItem, AgendaLine };
export type { AgendaContext, AgendaItemContent, AgendaItemFiller, AgendaItemFillers };

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
    today: dateIn(now, followUpZone(snapshot)),
    timeZone: followUpZone(snapshot),
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
      ...(content.tally !== undefined ? { tally: content.tally } : {}),
      lines: content.lines,
      ...(content.empty !== undefined ? { empty: content.empty } : {}),
    };
  });

  return { callType, label: definition.label, totalMinutes, items, generatedAt: now.toISOString() };
}
