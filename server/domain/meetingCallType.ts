import type { CallType, Meeting } from "../../contracts/types";

/** The call type a meeting counts as: a user's override first, then how it was classified. */
export function meetingCallType(meeting: Meeting): CallType | null {
  return meeting.callTypeOverride ?? meeting.callType;
}

/**
 * Whether a meeting handed in as the project's counts for it: meetings filed under another
 * project are ignored; unfiled ones (projectId null) are taken as the caller passed them.
 */
export function isMeetingOfProject(meeting: Meeting, projectId: string): boolean {
  return meeting.projectId === null || meeting.projectId === projectId;
}
