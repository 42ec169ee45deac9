import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

// Progressive first commit (issue 19): the side panel's first commit holds what is in the first
// screen (header, pinned capture line, the first agenda items); what is further down (the rest of the
// agenda, the item lists, call type, recap) is rendered in the commit right after that screen is
// painted. The side panel's cold-load CPU profile (bench/profilePanelLoad.ts) charged most of the
// main thread between the data's arrival and the agenda's first frame to React rendering, Griffel's
// style insertion and layout of parts no one could see yet.

interface FirstPaint {
  /** True once the first screen has been painted (and forever after). */
  painted: boolean;
  /** Called by the part the first screen waits for, once it shows its answer (data or error). */
  shown: () => void;
}

// Outside a gate (other pages, the details tab) everything renders at once.
const FirstPaintContext = createContext<FirstPaint>({ painted: true, shown: () => undefined });

/** Runs `done` once, in a task after the next frame is painted; a timer covers a hidden page, which paints no frames. */
function afterNextPaint(done: () => void): () => void {
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    done();
  };
  // rAF runs before the frame's paint; the task it posts runs after it.
  let inner: ReturnType<typeof setTimeout> | undefined;
  const frame = typeof requestAnimationFrame === "function" ? requestAnimationFrame(() => (inner = setTimeout(once, 0))) : undefined;
  const fallback = setTimeout(once, 250);
  return () => {
    called = true;
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(inner);
    clearTimeout(fallback);
  };
}

/**
 * Holds back the parts under it that ask `useAfterFirstPaint()` until the part that calls
 * `useShown(true)` has been committed and the frame after it painted. Elements rendered in the
 * first commit stay mounted (the later parts are only added), so nothing above moves or loses focus.
 */
export function FirstPaintGate({ children }: { children: ReactNode }) {
  const [painted, setPainted] = useState(false);
  const cancel = useRef<(() => void) | null>(null);
  const shown = useCallback(() => {
    cancel.current ??= afterNextPaint(() => setPainted(true));
  }, []);
  useEffect(
    () => () => {
      // (Also under StrictMode's extra unmount: the child's effect then asks again.)
      cancel.current?.();
      cancel.current = null;
    },
    [],
  );
  const value = useMemo(() => ({ painted, shown }), [painted, shown]);
  return <FirstPaintContext.Provider value={value}>{children}</FirstPaintContext.Provider>;
}

/** False in the first screen's commit under a FirstPaintGate, true from the commit after its paint (and outside a gate). */
export function useAfterFirstPaint(): boolean {
  return useContext(FirstPaintContext).painted;
}

/** Tells the gate that the first screen is committed once `ready` (its answer, data or error, is shown). */
export function useShown(ready: boolean): void {
  const { shown } = useContext(FirstPaintContext);
  useEffect(() => {
    if (ready) shown();
  }, [ready, shown]);
}
