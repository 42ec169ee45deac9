import type { CallType, Person, Project } from "../../../contracts/types";
import { audienceOf } from "../audienceOf";
import type { RecapRecipient } from "./recapInput";

// Who receives the recap: every attendee but the sender. Calls whose recap is the record
// of what was presented to decision makers or the customer (steering, customer status) go
// to the attendees and nobody else; the others copy the project's PM and IM when they did
// not attend, as long as they are internal by the one audience rule (domain/audienceOf.ts).

const attendeesOnly: ReadonlySet<CallType> = new Set<CallType>(["steering_committee", "customer_status"]);

const oneLine = (s: string): string => s.replace(/\s+/g, " ").trim();
const key = (email: string): string => email.trim().toLowerCase();

export function recapRecipients(input: {
  callType: CallType;
  attendees: readonly RecapRecipient[];
  sender: RecapRecipient;
  project: Project;
  people: readonly Person[];
  internalDomains: readonly string[];
  /** The PM's own list (added and removed in the panel): when given, it is the whole "To" line and nobody is copied. */
  chosen?: readonly RecapRecipient[] | null;
}): { to: RecapRecipient[]; cc: RecapRecipient[] } {
  const seen = new Set<string>([key(input.sender.email)]);
  const take = (r: RecapRecipient): RecapRecipient | null => {
    const email = oneLine(r.email);
    if (email === "" || seen.has(key(email))) return null;
    seen.add(key(email));
    return { name: oneLine(r.name) || email, email };
  };

  if (input.chosen) return { to: input.chosen.map(take).filter((r): r is RecapRecipient => r !== null), cc: [] };
  const to = input.attendees.map(take).filter((r): r is RecapRecipient => r !== null);
  if (attendeesOnly.has(input.callType)) return { to, cc: [] };

  const directory = { people: input.people, tenantDomains: input.internalDomains };
  const leads = input.project.members
    .filter((m) => m.role === "pm" || m.role === "im")
    .map((m) => input.people.find((p) => p.id === m.personId))
    .filter((p): p is Person => p !== undefined && audienceOf({ personId: p.id, email: p.email }, directory) === "internal");
  const cc = leads.map((p) => take({ name: p.name, email: p.email })).filter((r): r is RecapRecipient => r !== null);
  return { to, cc };
}
