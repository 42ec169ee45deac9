import type { MeetingDetail } from "../../../contracts/meetings";
import { PanelHeader } from "../panel/PanelHeader";
import { CallTypePicker } from "../panel/CallTypePicker";
import { AgendaView } from "../panel/AgendaView";
import { PrepList } from "./PrepList";

/** The meeting's details tab, before the call: what is on the agenda and what to prepare. */
export function DetailsView({ meeting, onChanged }: { meeting: MeetingDetail; onChanged: () => void }) {
  return (
    <main aria-label="Callbook call preparation" data-testid="details" style={{ padding: 16, maxWidth: 760, background: "var(--colorNeutralBackground1)" }}>
      <PanelHeader meeting={meeting} />
      <CallTypePicker meeting={meeting} onChanged={onChanged} />
      <PrepList meetingId={meeting.id} />
      <AgendaView key={meeting.callType} meetingId={meeting.id} />
    </main>
  );
}
