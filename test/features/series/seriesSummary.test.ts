import { describe, expect, it } from "vitest";
import { seriesSummary, zoneInWords } from "../../../src/features/series/seriesSummary";

const weekly = (days: string[]) => ({ pattern: { type: "weekly", interval: 1, daysOfWeek: days }, range: { type: "noEnd", startDate: "2026-12-02" } });

describe("the series summary in people's words and the viewer's zone", () => {
  it("reads a weekly call as a person would say it", () => {
    const draft = { firstStartsAt: "2026-12-02T19:00:00.000Z", timing: { start: { dateTime: "", timeZone: "" }, end: { dateTime: "", timeZone: "" }, recurrence: weekly(["wednesday"]) } };
    expect(seriesSummary(draft, "America/New_York")).toBe("Weekly on Wednesday at 2:00 PM (New York time)");
    expect(seriesSummary(draft, "Europe/London")).toBe("Weekly on Wednesday at 7:00 PM (London time)");
    expect(seriesSummary(draft, "Asia/Tokyo")).toBe("Weekly on Thursday at 4:00 AM (Tokyo time)");
  });
  it("says every weekday, several days, and monthly", () => {
    const base = { firstStartsAt: "2026-12-01T14:00:00.000Z", timing: { start: { dateTime: "", timeZone: "" }, end: { dateTime: "", timeZone: "" } } };
    expect(seriesSummary({ ...base, timing: { ...base.timing, recurrence: weekly(["monday", "tuesday", "wednesday", "thursday", "friday"]) } }, "America/New_York")).toBe("Every weekday at 9:00 AM (New York time)");
    expect(seriesSummary({ ...base, timing: { ...base.timing, recurrence: weekly(["tuesday", "thursday"]) } }, "America/New_York")).toBe("Weekly on Tuesday and Thursday at 9:00 AM (New York time)");
    const monthly = { pattern: { type: "relativeMonthly", interval: 1, daysOfWeek: ["tuesday"], index: "first" }, range: { type: "noEnd", startDate: "2026-12-01" } };
    expect(seriesSummary({ ...base, timing: { ...base.timing, recurrence: monthly } }, "America/New_York")).toBe("Monthly on the first Tuesday at 9:00 AM (New York time)");
    expect(zoneInWords("America/Argentina/Buenos_Aires")).toBe("Buenos Aires");
  });
});
