import { describe, expect, it } from "vitest";
import { parseCaptureLine, parseDuePhrase } from "../../contracts/captureLine";

// People as the demo project has them (seeds): first names that are unique, and one shared surname.
const people = [
  { id: "p-rachel", name: "Rachel Green" },
  { id: "p-marcus", name: "Marcus Lee" },
  { id: "p-dana", name: "Dana Whitfield" },
  { id: "p-ann", name: "Ann Lee" },
];
// Sunday 29 Nov 2026.
const today = "2026-11-29";

describe("parseCaptureLine", () => {
  it("reads the owner and the due date from 'Rachel: send the rota by Fri'", () => {
    expect(parseCaptureLine("Rachel: send the rota by Fri", people, today)).toEqual({
      kind: "action",
      title: "Send the rota",
      ownerId: "p-rachel",
      dueDate: "2026-12-04",
      dueText: "by Fri",
      unknownOwner: null,
    });
  });

  it("reads full names, day-month dates, tomorrow and ISO dates", () => {
    expect(parseCaptureLine("marcus lee: book the UAT room due 4 Dec", people, today)).toMatchObject({ ownerId: "p-marcus", title: "Book the UAT room", dueDate: "2026-12-04" });
    expect(parseCaptureLine("Dana: confirm dates by tomorrow", people, today)).toMatchObject({ ownerId: "p-dana", dueDate: "2026-11-30" });
    expect(parseCaptureLine("Dana: sign-off by 2027-01-15", people, today)).toMatchObject({ dueDate: "2027-01-15", title: "Sign-off" });
    expect(parseCaptureLine("Dana: cutover before Jan 8", people, today)).toMatchObject({ dueDate: "2027-01-08", title: "Cutover" });
  });

  it("keeps words that only look like a date phrase inside the title", () => {
    expect(parseCaptureLine("Send the report on payroll", people, today)).toMatchObject({ title: "Send the report on payroll", dueDate: null, ownerId: null });
    expect(parseCaptureLine("Decide by Fri whether to go live", people, today)).toMatchObject({ dueDate: null, title: "Decide by Fri whether to go live" });
  });

  it("names an owner it cannot place instead of guessing (unknown, or two people called Lee)", () => {
    expect(parseCaptureLine("Zoe: call the bank", people, today)).toMatchObject({ ownerId: null, unknownOwner: "Zoe", title: "Call the bank" });
    expect(parseCaptureLine("Lee: call the bank", people, today)).toMatchObject({ ownerId: null, unknownOwner: "Lee" });
  });

  it("reads a kind word first, and gives a decision no due date", () => {
    expect(parseCaptureLine("Risk: Marcus: data migration slips by next week", people, today)).toMatchObject({ kind: "risk", ownerId: "p-marcus", dueDate: "2026-11-30" });
    expect(parseCaptureLine("Decision: go live by Fri", people, today)).toMatchObject({ kind: "decision", dueDate: null, title: "Go live by Fri" });
  });
});

describe("parseDuePhrase", () => {
  it("puts a bare weekday after today: on a Friday, 'Fri' is a week away", () => {
    expect(parseDuePhrase("Fri", "2026-12-04")).toBe("2026-12-11");
    expect(parseDuePhrase("friday", "2026-12-03")).toBe("2026-12-04");
    expect(parseDuePhrase("next Tuesday", "2026-11-29")).toBe("2026-12-08");
  });
  it("rolls a passed day-month into next year and refuses impossible dates", () => {
    expect(parseDuePhrase("3 Jan", "2026-11-29")).toBe("2027-01-03");
    expect(parseDuePhrase("31 Feb", "2026-11-29")).toBeNull();
    expect(parseDuePhrase("payroll", "2026-11-29")).toBeNull();
  });
});
