import { makeStyles, tokens } from "@fluentui/react-components";
import type { MeetingDetail } from "../../../contracts/meetings";
import { PanelHeader } from "../panel/PanelHeader";
import { CallTypePicker } from "../panel/CallTypePicker";
import { AgendaView } from "../panel/AgendaView";
import { useCapture } from "../panel/live/useCapture";
import { CaptureContext } from "../panel/capture/captureContext";
import { PrepList } from "./PrepList";

const useStyles = makeStyles({
  main: { padding: tokens.spacingHorizontalL, maxWidth: "760px", boxSizing: "border-box", backgroundColor: tokens.colorNeutralBackground1, minWidth: 0 },
});

/**
 * The meeting's details tab, before the call: what is on the agenda and what to prepare. Its RAID lines
 * are edited in place through the meeting's live capture (same queue, versions and conflicts as the panel).
 */
export function DetailsView({ meeting, onChanged }: { meeting: MeetingDetail; onChanged: () => void }) {
  const styles = useStyles();
  const [snap, store] = useCapture(meeting.id);
  const capture = { store, snap, currentAgendaKey: snap.view?.agendaState.currentAgendaItemKey ?? null };
  return (
    <CaptureContext.Provider value={capture}>
      <main aria-label="Callbook call preparation" data-testid="details" className={styles.main}>
        <PanelHeader meeting={meeting} />
        <CallTypePicker meeting={meeting} onChanged={onChanged} />
        <PrepList meetingId={meeting.id} />
        <AgendaView key={meeting.callType} meetingId={meeting.id} />
      </main>
    </CaptureContext.Provider>
  );
}
