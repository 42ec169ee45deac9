import { describe, expect, it } from "vitest";
import { tallyText, type AgendaTally } from "../../contracts/agendaTally";

// The RAID log's heading, as the server writes it and as the panel recounts it from live rows.
const tally: AgendaTally = {
  raid: [
    { id: "r1", kind: "action", dueDate: "2026-11-20", status: "open" },
    { id: "r2", kind: "issue", dueDate: "2026-11-26", status: "open" },
    { id: "r3", kind: "risk", dueDate: null, status: "open" },
    { id: "r4", kind: "decision", dueDate: null, status: "open" },
    { id: "r5", kind: "action", dueDate: "2026-12-04", status: "open" },
  ],
  parts: [{ count: "open", noun: "open item" }, { text: ": " }, { count: "past_due" }, { text: " past due, " }, { count: "no_due_date" }, { text: " without a due date" }],
};
const today = "2026-11-29";

describe("tallyText", () => {
  it("counts the rows as the server saw them (a decision never lacks a due date)", () => {
    expect(tallyText(tally, today)).toBe("5 open items: 2 past due, 1 without a due date");
  });

  it("recounts with the live rows: a past-due action re-dated to 9 Dec, an undated risk closed", () => {
    const live = { r1: { kind: "action", dueDate: "2026-12-09", status: "open" }, r3: { kind: "risk", dueDate: null, status: "closed" } } as const;
    expect(tallyText(tally, today, (id) => (id === "r1" || id === "r3" ? live[id] : undefined))).toBe("4 open items: 1 past due, 0 without a due date");
  });

  it("writes one item in the singular", () => {
    expect(tallyText({ ...tally, raid: tally.raid.slice(0, 1) }, today)).toBe("1 open item: 1 past due, 0 without a due date");
  });
});
