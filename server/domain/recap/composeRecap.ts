import { buildRecapDocument } from "./buildRecapDocument";
import { recapAudience } from "./recapAudience";
import type { Recap, RecapAudience, RecapInput } from "./recapInput";
import { recapRecipients } from "./recapRecipients";
import { renderRecapHtml } from "./renderRecapHtml";
import { renderRecapText } from "./renderRecapText";
import { zonedDateTime } from "./zonedDateTime";
import { recapZones } from "./recapZone";

export type { CapturedItem, CapturedNote, Recap, RecapAudience, RecapInput, RecapRecipient } from "./recapInput";
export { escapeHtml } from "../../../contracts/escapeHtml";
export { recapAudience } from "./recapAudience";

/**
 * The recap e-mail of a call (runbook section 3: bullet points discussed, decisions and
 * agreed changes written down, status report after a customer call).
 *
 * Safety: the audience is external when the caller says so OR when any recipient is external
 * by the one audience rule (domain/audienceOf.ts). An external recap is built from input with
 * every internal-only note and item removed first, so nothing downstream can leak them; `omittedInternal`
 * counts what was removed and is never written into the e-mail itself.
 *
 * Dates: one message for everyone, in the "To" recipients' zone when they share one, else in the
 * sender's (`input.timeZone`), the zone always named, and the call's time also given in the other
 * recipients' zones (rule and reasons in recapZone.ts).
 */
export function composeRecap(input: RecapInput): Recap {
  const { to, cc } = recapRecipients({
    callType: input.callType,
    attendees: input.meeting.attendees,
    sender: input.sender,
    project: input.project,
    people: input.people,
    internalDomains: input.internalDomains,
    chosen: input.recipients ?? null,
  });
  const audience: RecapAudience =
    input.audience === "external" || recapAudience([...to, ...cc], input.internalDomains, input.people) === "external" ? "external" : "internal";

  const notes = audience === "external" ? input.notes.filter((n) => !n.internalOnly) : input.notes;
  const items = audience === "external" ? input.items.filter((i) => !i.internalOnly) : input.items;
  const omittedInternal = input.notes.length - notes.length + (input.items.length - items.length);

  const zones = recapZones({ to, cc, people: input.people, senderZone: input.timeZone });
  const today = zonedDateTime(input.now, zones.timeZone).date;
  const doc = buildRecapDocument({ ...input, audience, notes, items, timeZone: zones.timeZone, alsoInZones: zones.alsoIn }, audience, today);
  return { subject: doc.title, html: renderRecapHtml(doc), text: renderRecapText(doc), to, cc, audience, omittedInternal, timeZone: zones.timeZone };
}
