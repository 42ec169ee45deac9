import type { Agenda } from "../../../contracts/agenda";
import type { StageCaptureDto } from "../../../contracts/stage";

/** A stage read refused or failed: `status` is the HTTP status (0 when the server did not answer). */
export class StageReadError extends Error {
  constructor(readonly status: number) {
    super(`stage read failed (${status})`);
    this.name = "StageReadError";
  }
}

/** The Authorization value of the stage endpoints (server/routes/stage/router.ts). */
export const stageAuthorization = (ticket: string) => `Stage ${ticket}`;

async function read<T>(path: string, ticket: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { Authorization: stageAuthorization(ticket) }, referrerPolicy: "no-referrer" });
  } catch {
    throw new StageReadError(0);
  }
  if (!res.ok) throw new StageReadError(res.status);
  return (await res.json()) as T;
}

/** The customer-safe agenda and capture of one meeting, read with its stage ticket. Throws StageReadError. */
export async function readStage(meetingId: string, ticket: string): Promise<{ agenda: Agenda; capture: StageCaptureDto }> {
  const id = encodeURIComponent(meetingId);
  const [agenda, capture] = await Promise.all([read<Agenda>(`/api/stage/${id}/agenda`, ticket), read<StageCaptureDto>(`/api/stage/${id}/capture`, ticket)]);
  return { agenda, capture };
}

/** The stage's live stream URL, resuming after `lastEventId` (no ticket in it: that goes in the header). */
export const stageEventsUrl = (meetingId: string, lastEventId: number) => `/api/stage/${encodeURIComponent(meetingId)}/events?lastEventId=${lastEventId}`;

/** The stage read failure as a sentence for everyone watching (guests included). */
export function stageReadMessage(status: number): string {
  if (status === 401) return "This stage view has expired or its link is incomplete. The presenter can share it to the stage again from Callbook.";
  if (status === 403) return "This call has nothing to show on the stage.";
  if (status === 404) return "This call was not found. The presenter can share it to the stage again from Callbook.";
  return "Callbook could not load the stage view. It will try again in a moment.";
}
