import { describe, expect, it } from "vitest";
import { raidLine } from "../../../server/domain/agendaLines";
import type { AgendaContext } from "../../../server/domain/agendaTypes";
import { makeRaid, NOW, riverbendSnapshot, TODAY } from "./fixtures";

const ctx: AgendaContext = { callType: "customer_status", snapshot: riverbendSnapshot(), history: { meetings: [] }, now: NOW, today: TODAY, meetingId: null, meeting: null, timeZone: "America/New_York" };

describe("raidLine: a decision has no due date", () => {
  it("never flags an open decision 'No due date', nor prints it", () => {
    const line = raidLine(makeRaid("d1", "decision", "Single cut-over for commercial accounts", null, null), ctx);
    expect(line.flags).toEqual([]);
    expect(line.detail).not.toMatch(/due date/i);
  });
  it("still flags a risk, an action and an issue without a due date", () => {
    for (const kind of ["risk", "action", "issue"] as const) {
      expect(raidLine(makeRaid(`x-${kind}`, kind, "Something", null, null), ctx).flags).toEqual(["no_due_date"]);
    }
  });
});
