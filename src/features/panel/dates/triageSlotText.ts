import type { TriageSlotTimes } from "../../../../contracts/meetings";
import type { PanelDates } from "./panelDates";

/**
 * The triage slot ("Tuesdays and Thursdays 10–11 am Eastern", the same slot for everyone) as the
 * viewer's own clock shows it, through the one date formatter (`panelDates`, in the viewer's
 * locale and zone): "Tue and Thu, 20:30–21:30" in Kolkata, "Tue and Thu, 15:00–16:00" in London,
 * "Wed and Fri, 2:00–3:00" in Sydney (the days move too). `slots` are one week's instants from the
 * server (MeetingDetail.triageSlot, SeriesDraft.triageSlot); days with different local times are
 * listed one by one. Empty string for no slots.
 */
export function triageSlotText(slots: TriageSlotTimes, dates: PanelDates): string {
  const local = slots.map((s) => ({ day: dates.weekday(s.startsAt), time: `${dates.time(s.startsAt)}–${dates.time(s.endsAt)}` }));
  const first = local[0];
  if (!first) return "";
  if (local.every((l) => l.time === first.time)) return `${local.map((l) => l.day).join(" and ")}, ${first.time}`;
  return local.map((l) => `${l.day} ${l.time}`).join(", ");
}
