/**
 * Who a credential names in the directory, remembered briefly: every API call needs it, and it
 * changes only when someone is renamed or removed. Access to projects is still checked per
 * request against project_members, so a stale entry can only show a stale name, for `ttlMs` at most.
 */
export class PersonLookupCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 5000,
    private readonly clock: () => number = Date.now,
  ) {}

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const now = this.clock();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    const value = await load();
    this.entries.set(key, { value, until: now + this.ttlMs });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }
}
