import type { MeetingDetail } from "../../../contracts/meetings";
import { api, isPrefetched, prefetch, seedPrefetched } from "../../api/client";
import type { HostContext } from "../../host/host";
import { byChatPath, teamsMeetingKey, type TeamsMeetingKey } from "../config/teamsMeetingKey";

// Issue 19, Teams mode: the side panel's meeting, agenda and capture are asked for the moment
// teams-js has initialised and the credential (the host's SSO token) can be had, not after React
// renders. The Callbook meeting id behind a Teams chat is remembered per browser profile, so a
// reopened panel asks for all three at once; the first open learns it from the by-chat answer and
// asks for the agenda and capture as soon as that arrives. The app takes these answers from the
// prefetch map (useApi, captureStore), so nothing is asked twice.

const REMEMBERED_PREFIX = "callbook.teamsMeeting.";

function rememberKey(key: TeamsMeetingKey): string {
  return `${REMEMBERED_PREFIX}${key.chatId ?? ""}|${key.teamsMeetingId ?? ""}`;
}

/** The Callbook meeting id last found for this Teams chat in this browser profile, or null. */
export function rememberedMeetingId(key: TeamsMeetingKey): string | null {
  try {
    return localStorage.getItem(rememberKey(key));
  } catch {
    return null;
  }
}

function remember(key: TeamsMeetingKey, meetingId: string): void {
  try {
    localStorage.setItem(rememberKey(key), meetingId);
  } catch {
    // Storage refused (e.g. partitioned third-party storage): the next open chains the requests.
  }
}

function prefetchPanelData(meetingId: string): void {
  prefetch(`/meetings/${meetingId}/agenda`);
  prefetch(`/meetings/${meetingId}/capture`);
}

/**
 * Starts the side panel's requests for a Teams host context: GET /meetings/by-chat, and with a
 * remembered meeting id its /agenda and /capture in parallel. The by-chat answer also stands for
 * GET /meetings/:id (the same MeetingDetail), which MeetingPanel would otherwise ask again. Only in
 * the sidePanel frame (the details tab shows other data); call once the host token source is set.
 * Errors are left in the prefetched promises for the components that take them.
 */
export function startTeamsPanelRequests(host: HostContext): void {
  if (host.mode !== "teams" || host.frameContext !== "sidePanel") return;
  const key = teamsMeetingKey(host);
  if (!key) return;
  const path = byChatPath(key);
  if (isPrefetched(path)) return;
  const known = rememberedMeetingId(key);
  const meeting = api<MeetingDetail>(path);
  seedPrefetched(path, meeting);
  if (known) prefetchPanelData(known);
  meeting
    .then((m) => {
      seedPrefetched(`/meetings/${m.id}`, Promise.resolve(m));
      if (m.id !== known) {
        remember(key, m.id);
        prefetchPanelData(m.id);
      }
    })
    .catch(() => undefined);
}
