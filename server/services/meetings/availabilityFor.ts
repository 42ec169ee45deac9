import type { AppDeps } from "../../appDeps";
import type { RequestContext } from "../../http/requestContext";
import type { Availability, Person } from "../../../contracts/types";
import { EASTERN_TIME_ZONE, dateIn } from "../../domain/zonedTime";
import { identityOf } from "../../graph/identityOf";
import { overlapsAny } from "../../graph/readSchedules";
import type { Interval, MailboxSchedule } from "../../graph/MailCalendarGateway";

/**
 * Who is out for one call (`call`: its start and end instants), issue 14 §3:
 * - the directory's out-of-office dates, read as calendar dates in the person's own zone (their
 *   mailbox's working-hours zone, else the people page's, else US Eastern);
 * - when Callbook is connected to Microsoft 365, any `oof` item of their mailbox (Graph
 *   getSchedule over the call, asked in UTC) that overlaps the call itself: a half-day absence
 *   in the afternoon does not take someone out of a morning call, an hour's absence does take
 *   them out of the call it covers.
 * The `on` date pickAttendees passes is not read: the call decides. A mailbox that cannot be
 * read does not block the list (the directory alone answers).
 */
export async function availabilityFor(deps: AppDeps, ctx: RequestContext, people: Person[], call: Interval, projectId: string): Promise<Availability> {
  let schedules = new Map<string, MailboxSchedule>();
  if (deps.mailMode === "graph" && ctx.token) {
    try {
      schedules = await deps.mail(ctx, { projectId }).getSchedules(identityOf(ctx), people.map((p) => p.email), call);
    } catch {
      schedules = new Map();
    }
  }
  const byId = new Map(people.map((p) => [p.id, p]));
  return {
    isOutOfOffice(personId) {
      const person = byId.get(personId);
      if (!person) return false;
      const schedule = schedules.get(person.email.toLowerCase());
      const ooo = person.outOfOffice;
      if (ooo) {
        const local = dateIn(call.start, schedule?.workingHours?.timeZone ?? person.timeZone ?? EASTERN_TIME_ZONE);
        if (ooo.from <= local && local <= ooo.until) return true;
      }
      return overlapsAny(call, schedule?.outOfOffice ?? []);
    },
  };
}
