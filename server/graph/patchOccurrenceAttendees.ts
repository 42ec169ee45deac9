import { z } from "zod";
import type { RequestIdentity } from "../auth/verifyTeamsToken";
import { instantOfLocal } from "../domain/zonedTime";
import type { SeriesAttendee } from "./MailCalendarGateway";
import type { GraphRequester } from "./graphRequester";
import { nextLinkPath } from "./nextLinkPath";
import { ianaZoneFor } from "./timeZoneFor";

const instancesPage = z.object({
  value: z.array(z.object({ id: z.string(), originalStart: z.string().nullish() })),
  "@odata.nextLink": z.string().nullish(),
});

/** An occurrence to give its own attendees: its original local start in the series' zone. */
export interface OccurrenceAttendees {
  /** "YYYY-MM-DDTHH:MM:SS" in the series' zone (`seriesZone`). */
  localStart: string;
  attendees: SeriesAttendee[];
}

/** What happened to each asked occurrence: the instance patched, or none found at that start. */
export interface OccurrencePatchResult {
  patched: { localStart: string; eventId: string }[];
  /** Local starts with no instance of the series at that original start. */
  missing: string[];
}

/** Graph pages event lists (10 by default); one page is asked for at most this many. */
const PAGE_SIZE = 100;

/**
 * Gives some occurrences of a series their own attendees in Outlook (issue 15 §3: an occurrence
 * overlapping someone's out of office invites the backup). Microsoft Graph v1.0:
 * `GET /me/events/{seriesMasterId}/instances?startDateTime&endDateTime` lists the occurrences
 * (asked in UTC with `Prefer: outlook.timezone="UTC"`; pages followed through `@odata.nextLink`),
 * each is matched on `originalStart` (the instant the recurrence put it at, DateTimeOffset) to the
 * wanted local start taken in `seriesZone` (Windows or IANA name) through the one wall-clock
 * conversion, and `PATCH /me/events/{instanceId}` sets its `attendees` (which makes it an
 * exception of the series). A PATCH sets the same list again when repeated, so a replayed
 * create patches harmlessly. Throws GraphRequestFailed when Graph refuses a call.
 */
export async function patchOccurrenceAttendees(
  graph: GraphRequester,
  identity: RequestIdentity,
  input: { seriesMasterId: string; seriesZone: string; occurrences: OccurrenceAttendees[] },
): Promise<OccurrencePatchResult> {
  if (input.occurrences.length === 0) return { patched: [], missing: [] };
  const zone = ianaZoneFor(input.seriesZone);
  const wanted = new Map(input.occurrences.map((o) => [instantOfLocal(o.localStart, zone).getTime(), o]));
  const instants = [...wanted.keys()];
  // Instances overlapping the window are listed: from the first wanted start to a day after the last.
  const from = new Date(Math.min(...instants)).toISOString();
  const to = new Date(Math.max(...instants) + 86_400_000).toISOString();
  const query = `startDateTime=${encodeURIComponent(from)}&endDateTime=${encodeURIComponent(to)}&$select=id,originalStart,type&$top=${PAGE_SIZE}`;
  let path: string | null = `/me/events/${encodeURIComponent(input.seriesMasterId)}/instances?${query}`;
  const found = new Map<number, string>();
  for (let page = 0; path && page < 50; page++) {
    const raw = await graph.call(identity, {
      operation: "listInstances",
      method: "GET",
      path,
      headers: { Prefer: 'outlook.timezone="UTC"' },
      policy: "safe",
    });
    const answer = instancesPage.parse(raw);
    for (const instance of answer.value) {
      const at = instance.originalStart ? Date.parse(instance.originalStart) : Number.NaN;
      if (wanted.has(at)) found.set(at, instance.id);
    }
    path = answer["@odata.nextLink"] ? nextLinkPath(answer["@odata.nextLink"]) : null;
  }
  const result: OccurrencePatchResult = { patched: [], missing: [] };
  for (const [at, occurrence] of wanted) {
    const eventId = found.get(at);
    if (!eventId) {
      result.missing.push(occurrence.localStart);
      continue;
    }
    await graph.call(identity, {
      operation: "updateEvent",
      method: "PATCH",
      path: `/me/events/${encodeURIComponent(eventId)}`,
      policy: "safe",
      body: { attendees: occurrence.attendees.map((a) => ({ emailAddress: { address: a.email, name: a.name }, type: a.type })) },
    });
    result.patched.push({ localStart: occurrence.localStart, eventId });
  }
  return result;
}

/** A nextLink is absolute ("https://graph.microsoft.com/v1.0/me/…"); the requester takes paths below the version. */
