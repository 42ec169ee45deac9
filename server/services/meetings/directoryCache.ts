import { LRUCache } from "lru-cache";
import type { Db } from "../../db/database";
import { loadDirectoryRows, type DirectoryRows } from "../../db/loadSnapshot";

const MAX_ENTRIES = 500;

/**
 * Projects' directories (members, people, vendors: loadDirectoryRows) held in memory by one app,
 * keyed on (audience, tenant, project, directory counter). The counter is bumped by the database
 * on every write to those rows (migration 0024) and read by the access query each capture write
 * already makes (loadMeetingAccess), so an entry is never older than the data, on any instance,
 * with no NOTIFY to miss: a change moves the key and the old entry ages out (least recently used
 * past MAX_ENTRIES). The audience is in the key as every cached answer's is, although the
 * directory is the same for both. A failed read is not kept.
 */
export class DirectoryCache {
  private readonly entries = new LRUCache<string, Promise<DirectoryRows>>({ max: MAX_ENTRIES });

  /** The directory of `projectId` at counter `rev`, read with one round of three queries on a miss. */
  get(db: Db, key: { audience: string; tenantId: string; projectId: string; rev: number }): Promise<DirectoryRows> {
    const k = `${key.audience}/${key.tenantId}/${key.projectId}/${key.rev}`;
    const held = this.entries.get(k);
    if (held) return held;
    const read = loadDirectoryRows(db, key.tenantId, key.projectId);
    this.entries.set(k, read);
    read.catch(() => {
      if (this.entries.get(k) === read) this.entries.delete(k);
    });
    return read;
  }
}
