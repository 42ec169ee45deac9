import type { SeriesDraft } from "../../../contracts/series";
import { panelDates } from "../panel/dates/panelDates";

/**
 * A series in people's words, in the viewer's zone: "Weekly on Wednesday at 2:00 PM (New York time)",
 * "Every weekday at 9:00 AM (London time)", "Monthly on the first Tuesday at 10:00 AM (New York time)".
 * The day and time are read from the first occurrence's instant (`firstStartsAt`, UTC) in `viewerZone` (IANA);
 * the time is the panel's one formatter's (`panelDates`), in `locale` (BCP 47; default "en-US").
 */
export function seriesSummary(draft: Pick<SeriesDraft, "timing" | "firstStartsAt">, viewerZone: string, locale?: string): string {
  if (!draft.firstStartsAt) return "No occurrence in the range you chose";
  const first = new Date(draft.firstStartsAt);
  const weekday = new Intl.DateTimeFormat(locale ?? "en-US", { weekday: "long", timeZone: viewerZone }).format(first);
  const time = panelDates({ locale: locale ?? "en-US", timeZone: viewerZone }).time(draft.firstStartsAt);
  const zone = `(${zoneInWords(viewerZone)} time)`;
  const pattern = draft.timing.recurrence.pattern as { type: string; daysOfWeek?: string[]; index?: string };
  const days = pattern.daysOfWeek ?? [];
  const title = (d: string) => d.charAt(0).toUpperCase() + d.slice(1);
  if (pattern.type === "weekly" && days.length === 5 && !days.includes("saturday") && !days.includes("sunday")) return `Every weekday at ${time} ${zone}`;
  if (pattern.type === "weekly" && days.length > 1) return `Weekly on ${days.map(title).join(" and ")} at ${time} ${zone}`;
  if (pattern.type === "weekly") return `Weekly on ${weekday} at ${time} ${zone}`;
  if (pattern.type === "relativeMonthly") return `Monthly on the ${pattern.index ?? "first"} ${weekday} at ${time} ${zone}`;
  if (pattern.type === "absoluteMonthly") {
    const day = new Intl.DateTimeFormat("en-US", { day: "numeric", timeZone: viewerZone }).format(first);
    return `Monthly on day ${day} at ${time} ${zone}`;
  }
  return `Daily at ${time} ${zone}`;
}

/** "America/New_York" → "New York"; "UTC" stays "UTC". */
export function zoneInWords(zone: string): string {
  return (zone.split("/").pop() ?? zone).replace(/_/g, " ");
}
