import { describe, expect, it } from "vitest";
import { EASTERN_TIME_ZONE, dateIn, instantAt, wallTimeIn } from "../../../server/domain/zonedTime";

// The one wall-clock ↔ instant conversion. Expected instants are worked out by hand from the
// tz database rules of each zone (2026), not from the function under test.

describe("instantAt: wall clock → instant", () => {
  const cases: [string, string, string, string, string][] = [
    // New York: spring forward 8 Mar 02:00 EST → 03:00 EDT; fall back 1 Nov 02:00 EDT → 01:00 EST.
    ["New York, the missing 02:30 moves forward by the gap to 03:30 EDT", "America/New_York", "2026-03-08", "02:30", "2026-03-08T07:30:00.000Z"],
    ["New York, the twice-seen 01:30 is the first (EDT)", "America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00.000Z"],
    ["New York, winter 10:00 (EST)", "America/New_York", "2026-12-01", "10:00", "2026-12-01T15:00:00.000Z"],
    // London: 29 Mar 01:00 GMT → 02:00 BST; 25 Oct 02:00 BST → 01:00 GMT.
    ["London, the missing 01:30 moves to 02:30 BST", "Europe/London", "2026-03-29", "01:30", "2026-03-29T01:30:00.000Z"],
    ["London, the twice-seen 01:30 is the first (BST)", "Europe/London", "2026-10-25", "01:30", "2026-10-25T00:30:00.000Z"],
    // Sydney: 5 Apr 03:00 AEDT → 02:00 AEST; 4 Oct 02:00 AEST → 03:00 AEDT.
    ["Sydney, the twice-seen 02:30 is the first (AEDT, +11)", "Australia/Sydney", "2026-04-05", "02:30", "2026-04-04T15:30:00.000Z"],
    ["Sydney, the missing 02:30 moves to 03:30 AEDT", "Australia/Sydney", "2026-10-04", "02:30", "2026-10-03T16:30:00.000Z"],
    // Kolkata: +05:30 all year.
    ["Kolkata, half-hour offset", "Asia/Kolkata", "2026-12-01", "10:00", "2026-12-01T04:30:00.000Z"],
    // Chatham: +12:45 in winter, +13:45 from 27 Sep 02:45 (→ 03:45) to 5 Apr 03:45 (→ 02:45).
    ["Chatham, +12:45 in July", "Pacific/Chatham", "2026-07-01", "10:00", "2026-06-30T21:15:00.000Z"],
    ["Chatham, +13:45 in December", "Pacific/Chatham", "2026-12-01", "10:00", "2026-11-30T20:15:00.000Z"],
    ["Chatham, the missing 03:00 moves to 04:00 (+13:45)", "Pacific/Chatham", "2026-09-27", "03:00", "2026-09-26T14:15:00.000Z"],
    // Lord Howe: +10:30, and +11:00 in summer — a 30-minute shift. 4 Oct 02:00 → 02:30; 5 Apr 02:00 → 01:30.
    ["Lord Howe, the missing 02:15 moves forward 30 minutes to 02:45 (+11)", "Australia/Lord_Howe", "2026-10-04", "02:15", "2026-10-03T15:45:00.000Z"],
    ["Lord Howe, the twice-seen 01:45 is the first (+11)", "Australia/Lord_Howe", "2026-04-05", "01:45", "2026-04-04T14:45:00.000Z"],
    ["Lord Howe, winter 10:00 (+10:30)", "Australia/Lord_Howe", "2026-07-01", "10:00", "2026-06-30T23:30:00.000Z"],
  ];
  it.each(cases)("%s", (_name, zone, date, time, expected) => {
    expect(instantAt(date, time, zone).toISOString()).toBe(expected);
  });

  it("refuses malformed times, impossible dates and unknown zones", () => {
    expect(() => instantAt("2026-11-03", "24:00", EASTERN_TIME_ZONE)).toThrow(RangeError);
    expect(() => instantAt("2026-11-03", "9:00", EASTERN_TIME_ZONE)).toThrow(RangeError);
    expect(() => instantAt("2026-02-30", "09:00", EASTERN_TIME_ZONE)).toThrow(RangeError);
    expect(() => instantAt("2026-11-03", "09:00", "Customized Time Zone")).toThrow(RangeError);
  });
});

describe("wallTimeIn: instant → wall clock", () => {
  const cases: [string, string, string, string, number, number, number, number][] = [
    ["New York, the first 01:30 of fall-back is EDT", "2026-11-01T05:30:00Z", "America/New_York", "2026-11-01", 1, 30, 0, -240],
    ["New York, the second 01:30 is EST", "2026-11-01T06:30:00Z", "America/New_York", "2026-11-01", 1, 30, 0, -300],
    ["03:30Z on Wed 25 Nov 2026 is still Tuesday evening in New York", "2026-11-25T03:30:00Z", "America/New_York", "2026-11-24", 22, 30, 2, -300],
    ["Kolkata +05:30", "2026-12-01T04:30:00Z", "Asia/Kolkata", "2026-12-01", 10, 0, 2, 330],
    ["Chatham +13:45 in summer", "2026-11-30T20:15:00Z", "Pacific/Chatham", "2026-12-01", 10, 0, 2, 825],
    ["Lord Howe +10:30 in winter", "2026-06-30T23:30:00Z", "Australia/Lord_Howe", "2026-07-01", 10, 0, 3, 630],
  ];
  it.each(cases)("%s", (_name, instant, zone, date, hour, minute, weekday, offset) => {
    expect(wallTimeIn(new Date(instant), zone)).toEqual({ date, hour, minute, second: 0, weekday, offsetMinutes: offset });
  });

  it("round-trips every quarter hour across the 2026 transitions of each zone, except inside gaps", () => {
    // Quarter hours inside the gap: 4 for a one-hour gap, 2 for Lord Howe's 30 minutes, 0 on a fall-back day.
    const days: [string, string, number][] = [
      ["America/New_York", "2026-03-08", 4], ["America/New_York", "2026-11-01", 0], ["Europe/London", "2026-03-29", 4],
      ["Australia/Sydney", "2026-10-04", 4], ["Pacific/Chatham", "2026-09-27", 4], ["Australia/Lord_Howe", "2026-10-04", 2],
      ["Australia/Lord_Howe", "2026-04-05", 0],
    ];
    for (const [zone, date, expectedGaps] of days) {
      let gaps = 0;
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
        const wall = wallTimeIn(instantAt(date, time, zone), zone);
        const back = `${String(wall.hour).padStart(2, "0")}:${String(wall.minute).padStart(2, "0")}`;
        if (back !== time) gaps += 1;
        else expect(wall.date).toBe(date);
      }
      expect(gaps, `${zone} ${date}`).toBe(expectedGaps);
    }
  });

  it("gives each zone's own calendar date (a person's 'today')", () => {
    const instant = new Date("2026-12-01T12:00:00Z");
    expect(dateIn(instant, "America/Los_Angeles")).toBe("2026-12-01");
    expect(dateIn(instant, "Pacific/Chatham")).toBe("2026-12-02");
  });
});
