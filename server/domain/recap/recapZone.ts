import type { Person } from "../../../contracts/types";
import { isIanaTimeZone } from "../zonedTime";
import type { RecapRecipient } from "./recapInput";

const key = (email: string): string => email.trim().toLowerCase();

export interface RecapZones {
  /** IANA zone every date and time of the message is written in. */
  timeZone: string;
  /** Other IANA zones of recipients, in which the meeting line also gives the call's time (may be empty). */
  alsoIn: string[];
  /** Why this zone: "recipients" (all the "To" recipients whose zone is known share it) or "sender". */
  from: "recipients" | "sender";
}

/**
 * The zone a recap e-mail is written in (issue 16: "in e-mail, use the recipient's zone when known,
 * else the sender's, and name the zone").
 *
 * One message for all recipients, never one per zone group: a recap is the shared record of the
 * call, so everyone must get the same message with the same recipient list, and "reply all" must
 * reach everyone (a copy per zone would split the thread and show each group only its own members).
 * So, for that one message:
 * - the zone of the "To" recipients when every one of them whose zone is known (a project person
 *   with an IANA `timeZone`) has the same zone;
 * - else, when they span zones or none is known, `senderZone` (the sender's own zone, or the
 *   runbook's US Eastern when unknown: the caller decides);
 * - `alsoIn`: every other known zone among all recipients (To and Cc), so the meeting line can give
 *   each reader the call's time in their own zone too. Sorted by name, without duplicates.
 * Addresses that are not project people, and people without a zone, count as unknown. Pure.
 */
export function recapZones(input: {
  to: readonly RecapRecipient[];
  cc: readonly RecapRecipient[];
  people: readonly Pick<Person, "email" | "timeZone">[];
  senderZone: string;
}): RecapZones {
  const zoneOf = (r: RecapRecipient): string | null => {
    const zone = input.people.find((p) => key(p.email) === key(r.email))?.timeZone ?? null;
    return zone && isIanaTimeZone(zone) ? zone : null;
  };
  const toZones = [...new Set(input.to.map(zoneOf).filter((z): z is string => z !== null))];
  const [only] = toZones;
  const timeZone = toZones.length === 1 && only ? only : input.senderZone;
  const every = new Set([...input.to, ...input.cc].map(zoneOf).filter((z): z is string => z !== null));
  every.delete(timeZone);
  return { timeZone, alsoIn: [...every].sort(), from: toZones.length === 1 ? "recipients" : "sender" };
}

/**
 * The zone of the recap card posted to a meeting's chat (Teams bot, issue 18): the e-mail's rule
 * above with the meeting's invitees (the chat's members) as the "To" recipients and the organiser
 * as the sender, whose zone is their person record's, else `fallbackZone` (the runbook's US Eastern:
 * the caller passes it). Pure.
 */
export function meetingChatZones(input: {
  attendees: readonly RecapRecipient[];
  organizerEmail: string | null;
  people: readonly Pick<Person, "email" | "timeZone">[];
  fallbackZone: string;
}): RecapZones {
  const organiser = input.organizerEmail ? input.people.find((p) => key(p.email) === key(input.organizerEmail ?? "")) : undefined;
  const senderZone = organiser?.timeZone && isIanaTimeZone(organiser.timeZone) ? organiser.timeZone : input.fallbackZone;
  return recapZones({ to: input.attendees, cc: [], people: input.people, senderZone });
}
