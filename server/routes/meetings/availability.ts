import type { Availability, Person } from "../../domain/types";

/** Out-of-office from the people directory (the local default; Graph mode asks the mailbox). */
export function availabilityFrom(people: Person[]): Availability {
  const byId = new Map(people.map((p) => [p.id, p]));
  return {
    isOutOfOffice(personId, on) {
      const ooo = byId.get(personId)?.outOfOffice;
      return Boolean(ooo && ooo.from <= on && on <= ooo.until);
    },
  };
}
