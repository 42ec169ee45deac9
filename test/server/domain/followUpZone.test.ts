import { describe, expect, it } from "vitest";
import { dueFollowUps } from "../../../server/domain/dueFollowUps";
import { followUpZone } from "../../../server/domain/followUpZone";
import { riverbendSnapshot } from "./fixtures";

// A follow-up's "today", 00:00 and 17:00 are the PM's own (issue 14 §2).

describe("follow-ups in the PM's own zone", () => {
  it("is US Eastern when the PM's zone is not known", () => {
    expect(followUpZone(riverbendSnapshot())).toBe("America/New_York");
  });

  it("a PM in Los Angeles owes the weekly report by 17:00 Los Angeles, and it is still Tuesday there at 07:00Z Wednesday", () => {
    const snapshot = riverbendSnapshot();
    const pm = snapshot.project.members.find((m) => m.role === "pm");
    const people = snapshot.people.map((p) => (p.id === pm?.personId ? { ...p, timeZone: "America/Los_Angeles" } : p));
    const inLa = { ...snapshot, people };
    expect(followUpZone(inLa)).toBe("America/Los_Angeles");
    // Wed 2 Dec 2026 07:00Z is Tue 1 Dec 23:00 in Los Angeles and Wed 02:00 in New York.
    const now = new Date("2026-12-02T07:00:00Z");
    const weekly = (s: typeof snapshot, tz: string) => dueFollowUps(s, [], now, {}, tz).find((f) => f.kind === "weekly_status_report");
    expect(weekly(inLa, followUpZone(inLa))?.dueAt).toBe("2026-12-02T01:00:00.000Z"); // Tue 1 Dec 17:00 PST
    expect(weekly(snapshot, followUpZone(snapshot))?.dueAt).toBe("2026-12-02T22:00:00.000Z"); // Wed 2 Dec 17:00 EST
  });
});
