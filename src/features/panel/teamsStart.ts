import type { Agenda } from "../../../contracts/agenda";
import type { CaptureDto } from "../../../contracts/capture";
import type { MeetingDetail } from "../../../contracts/meetings";
import { api, isPrefetched, seedPrefetched } from "../../api/client";
import type { HostContext } from "../../host/host";
import { byChatPath, teamsMeetingKey } from "../config/teamsMeetingKey";

// Issue 19, Teams mode: the side panel's meeting, agenda and capture are asked for the moment
// teams-js has initialised and the credential (the host's SSO token) can be had, not after React
// renders, and all three at once: the server answers the agenda and capture by the same chat key
// as the meeting (GET /meetings/by-chat/agenda, /by-chat/capture), so no request waits for the
// meeting's id, on the first open as on every later one. The app takes these answers from the
// prefetch map under the meeting's own paths (useApi, captureStore), so nothing is asked twice.

/** `/meetings/by-chat/<part>?<the by-chat query>`: the agenda or capture of the meeting behind a chat key. */
function byChatPartPath(byChat: string, part: "agenda" | "capture"): string {
  return byChat.replace("/meetings/by-chat?", `/meetings/by-chat/${part}?`);
}

/**
 * Starts the side panel's requests for a Teams host context: GET /meetings/by-chat and its
 * /by-chat/agenda and /by-chat/capture, in parallel. Once the meeting answers, its id names the
 * three answers in the prefetch map: /meetings/:id (the by-chat MeetingDetail, which MeetingPanel
 * would otherwise ask again), /meetings/:id/agenda and /meetings/:id/capture (a capture that names
 * another meeting, the chat re-linked between the answers, is replaced by a GET of the meeting's own).
 * Only in the sidePanel frame (the details tab shows other data); call once the host token source
 * is set. Errors are left in the prefetched promises for the components that take them.
 */
export function startTeamsPanelRequests(host: HostContext): void {
  if (host.mode !== "teams" || host.frameContext !== "sidePanel") return;
  const key = teamsMeetingKey(host);
  if (!key) return;
  const path = byChatPath(key);
  if (isPrefetched(path)) return;
  const meeting = api<MeetingDetail>(path);
  const agenda = api<Agenda>(byChatPartPath(path, "agenda"));
  const capture = api<CaptureDto>(byChatPartPath(path, "capture"));
  // Each is handled by whoever takes it; unhandled here only so that a 404 is not logged twice.
  for (const request of [agenda, capture]) request.catch(() => undefined);
  seedPrefetched(path, meeting);
  meeting
    .then((m) => {
      // Seeded at once (before the panel renders and asks for them itself).
      seedPrefetched(`/meetings/${m.id}`, Promise.resolve(m));
      seedPrefetched(`/meetings/${m.id}/agenda`, agenda);
      seedPrefetched(`/meetings/${m.id}/capture`, capture.then((c) => (c.meetingId === m.id ? c : api<CaptureDto>(`/meetings/${m.id}/capture`))));
    })
    .catch(() => undefined);
}
