import { createLocalBus, type LiveBus } from "../../server/live/liveBus";

/**
 * The in-process live bus, counting its live subscriptions (one per meeting feed with a stream), so
 * a test can assert that every stream it opened or aborted released what it set up (issue 13 §6).
 */
export function countingBus(): LiveBus & { active(): number } {
  const inner = createLocalBus();
  let active = 0;
  return {
    publish: (m) => inner.publish(m),
    subscribe: (m, listener) => {
      active++;
      const off = inner.subscribe(m, listener);
      return () => {
        active--;
        off();
      };
    },
    close: () => inner.close(),
    active: () => active,
  };
}
