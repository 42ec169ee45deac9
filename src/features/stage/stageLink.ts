// How the meeting stage is opened: the share URL carries the stage ticket.

/**
 * The page Teams loads on the meeting stage for everyone: `${origin}/stage/<meetingId>#ticket=<ticket>`.
 *
 * Why the URL carries the ticket (issue 18 §2): everyone in the meeting sees the stage, guests and
 * anonymous users included, and they have no Teams SSO token for Callbook and are not project
 * members, so the stage page cannot ask for a ticket itself (only an internal member may issue one,
 * `POST /api/meetings/:id/stage-ticket`). The presenter's side panel issues it and shares this URL
 * (teams-js `meeting.shareAppContentToStage`; Microsoft Learn: the shared URL is loaded in the
 * `meetingStage` frame context on every participant's client). `meeting.getAuthenticationTokenForAnonymousUser`
 * covers anonymous users only, not guests, and Callbook would then have to trust a second kind of
 * Microsoft token; a ticket works for all. The ticket sits in the fragment, which browsers never
 * send to a server: it is not in access logs or a Referer; the page sends it in an
 * `Authorization: Stage …` header. It is read-only, customer-safe, names one meeting and expires
 * 15 minutes after the meeting ends (at most 4 hours), so a forwarded link shows nothing internal
 * and stops working soon after.
 */
export function stageUrl(origin: string, meetingId: string, ticket: string): string {
  return `${origin}/stage/${encodeURIComponent(meetingId)}#ticket=${encodeURIComponent(ticket)}`;
}

/** The ticket of the current stage URL's fragment (`#ticket=…`), or null. */
export function ticketFromHash(hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, "")).get("ticket");
  return value ? value : null;
}
