import { describe, expect, it } from "vitest";
import { recurrenceFor } from "../../../server/graph/recurrenceFor";
import { validateGraphBody } from "../../support/graph/graphSchemaValidator";

describe("recurrenceFor", () => {
  it("triage: Tuesday and Thursday 10:00–11:00 Eastern, from the first matching day", () => {
    // 2026-12-02 is a Wednesday: the first occurrence is Thursday the 3rd.
    expect(recurrenceFor("triage", { from: "2026-12-02" })).toEqual({
      start: { dateTime: "2026-12-03T10:00:00", timeZone: "Eastern Standard Time" },
      end: { dateTime: "2026-12-03T11:00:00", timeZone: "Eastern Standard Time" },
      recurrence: {
        pattern: { type: "weekly", interval: 1, daysOfWeek: ["tuesday", "thursday"], firstDayOfWeek: "sunday" },
        range: { type: "noEnd", startDate: "2026-12-03", recurrenceTimeZone: "Eastern Standard Time" },
      },
    });
  });

  it("steering committee: monthly on the same weekday of the same week (relative) or the same date (absolute)", () => {
    const relative = recurrenceFor("steering_committee", { from: "2026-12-08" });
    expect(relative.recurrence.pattern).toEqual({ type: "relativeMonthly", interval: 1, daysOfWeek: ["tuesday"], index: "second" });
    expect(relative.start.dateTime).toBe("2026-12-08T10:00:00");

    const lastWeek = recurrenceFor("steering_committee", { from: "2026-12-29" });
    expect(lastWeek.recurrence.pattern).toMatchObject({ index: "last", daysOfWeek: ["tuesday"] });

    const absolute = recurrenceFor("steering_committee", { from: "2026-12-15", monthly: "absolute", occurrences: 12 });
    expect(absolute.recurrence).toEqual({
      pattern: { type: "absoluteMonthly", interval: 1, dayOfMonth: 15 },
      range: { type: "numbered", startDate: "2026-12-15", numberOfOccurrences: 12, recurrenceTimeZone: "Eastern Standard Time" },
    });
  });

  it("daily status check: every weekday, 15 minutes", () => {
    const series = recurrenceFor("daily_status_check", { from: "2026-12-05", until: "2027-01-31" }); // a Saturday
    expect(series.recurrence.pattern).toMatchObject({ type: "weekly", daysOfWeek: ["monday", "tuesday", "wednesday", "thursday", "friday"] });
    expect(series.start.dateTime).toBe("2026-12-07T09:00:00");
    expect(series.end.dateTime).toBe("2026-12-07T09:15:00");
    expect(series.recurrence.range).toEqual({ type: "endDate", startDate: "2026-12-07", endDate: "2027-01-31", recurrenceTimeZone: "Eastern Standard Time" });
  });

  it("other call types: weekly on the first day's weekday (a weekend start moves to Monday), with overrides", () => {
    expect(recurrenceFor("customer_status", { from: "2026-12-09" }).recurrence.pattern).toMatchObject({ daysOfWeek: ["wednesday"] });
    const weekend = recurrenceFor("internal_status", { from: "2026-12-06", timeZone: "Pacific Standard Time", startTime: "23:30", durationMinutes: 60 });
    expect(weekend.recurrence.pattern).toMatchObject({ daysOfWeek: ["monday"] });
    expect(weekend.start).toEqual({ dateTime: "2026-12-07T23:30:00", timeZone: "Pacific Standard Time" });
    expect(weekend.end).toEqual({ dateTime: "2026-12-08T00:30:00", timeZone: "Pacific Standard Time" });
  });

  it("produces recurrences Graph v1.0 accepts", () => {
    for (const callType of ["triage", "steering_committee", "daily_status_check", "vendor"] as const) {
      expect(validateGraphBody("patternedRecurrence", recurrenceFor(callType, { from: "2026-12-01", occurrences: 3 }).recurrence)).toEqual([]);
    }
  });

  it("refuses impossible input", () => {
    expect(() => recurrenceFor("triage", { from: "2026-02-30" })).toThrow(/calendar date/);
    expect(() => recurrenceFor("triage", { from: "2026-12-01", startTime: "25:00" })).toThrow(/HH:MM/);
    expect(() => recurrenceFor("triage", { from: "2026-12-01", durationMinutes: 0 })).toThrow(/positive/);
  });
});
