import { PersonLookupCache } from "../../auth/personLookupCache";
import type { RequestIdentity } from "../../auth/verifyTeamsToken";
import type { OnlineMeetingRef } from "../../graph/MailCalendarGateway";

/** How long Graph's answer for a chat is reused (ms): a Teams panel's first open asks three times at once. */
export const CHAT_LOOKUP_TTL_MS = 15_000;
const MAX_CHAT_LOOKUPS = 2000;

/**
 * Graph's online meeting behind a Teams chat (findOnlineMeetingByChat) as one caller saw it,
 * remembered for CHAT_LOOKUP_TTL_MS: the side panel's first open sends its meeting, agenda and
 * capture GETs by chat at once, and they share one look-up (the same in-flight promise). Keyed by
 * tenant, user and chat, so an answer never crosses tenants or users (Graph answers per user: a
 * chat the caller is not in is not theirs to resolve). A "not a meeting chat" answer (null) is
 * remembered too; a failed look-up is not. Bounded (least recently used first past MAX_CHAT_LOOKUPS).
 * Only Graph's answer is kept: which Callbook meeting has that join URL is read each time.
 */
export class ChatMeetingLookups {
  private readonly cache: PersonLookupCache<OnlineMeetingRef | null>;

  /** `ttlMs`: how long an answer is reused; `clock`: ms, for tests. */
  constructor(ttlMs = CHAT_LOOKUP_TTL_MS, maxEntries = MAX_CHAT_LOOKUPS, clock: () => number = Date.now) {
    this.cache = new PersonLookupCache(ttlMs, maxEntries, clock);
  }

  /** Graph's answer for `chatId` as `identity`, from `load` on a miss (one call for concurrent misses); rejects as `load` does. */
  find(identity: Pick<RequestIdentity, "tenantId" | "userId">, chatId: string, load: () => Promise<OnlineMeetingRef | null>): Promise<OnlineMeetingRef | null> {
    return this.cache.get(JSON.stringify([identity.tenantId, identity.userId, chatId]), load);
  }
}
