import { lazy, Suspense, useState } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Agenda } from "../../../../contracts/agenda";
import type { MeetingDetail } from "../../../../contracts/meetings";
import { useApi } from "../../../ui/useApi";
import { ErrorState, Loading } from "../../../ui/states";
import { useAfterFirstPaint, useShown } from "../../../ui/firstPaint";
import { useMarkFirstScreen } from "../../../ui/firstScreen";
import { useCapture } from "../live/useCapture";
import { CaptureContext, useCaptureContext } from "./captureContext";
import { SyncStatus } from "./SyncStatus";
import { FailureList } from "./FailureList";
import { CurrentItemStrip, LiveAgenda } from "./LiveAgenda";
import { CaptureLine, type Added } from "./CaptureLine";
import { CapturedItems, CarriedOver } from "./ItemLists";

// The full capture form (with its person combobox, Fluent's positioning and tabster) is a chunk of its
// own, loaded when "More fields" is first pressed (issue 12: the first paint needs only what it shows).
const QuickCapture = lazy(() => import("./QuickCapture").then((m) => ({ default: m.QuickCapture })));

const useStyles = makeStyles({
  // Pinned while the agenda scrolls under it: the current item and the capture line stay in reach.
  pinned: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    display: "grid",
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  added: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", flexWrap: "wrap", minWidth: 0 },
  addedText: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
});

/** "Added action item “…”": what the last capture added, with a way to take it back. */
function AddedLine({ added, onUndone }: { added: Added | null; onUndone: (text: string) => void }) {
  const { store } = useCaptureContext();
  const styles = useStyles();
  return (
    <div className={styles.added} role="status" aria-live="polite" data-testid="added">
      {added ? (
        <>
          <Text size={200} className={styles.addedText}>
            {added.text}
          </Text>
          <Button
            size="small"
            appearance="subtle"
            onClick={() => onUndone(store.undoAdd(added.itemId) === "dropped" ? "Undone: nothing was saved." : "Undone: the item is closed.")}
          >
            Undo
          </Button>
        </>
      ) : null}
    </div>
  );
}

/**
 * The call itself: pinned current item and capture line, then the agenda. The agenda shows as soon as
 * it is known, without waiting for the capture (its parts that need the capture say they are loading).
 */
function LiveCall({ meeting }: { meeting: MeetingDetail }) {
  const styles = useStyles();
  const [agenda, reload] = useApi<Agenda>(`/meetings/${meeting.id}/agenda`);
  useShown(agenda.state !== "loading");
  // The panel's first screen: the agenda (or why it is missing); extras load after it (MeetingPanel).
  useMarkFirstScreen(agenda.state !== "loading");
  const [added, setAdded] = useState<Added | null>(null);
  const [undone, setUndone] = useState<string | null>(null);
  const [full, setFull] = useState(false);
  const onAdded = (a: Added) => {
    setUndone(null);
    setAdded(a);
  };
  return (
    <>
      <div className={styles.pinned}>
        {agenda.state === "ready" ? <CurrentItemStrip agenda={agenda.data} startsAt={meeting.startsAt} /> : null}
        <CaptureLine onAdded={onAdded} onMore={() => setFull((f) => !f)} />
        {undone ? (
          <Text size={200} role="status">
            {undone}
          </Text>
        ) : (
          <AddedLine
            added={added}
            onUndone={(text) => {
              setAdded(null);
              setUndone(text);
            }}
          />
        )}
      </div>
      {full ? (
        <Suspense fallback={<Loading label="Opening the form…" />}>
          <QuickCapture onAdded={onAdded} onClose={() => setFull(false)} />
        </Suspense>
      ) : null}
      {agenda.state === "loading" ? <Loading label="Building the agenda…" /> : null}
      {agenda.state === "error" ? <ErrorState title={agenda.explained.title} message={agenda.message} onRetry={reload} /> : null}
      {agenda.state === "ready" ? <LiveAgenda agenda={agenda.data} startsAt={meeting.startsAt} /> : null}
    </>
  );
}

/** What was captured and what is carried over: under the agenda, so rendered once the first screen is painted. */
function ItemListsBelow() {
  if (!useAfterFirstPaint()) return null;
  return (
    <>
      <CapturedItems />
      <CarriedOver />
    </>
  );
}

/**
 * During the call: the agenda first with the current item pinned, one-line capture, what was captured,
 * what is carried over. The agenda does not wait for the capture (the slowest of the panel's answers):
 * until it is there, the parts made of it (current item, capture line, ticks, notes, item lists) show
 * that they are loading.
 */
export function CapturePanel({ meeting }: { meeting: MeetingDetail }) {
  const [snap, store] = useCapture(meeting.id);
  const value = { store, snap, currentAgendaKey: snap.view?.agendaState.currentAgendaItemKey ?? null };
  // No capture, no agenda under it: the error is the first screen.
  useMarkFirstScreen(snap.load.state === "error" && !snap.view);
  return (
    <CaptureContext.Provider value={value}>
      <SyncStatus />
      {snap.load.state === "error" ? <ErrorState message={snap.load.message} onRetry={() => void store.reload()} /> : null}
      <FailureList />
      <LiveCall key={meeting.callType} meeting={meeting} />
      <ItemListsBelow />
    </CaptureContext.Provider>
  );
}
