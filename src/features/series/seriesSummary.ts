import type { SeriesDraft } from "../../../contracts/series";
import { panelDates } from "../panel/dates/panelDates";

type SummaryDraft = Pick<SeriesDraft, "timing" | "firstStartsAt" | "timeZone">;

/** The pattern in words, its day and time read in `zone` (IANA): "Weekly on Wednesday at 2:00 PM (New York time)". */
function patternIn(draft: SummaryDraft, zone: string, locale: string): string {
  if (!draft.firstStartsAt) return "No occurrence in the range you chose";
  const first = new Date(draft.firstStartsAt);
  const weekday = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: zone }).format(first);
  const time = panelDates({ locale, timeZone: zone }).time(draft.firstStartsAt);
  const inZone = `(${zoneInWords(zone)} time)`;
  const pattern = draft.timing.recurrence.pattern as { type: string; daysOfWeek?: string[]; index?: string };
  const days = pattern.daysOfWeek ?? [];
  const title = (d: string) => d.charAt(0).toUpperCase() + d.slice(1);
  if (pattern.type === "weekly" && days.length === 5 && !days.includes("saturday") && !days.includes("sunday")) return `Every weekday at ${time} ${inZone}`;
  if (pattern.type === "weekly" && days.length > 1) return `Weekly on ${days.map(title).join(" and ")} at ${time} ${inZone}`;
  if (pattern.type === "weekly") return `Weekly on ${weekday} at ${time} ${inZone}`;
  if (pattern.type === "relativeMonthly") return `Monthly on the ${pattern.index ?? "first"} ${weekday} at ${time} ${inZone}`;
  if (pattern.type === "absoluteMonthly") {
    const day = new Intl.DateTimeFormat("en-US", { day: "numeric", timeZone: zone }).format(first);
    return `Monthly on day ${day} at ${time} ${inZone}`;
  }
  return `Daily at ${time} ${inZone}`;
}

/**
 * A series in people's words, in the series' own zone first (`draft.timeZone`, IANA), then the viewer's
 * time only when it reads differently: "Weekly on Wednesday at 2:00 PM (New York time)", or
 * "Weekly on Wednesday at 2:00 PM (New York time); for you 7:00 PM (London time)", with "the next day"
 * or "the day before" when the viewer's calendar day differs. Day and time are read from the first
 * occurrence's instant (`firstStartsAt`, UTC); times are the panel's one formatter's (`panelDates`), in
 * `locale` (BCP 47; default "en-US").
 */
export function seriesSummary(draft: SummaryDraft, viewerZone: string, locale?: string): string {
  const lang = locale ?? "en-US";
  const inSeries = patternIn(draft, draft.timeZone, lang);
  if (!draft.firstStartsAt) return inSeries;
  const series = panelDates({ locale: lang, timeZone: draft.timeZone });
  const viewer = panelDates({ locale: lang, timeZone: viewerZone });
  const at = Date.parse(draft.firstStartsAt);
  const seriesDay = series.today(at);
  const viewerDay = viewer.today(at);
  const time = viewer.time(draft.firstStartsAt);
  if (seriesDay === viewerDay && time === series.time(draft.firstStartsAt)) return inSeries;
  const day = viewerDay > seriesDay ? " the next day" : viewerDay < seriesDay ? " the day before" : "";
  return `${inSeries}; for you ${time}${day} (${zoneInWords(viewerZone)} time)`;
}

/** "America/New_York" → "New York"; "UTC" stays "UTC". */
export function zoneInWords(zone: string): string {
  return (zone.split("/").pop() ?? zone).replace(/_/g, " ");
}
