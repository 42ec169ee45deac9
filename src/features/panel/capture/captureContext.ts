import { createContext, useContext } from "react";
import type { CaptureStore, CaptureSnapshot } from "../live/captureStore";

export interface CaptureContextValue {
  store: CaptureStore;
  snap: CaptureSnapshot;
  /** The agenda item being discussed: new notes and items are filed under it. */
  currentAgendaKey: string | null;
}

export const CaptureContext = createContext<CaptureContextValue | null>(null);

export function useCaptureContext(): CaptureContextValue {
  const value = useContext(CaptureContext);
  if (!value) throw new Error("useCaptureContext outside CapturePanel");
  return value;
}

/** The capture, where there is one (the side panel and the details tab); null in a read-only view. */
export function useOptionalCaptureContext(): CaptureContextValue | null {
  return useContext(CaptureContext);
}
