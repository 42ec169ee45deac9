import { describe, expect, it } from "vitest";
import { easternDateOf, easternInstant, easternWallTime } from "../../../server/domain/easternTime";

describe("easternWallTime", () => {
  const cases: [string, string, string, number, number, number, number][] = [
    ["seed 001: 14:00Z on Tue 27 Oct 2026 is 10:00 EDT", "2026-10-27T14:00:00Z", "2026-10-27", 10, 0, 2, -240],
    ["seed 001: 15:00Z on Tue 3 Nov 2026 is 10:00 EST", "2026-11-03T15:00:00Z", "2026-11-03", 10, 0, 2, -300],
    ["seed 001: 14:00Z on Tue 3 Nov 2026 is 09:00 EST", "2026-11-03T14:00:00Z", "2026-11-03", 9, 0, 2, -300],
    ["seed 001: 03:30Z on Wed 25 Nov 2026 is still Tuesday evening in New York", "2026-11-25T03:30:00Z", "2026-11-24", 22, 30, 2, -300],
    ["seed 001: 05:30Z on the fall-back Sunday is the first 01:30 (EDT)", "2026-11-01T05:30:00Z", "2026-11-01", 1, 30, 0, -240],
    ["seed 001: 06:30Z on the fall-back Sunday is the second 01:30 (EST)", "2026-11-01T06:30:00Z", "2026-11-01", 1, 30, 0, -300],
  ];
  it.each(cases)("%s", (_name, instant, date, hour, minute, weekday, offset) => {
    expect(easternWallTime(new Date(instant))).toEqual({ date, hour, minute, second: 0, weekday, offsetMinutes: offset });
  });

  it("gives the New York calendar date", () => {
    expect(easternDateOf(new Date("2026-11-25T04:59:00Z"))).toBe("2026-11-24");
    expect(easternDateOf(new Date("2026-11-25T05:00:00Z"))).toBe("2026-11-25");
  });
});

describe("easternInstant", () => {
  const cases: [string, string, string, string][] = [
    ["seed 001: Tue 27 Oct 2026 10:00 New York (EDT) → 14:00Z", "2026-10-27", "10:00", "2026-10-27T14:00:00.000Z"],
    ["seed 001: Tue 3 Nov 2026 10:00 New York (EST) → 15:00Z", "2026-11-03", "10:00", "2026-11-03T15:00:00.000Z"],
    ["seed 001: the day after spring-forward, 10:00 → 14:00Z", "2026-03-09", "10:00", "2026-03-09T14:00:00.000Z"],
    ["seed 001: the ambiguous 01:30 of fall-back resolves to the first (EDT)", "2026-11-01", "01:30", "2026-11-01T05:30:00.000Z"],
    ["seed 001: the missing 02:30 of spring-forward moves forward to 03:30 EDT", "2026-03-08", "02:30", "2026-03-08T07:30:00.000Z"],
    ["seed 001: midnight in winter", "2026-12-31", "00:00", "2026-12-31T05:00:00.000Z"],
  ];
  it.each(cases)("%s", (_name, date, time, expected) => {
    expect(easternInstant(date, time).toISOString()).toBe(expected);
  });

  it("round-trips with easternWallTime every hour across both 2026 transitions", () => {
    for (const date of ["2026-03-07", "2026-03-09", "2026-10-31", "2026-11-02"]) {
      for (let hour = 0; hour < 24; hour += 1) {
        const time = `${String(hour).padStart(2, "0")}:15`;
        const wall = easternWallTime(easternInstant(date, time));
        expect([wall.date, wall.hour, wall.minute]).toEqual([date, hour, 15]);
      }
    }
  });

  it("refuses malformed times", () => {
    expect(() => easternInstant("2026-11-03", "24:00")).toThrow(RangeError);
    expect(() => easternInstant("2026-11-03", "9:00")).toThrow(RangeError);
  });
});
