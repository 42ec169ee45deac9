import type { AppDeps } from "../../appDeps";
import type { Db } from "../../db/database";
import { pickAttendees, type AttendeePick } from "../../domain/pickAttendees";
import { resolveCallType } from "../../domain/resolveCallType";
import { EASTERN_TIME_ZONE, dateIn } from "../../domain/zonedTime";
import type { RequestContext } from "../../http/requestContext";
import type { CallType } from "../../../contracts/types";
import { organiserZone } from "../series/organiserZone";
import { availabilityFor } from "./availabilityFor";
import { loadMeetingContext } from "./loadMeetingContext";

/**
 * Who to invite to one call (runbook section 2) for the signed-in viewer: its resolved call type,
 * the runbook's attendees with who is out for the call itself ({@link availabilityFor}), and the
 * warnings. The "on <date>" of the texts is the call's start date in the viewer's own zone (their
 * person record's, else their mailbox settings', else US Eastern), not the UTC date: a call at
 * 23:30 New York is on that day for a New York PM. Throws 404/403 like loadMeetingContext.
 */
export async function pickMeetingAttendees(deps: AppDeps, db: Db, ctx: RequestContext, meetingId: string): Promise<AttendeePick & { callType: CallType }> {
  const mc = await loadMeetingContext(db, ctx, meetingId);
  const { callType } = resolveCallType(mc.meeting, mc.snapshot.project, mc.directory);
  const call = { start: new Date(mc.meeting.startsAt), end: new Date(mc.meeting.endsAt) };
  const viewerZone = (await organiserZone(deps, ctx)) ?? EASTERN_TIME_ZONE;
  const availability = await availabilityFor(deps, ctx, mc.snapshot.people, call, mc.project.id);
  return { callType, ...pickAttendees(callType, mc.snapshot, mc.directory, availability, dateIn(call.start, viewerZone)) };
}
