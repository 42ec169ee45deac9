import { describe, expect, it } from "vitest";
import { PersonLookupCache } from "../../../server/auth/personLookupCache";
import { MeetingAnswerCache } from "../../../server/services/meetings/meetingAnswerCache";
import { ChatMeetingLookups } from "../../../server/services/meetings/chatMeetingLookups";

/** A promise whose resolution the test controls, and a count of how often it was asked for. */
function gate<T>() {
  let open: (value: T) => void = () => undefined;
  const promise = new Promise<T>((resolve) => (open = resolve));
  let calls = 0;
  return {
    load: () => {
      calls++;
      return promise;
    },
    open: (value: T) => open(value),
    calls: () => calls,
  };
}

describe("PersonLookupCache (lru-cache)", () => {
  it("concurrent misses on one key load once, and later calls reuse the answer", async () => {
    const cache = new PersonLookupCache<{ id: string }>();
    const g = gate<{ id: string }>();
    const both = Promise.all([cache.get("t1/dana@contoso.com", g.load), cache.get("t1/dana@contoso.com", g.load)]);
    g.open({ id: "p_dana" });
    expect(await both).toEqual([{ id: "p_dana" }, { id: "p_dana" }]);
    expect(await cache.get("t1/dana@contoso.com", () => Promise.reject(new Error("not asked")))).toEqual({ id: "p_dana" });
    expect(g.calls()).toBe(1);
  });

  it("remembers 'nobody' (undefined) too, and asks again after the TTL", async () => {
    let now = 1_000_000;
    const cache = new PersonLookupCache<string | undefined>(30_000, 10, () => now);
    let loads = 0;
    const load = () => Promise.resolve((loads++, undefined));
    expect(await cache.get("t1/ghost@contoso.com", load)).toBeUndefined();
    now += 29_000;
    expect(await cache.get("t1/ghost@contoso.com", load)).toBeUndefined();
    expect(loads).toBe(1);
    now += 2_000;
    await cache.get("t1/ghost@contoso.com", load);
    expect(loads).toBe(2);
  });

  it("a failed load rejects every waiting caller and is not remembered", async () => {
    const cache = new PersonLookupCache<string>();
    const failing = () => Promise.reject(new Error("directory down"));
    await expect(Promise.all([cache.get("k", failing), cache.get("k", failing)])).rejects.toThrow("directory down");
    expect(await cache.get("k", () => Promise.resolve("back"))).toBe("back");
  });

  it("keeps at most maxEntries, dropping the least recently used", async () => {
    const cache = new PersonLookupCache<string>(30_000, 2);
    await cache.get("a", () => Promise.resolve("A"));
    await cache.get("b", () => Promise.resolve("B"));
    await cache.get("a", () => Promise.resolve("not asked"));
    await cache.get("c", () => Promise.resolve("C"));
    expect(await cache.get("a", () => Promise.resolve("reloaded"))).toBe("A");
    expect(await cache.get("b", () => Promise.resolve("reloaded"))).toBe("reloaded");
  });
});

describe("MeetingAnswerCache.fetch (lru-cache)", () => {
  it("concurrent misses on one key build the agenda once; another key builds its own", async () => {
    const cache = new MeetingAnswerCache();
    const g = gate<string>();
    const both = Promise.all([cache.fetch("t1/m1/3/1/100", g.load), cache.fetch("t1/m1/3/1/100", g.load)]);
    g.open('{"items":[]}');
    expect(await both).toEqual(['{"items":[]}', '{"items":[]}']);
    expect(g.calls()).toBe(1);
    expect(await cache.fetch("t1/m1/4/1/100", () => Promise.resolve('{"items":[1]}'))).toBe('{"items":[1]}');
    expect(await cache.fetch("t1/m1/3/1/100", () => Promise.resolve("not asked"))).toBe('{"items":[]}');
  });

  it("a failed build (e.g. a 404 for the meeting) is not remembered", async () => {
    const cache = new MeetingAnswerCache();
    await expect(cache.fetch("k", () => Promise.reject(new Error("meeting not found")))).rejects.toThrow("meeting not found");
    expect(await cache.fetch("k", () => Promise.resolve("{}"))).toBe("{}");
  });
});

describe("ChatMeetingLookups (Graph's meeting behind a Teams chat, per user and tenant)", () => {
  const steer = { joinWebUrl: "https://teams.microsoft.com/l/meetup-join/19%3ameeting_m_steer%40thread.v2/0", onlineMeetingId: "MSo1" };
  const chat = "19:meeting_m_steer@thread.v2";

  it("three concurrent look-ups of one chat by one user ask once; another user or tenant asks for their own", async () => {
    const lookups = new ChatMeetingLookups();
    const g = gate<typeof steer | null>();
    const dana = { tenantId: "t1", userId: "oid-dana" };
    const three = Promise.all([lookups.find(dana, chat, g.load), lookups.find(dana, chat, g.load), lookups.find(dana, chat, g.load)]);
    g.open(steer);
    expect(await three).toEqual([steer, steer, steer]);
    expect(g.calls()).toBe(1);
    let others = 0;
    const other = () => Promise.resolve((others++, null));
    expect(await lookups.find({ tenantId: "t1", userId: "oid-marcus" }, chat, other)).toBeNull();
    expect(await lookups.find({ tenantId: "t2", userId: "oid-dana" }, chat, other)).toBeNull();
    expect(others).toBe(2);
  });

  it("asks Graph again after the TTL", async () => {
    let now = 5_000_000;
    const lookups = new ChatMeetingLookups(15_000, 10, () => now);
    let loads = 0;
    const load = () => Promise.resolve((loads++, steer));
    const dana = { tenantId: "t1", userId: "oid-dana" };
    await lookups.find(dana, chat, load);
    now += 14_000;
    await lookups.find(dana, chat, load);
    expect(loads).toBe(1);
    now += 2_000;
    await lookups.find(dana, chat, load);
    expect(loads).toBe(2);
  });
});
