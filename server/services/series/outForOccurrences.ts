import type { AppDeps } from "../../appDeps";
import type { Person } from "../../../contracts/types";
import { dateIn } from "../../domain/zonedTime";
import { identityOf } from "../../graph/identityOf";
import { overlapsAny } from "../../graph/readSchedules";
import type { MailboxSchedule } from "../../graph/MailCalendarGateway";
import type { RequestContext } from "../../http/requestContext";
import { rememberScheduleZones } from "./organiserZone";
import type { OutForOccurrence } from "./pickSeriesAttendees";
import type { SeriesOccurrence } from "./seriesOccurrences";

/** Graph getSchedule answers at most 62 days (Microsoft docs, calendar-getschedule). */
const MAX_WINDOW_MS = 62 * 86_400_000;

/**
 * Who is out for each occurrence: the person record's out-of-office dates (calendar dates in the
 * person's own zone: their mailbox's working-hours zone, else `zoneOf`), plus, when connected to
 * Microsoft 365, any `oof` item of their mailbox that overlaps the occurrence itself; the zones
 * read are stored on the people records. A mailbox that cannot be read does not block the series.
 */
export async function outForOccurrences(
  deps: AppDeps,
  ctx: RequestContext,
  people: Person[],
  occurrences: SeriesOccurrence[],
  projectId: string,
  zoneOf: (person: Person) => string,
): Promise<OutForOccurrence> {
  const byId = new Map(people.map((p) => [p.id, p]));
  let schedules = new Map<string, MailboxSchedule>();
  const first = occurrences[0];
  const last = occurrences.at(-1);
  if (deps.mailMode === "graph" && ctx.token && first && last) {
    const end = new Date(Math.min(last.end.getTime(), first.start.getTime() + MAX_WINDOW_MS));
    try {
      schedules = await deps.mail(ctx, { projectId }).getSchedules(identityOf(ctx), people.map((p) => p.email), { start: first.start, end });
      await rememberScheduleZones(deps, ctx, schedules);
    } catch {
      schedules = new Map();
    }
  }
  return (personId, occurrence) => {
    const person = byId.get(personId);
    if (!person) return false;
    const ooo = person.outOfOffice;
    if (ooo) {
      const zone = schedules.get(person.email.toLowerCase())?.workingHours?.timeZone ?? zoneOf(person);
      const local = dateIn(occurrence.start, zone);
      if (ooo.from <= local && local <= ooo.until) return true;
    }
    return overlapsAny(occurrence, schedules.get(person.email.toLowerCase())?.outOfOffice ?? []);
  };
}
