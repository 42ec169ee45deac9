// Teams meetings read out of an appointment's location or body, with the one parser the server
// uses (contracts/teamsMeetingLink): every Teams host and cloud, short /meet/ links, Safe
// Links, and the "Meeting ID / Passcode" lines of the Teams block.
import { findTeamsMeeting, type TeamsMeetingIdentity } from "../../../contracts/teamsMeetingLink";

/**
 * The first Teams join link in a text (an appointment's location or plain-text body), unwrapped
 * from Safe Links, without trailing punctuation; null when the text holds none.
 */
export function findTeamsJoinUrl(text: string | null | undefined): string | null {
  return findTeamsMeeting(text)?.joinWebUrl || null;
}

/**
 * The Teams meeting of an appointment: the location's link first, then the body's; the body's
 * "Meeting ID:" line fills in the join meeting id. Null when neither names a Teams meeting.
 */
export function findAppointmentTeamsMeeting(location: string, body: string): TeamsMeetingIdentity | null {
  const inLocation = findTeamsMeeting(location);
  const inBody = findTeamsMeeting(body);
  if (!inLocation) return inBody;
  return inLocation.joinMeetingId || !inBody?.joinMeetingId ? inLocation : { ...inLocation, joinMeetingId: inBody.joinMeetingId };
}
