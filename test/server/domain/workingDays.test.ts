import { describe, expect, it } from "vitest";
import { addWorkingDays, isWorkingDay, workingDaysBetween } from "../../../server/domain/workingDays";

// Thanksgiving 2026: Thursday 26 and Friday 27 November as project holidays.
const THANKSGIVING = ["2026-11-26", "2026-11-27"];

describe("isWorkingDay", () => {
  const cases: [string, string, string[], boolean][] = [
    ["seed 003: a Wednesday is a working day", "2026-11-25", [], true],
    ["seed 003: a Saturday is not", "2026-11-28", [], false],
    ["seed 003: a Sunday is not", "2026-11-29", [], false],
    ["seed 003: a project holiday on a weekday is not", "2026-11-26", THANKSGIVING, false],
    ["seed 003: the same Thursday without the holiday list is", "2026-11-26", [], true],
  ];
  it.each(cases)("%s", (_name, date, holidays, expected) => {
    expect(isWorkingDay(date, holidays)).toBe(expected);
  });
});

describe("addWorkingDays", () => {
  const cases: [string, string, number, string[], string][] = [
    ["seed 003: Monday + 2 working days → Wednesday", "2026-11-16", 2, [], "2026-11-18"],
    ["seed 003: Thursday + 2 working days crosses the weekend → Monday", "2026-11-19", 2, [], "2026-11-23"],
    ["seed 003: Friday + 1 working day → Monday", "2026-11-20", 1, [], "2026-11-23"],
    ["seed 003: Wednesday + 2 working days across Thanksgiving and the weekend → Tuesday", "2026-11-25", 2, THANKSGIVING, "2026-12-01"],
    ["seed 003: Wednesday + 2 working days without holidays → Friday", "2026-11-25", 2, [], "2026-11-27"],
    ["seed 003: a Saturday + 1 working day → Monday", "2026-11-21", 1, [], "2026-11-23"],
    ["seed 003: counting backwards over a holiday and a weekend", "2026-11-30", -1, THANKSGIVING, "2026-11-25"],
    ["seed 003: zero working days leaves the date as it is", "2026-11-28", 0, [], "2026-11-28"],
    ["seed 003: across a year end with New Year's Day off", "2026-12-31", 1, ["2027-01-01"], "2027-01-04"],
  ];
  it.each(cases)("%s", (_name, date, count, holidays, expected) => {
    expect(addWorkingDays(date, count, holidays)).toBe(expected);
  });

  it("refuses fractional counts and malformed dates", () => {
    expect(() => addWorkingDays("2026-11-25", 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-02-30", 1)).toThrow(RangeError);
  });
});

describe("workingDaysBetween", () => {
  const cases: [string, string, string, string[], number][] = [
    ["seed 003: same day → 0", "2026-11-25", "2026-11-25", [], 0],
    ["seed 003: Friday to Monday → 1 (the weekend does not count)", "2026-11-20", "2026-11-23", [], 1],
    ["seed 003: Wednesday to next Tuesday over Thanksgiving → 2", "2026-11-25", "2026-12-01", THANKSGIVING, 2],
    ["seed 003: backwards is negative", "2026-12-01", "2026-11-25", THANKSGIVING, -2],
    ["seed 003: a full week → 5", "2026-11-16", "2026-11-23", [], 5],
  ];
  it.each(cases)("%s", (_name, from, to, holidays, expected) => {
    expect(workingDaysBetween(from, to, holidays)).toBe(expected);
  });

  it("agrees with addWorkingDays from a working day", () => {
    for (let n = 0; n <= 30; n += 1) {
      const to = addWorkingDays("2026-11-23", n, THANKSGIVING);
      expect(workingDaysBetween("2026-11-23", to, THANKSGIVING)).toBe(n);
    }
  });
});
