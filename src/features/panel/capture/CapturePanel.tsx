import type { MeetingDetail } from "../../../../contracts/meetings";
import { ErrorState, Loading } from "../../../ui/states";
import { useCapture } from "../live/useCapture";
import { CaptureContext } from "./captureContext";
import { SyncStatus } from "./SyncStatus";
import { FailureList } from "./FailureList";
import { LiveAgenda } from "./LiveAgenda";
import { QuickCapture } from "./QuickCapture";
import { CapturedItems, CarriedOver } from "./ItemLists";

/** During the call: the live agenda, quick capture, what was captured and what is carried over. */
export function CapturePanel({ meeting }: { meeting: MeetingDetail }) {
  const [snap, store] = useCapture(meeting.id);
  const value = { store, snap, currentAgendaKey: snap.view?.agendaState.currentAgendaItemKey ?? null };
  return (
    <CaptureContext.Provider value={value}>
      <SyncStatus />
      {snap.load.state === "loading" && !snap.view ? <Loading label="Loading what was captured…" /> : null}
      {snap.load.state === "error" ? <ErrorState message={snap.load.message} onRetry={() => void store.reload()} /> : null}
      {snap.view ? (
        <>
          <FailureList />
          <QuickCapture />
          <CapturedItems />
          <LiveAgenda key={meeting.callType} meetingId={meeting.id} startsAt={meeting.startsAt} />
          <CarriedOver />
        </>
      ) : null}
    </CaptureContext.Provider>
  );
}
