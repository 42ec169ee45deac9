import type { AppDeps } from "../../appDeps";
import type { RequestContext } from "../../http/requestContext";
import type { Availability, IsoDate, Person } from "../../../contracts/types";
import { identityOf } from "../../graph/identityOf";

/** Out-of-office from the people directory (the local default). */
export function availabilityFrom(people: Person[], mailboxOutOfOffice: ReadonlySet<string> = new Set()): Availability {
  const byId = new Map(people.map((p) => [p.id, p]));
  return {
    isOutOfOffice(personId, on) {
      const person = byId.get(personId);
      const ooo = person?.outOfOffice;
      if (ooo && ooo.from <= on && on <= ooo.until) return true;
      return Boolean(person && mailboxOutOfOffice.has(person.email.toLowerCase()));
    },
  };
}

/**
 * Who is out on a day: the directory's dates, plus what the mailboxes say (Graph getSchedule)
 * when Callbook is connected to Microsoft 365. A mailbox that cannot be read does not block the list.
 */
export async function availabilityFor(deps: AppDeps, ctx: RequestContext, people: Person[], on: IsoDate, projectId: string): Promise<Availability> {
  if (deps.mailMode !== "graph" || !ctx.token) return availabilityFrom(people);
  try {
    const out = await deps.mail(ctx, { projectId }).getOutOfOffice(identityOf(ctx), people.map((p) => p.email), on);
    return availabilityFrom(people, out);
  } catch {
    return availabilityFrom(people);
  }
}
