import type { LiveEvent } from "../../../contracts/capture";
import type { StageCaptureDto } from "../../../contracts/stage";

/** Applies one live event to what the stage shows: this meeting's items and the agenda's current item. */
export function applyStageEvent(state: StageCaptureDto, event: LiveEvent): StageCaptureDto {
  if (event.type === "agenda") return { ...state, agendaState: event.entity };
  // An item shown before and now internal only: the stream sends its id, the stage drops it.
  if (event.type === "removed") return event.entity.kind === "item" ? { ...state, items: state.items.filter((i) => i.id !== event.entity.id) } : state;
  if (event.type !== "item") return state;
  const item = event.entity;
  const known = state.items.some((i) => i.id === item.id);
  if (!known && item.raisedInMeetingId !== state.meetingId) return state;
  // An item that became internal only would not be sent again: drop it if it ever arrives flagged.
  const items = known ? state.items.map((i) => (i.id === item.id ? item : i)) : [...state.items, item];
  return { ...state, items: items.filter((i) => !i.internalOnly) };
}
