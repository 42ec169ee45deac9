import { useEffect, useState } from "react";

// Issue 19: nothing the panel does not need for its first screen competes with it. The side panel's
// first screen is its agenda (shown, or its error); extras such as "Share to stage" load after it,
// when the browser is idle, and appear a moment later.

let shown = false;
const waiting = new Set<() => void>();

/** Says the first screen is up (the agenda shown or failed); idempotent. Called by the component that shows it. */
export function markFirstScreenShown(): void {
  if (shown) return;
  shown = true;
  for (const wake of waiting) wake();
  waiting.clear();
}

/** Calls `then` once the browser is idle (requestIdleCallback, up to `timeoutMs`; a task where it is missing, e.g. Safari). */
function whenIdle(then: () => void, timeoutMs = 500): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const id = window.requestIdleCallback(then, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(then, 0);
  return () => window.clearTimeout(id);
}

/**
 * False until the first screen is shown (markFirstScreenShown) and then the browser has been idle
 * once; true from then on. A component renders what it gates (a lazy chunk) only once this is true,
 * so the chunk is asked for after the first paint, never with it.
 */
export function useAfterFirstScreen(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (ready) return;
    let cancelIdle: (() => void) | null = null;
    const wake = () => {
      cancelIdle = whenIdle(() => setReady(true));
    };
    if (shown) wake();
    else waiting.add(wake);
    return () => {
      waiting.delete(wake);
      cancelIdle?.();
    };
  }, [ready]);
  return ready;
}

/** Marks the first screen shown once `isShown` is true (after the render that shows it is committed). */
export function useMarkFirstScreen(isShown: boolean): void {
  useEffect(() => {
    if (isShown) markFirstScreenShown();
  }, [isShown]);
}
