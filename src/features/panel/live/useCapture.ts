import { useEffect, useMemo, useSyncExternalStore } from "react";
import { CaptureStore, type CaptureSnapshot } from "./captureStore";

/** The live capture of one meeting: loads it, follows its event stream and sends the user's queued changes. */
export function useCapture(meetingId: string): [CaptureSnapshot, CaptureStore] {
  const store = useMemo(() => new CaptureStore(meetingId), [meetingId]);
  useEffect(() => {
    store.start();
    return () => store.stop();
  }, [store]);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return [snapshot, store];
}
