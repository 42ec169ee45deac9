import { LRUCache } from "lru-cache";

/**
 * Who a credential names in the directory, remembered briefly: every API call needs it, and it
 * changes only when someone is renamed or removed. Access to projects is still checked per
 * request against project_members, so a stale entry can only show a stale name, for `ttlMs` at most.
 *
 * An `lru-cache` with a `fetchMethod` (the same idiom as AgendaCache): concurrent misses on one key
 * share one `load`; a failed load is not remembered. `V` may be `undefined` ("nobody"), which is
 * remembered too (boxed, since lru-cache stores no undefined values).
 */
export class PersonLookupCache<V> {
  private readonly entries: LRUCache<string, { value: V }, () => Promise<V>>;

  /** `ttlMs`: how long an answer is kept (ms); `maxEntries`: least recently used ones go first; `clock`: ms, for tests. */
  constructor(ttlMs = 30_000, maxEntries = 5000, clock: () => number = Date.now) {
    this.entries = new LRUCache({
      max: maxEntries,
      ttl: ttlMs,
      perf: { now: clock },
      ttlResolution: 0, // read the clock on every lookup (it is cheap) rather than once a millisecond
      fetchMethod: async (_key, _stale, { context }) => ({ value: await context() }),
    });
  }

  /** The remembered answer for `key`, boxed (`{ value }`, since the value may be `undefined`), or undefined when none is held: no load, no promise. */
  peek(key: string): { value: V } | undefined {
    return this.entries.get(key);
  }

  /** The remembered answer for `key`, else the result of `load` (called once for concurrent misses); rejects as `load` does. */
  async get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = await this.entries.fetch(key, { context: load });
    if (!hit) throw new Error(`PersonLookupCache: no value loaded for ${key}`);
    return hit.value;
  }
}
