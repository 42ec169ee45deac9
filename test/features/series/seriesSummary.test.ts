import { describe, expect, it } from "vitest";
import { seriesSummary, zoneInWords } from "../../../src/features/series/seriesSummary";

const weekly = (days: string[]) => ({ pattern: { type: "weekly", interval: 1, daysOfWeek: days }, range: { type: "noEnd", startDate: "2026-12-02" } });
const timing = (recurrence: ReturnType<typeof weekly> | object) => ({ start: { dateTime: "", timeZone: "" }, end: { dateTime: "", timeZone: "" }, recurrence: recurrence as ReturnType<typeof weekly> });

describe("the series summary: the series' zone first, the viewer's only when it reads differently", () => {
  // The new user's report: a New York series read "Weekly on Wednesday at 7:00 PM (UTC time)" in a UTC browser.
  const newYork = { firstStartsAt: "2026-12-02T19:00:00.000Z", timeZone: "America/New_York", timing: timing(weekly(["wednesday"])) };
  it("writes a New York series in New York time, then the viewer's time when different", () => {
    expect(seriesSummary(newYork, "America/New_York")).toBe("Weekly on Wednesday at 2:00 PM (New York time)");
    expect(seriesSummary(newYork, "UTC")).toBe("Weekly on Wednesday at 2:00 PM (New York time); for you 7:00 PM (UTC time)");
    expect(seriesSummary(newYork, "Europe/London")).toBe("Weekly on Wednesday at 2:00 PM (New York time); for you 7:00 PM (London time)");
    expect(seriesSummary(newYork, "Asia/Tokyo")).toBe("Weekly on Wednesday at 2:00 PM (New York time); for you 4:00 AM the next day (Tokyo time)");
    // Another zone that reads the same (Detroit keeps New York's clock): nothing added.
    expect(seriesSummary(newYork, "America/Detroit")).toBe("Weekly on Wednesday at 2:00 PM (New York time)");
  });
  it("says every weekday, several days, and monthly", () => {
    const base = { firstStartsAt: "2026-12-01T14:00:00.000Z", timeZone: "America/New_York" };
    expect(seriesSummary({ ...base, timing: timing(weekly(["monday", "tuesday", "wednesday", "thursday", "friday"])) }, "America/New_York")).toBe("Every weekday at 9:00 AM (New York time)");
    expect(seriesSummary({ ...base, timing: timing(weekly(["tuesday", "thursday"])) }, "America/New_York")).toBe("Weekly on Tuesday and Thursday at 9:00 AM (New York time)");
    const monthly = { pattern: { type: "relativeMonthly", interval: 1, daysOfWeek: ["tuesday"], index: "first" }, range: { type: "noEnd", startDate: "2026-12-01" } };
    expect(seriesSummary({ ...base, timing: timing(monthly) }, "America/New_York")).toBe("Monthly on the first Tuesday at 9:00 AM (New York time)");
    expect(seriesSummary({ ...base, timeZone: "Europe/London", firstStartsAt: "2026-12-01T09:00:00.000Z", timing: timing(weekly(["tuesday"])) }, "America/Los_Angeles")).toBe(
      "Weekly on Tuesday at 9:00 AM (London time); for you 1:00 AM (Los Angeles time)",
    );
    expect(zoneInWords("America/Argentina/Buenos_Aires")).toBe("Buenos Aires");
  });
});
