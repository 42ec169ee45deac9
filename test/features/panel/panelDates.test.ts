import { describe, expect, it } from "vitest";
import { panelDates } from "../../../src/features/panel/dates/panelDates";

// One formatter for the panel, in the viewer's locale and zone (Teams app.locale, osLocaleInfo.timezone).
const now = Date.parse("2026-11-29T12:00:00Z");

describe("panelDates", () => {
  it("writes a due date the same way in every place, with the year only when it is not this year's", () => {
    const gb = panelDates({ locale: "en-GB", timeZone: "Europe/London" }, now);
    expect(gb.day("2026-12-04")).toBe("Fri 4 Dec");
    expect(gb.day("2027-01-15")).toBe("Fri, 15 Jan 2027");
    expect(panelDates({ locale: "en-US", timeZone: "America/New_York" }, now).day("2026-12-04")).toBe("Fri, Dec 4");
  });
  it("writes an instant in the viewer's zone: 19:00 UTC is 14:00 in New York and 6:00 next day in Sydney", () => {
    expect(panelDates({ locale: "en-GB", timeZone: "America/New_York" }, now).dayTime("2026-12-02T19:00:00Z")).toBe("Wed 2 Dec, 14:00");
    expect(panelDates({ locale: "en-GB", timeZone: "Australia/Sydney" }, now).dayTime("2026-12-02T19:00:00Z")).toBe("Thu 3 Dec, 6:00");
  });
  it("gives today's date in the viewer's zone, and falls back to the browser's for an unknown zone", () => {
    expect(panelDates({ locale: "en-GB", timeZone: "Pacific/Kiritimati" }, now).today(Date.parse("2026-11-29T12:00:00Z"))).toBe("2026-11-30");
    expect(() => panelDates({ locale: "xx-nope-123", timeZone: "Mars/Olympus" }, now).day("2026-12-04")).not.toThrow();
  });
  it("names the viewer's zone where a time is shown beside others': meeting spans and due times", () => {
    const london = panelDates({ locale: "en-US", timeZone: "Europe/London" }, now);
    expect(london.timeRangeZone("2026-12-02T19:00:00Z", "2026-12-02T19:45:00Z").replace(/\s/g, " ")).toBe("7:00 – 7:45 PM GMT");
    expect(panelDates({ locale: "en-US", timeZone: "America/New_York" }, now).timeRangeZone("2026-12-02T19:00:00Z", "2026-12-02T19:45:00Z").replace(/\s/g, " ")).toBe("2:00 – 2:45 PM EST");
    expect(london.dayTimeZone("2026-11-30T22:00:00Z")).toBe("Mon, Nov 30, 10:00 PM GMT");
    expect(panelDates({ locale: "en-GB", timeZone: "Asia/Kolkata" }, now).dayTimeZone("2026-11-30T22:00:00Z")).toBe("Tue 1 Dec, 03:30 GMT+5:30");
    expect(london.zoneName("2026-07-01T12:00:00Z")).toBe("GMT+1");
  });
  it("writes the same day the same way for a calendar date and an instant (one format on every page)", () => {
    const us = panelDates({ locale: "en-US", timeZone: "Europe/London" }, now);
    expect(us.day("2026-11-20")).toBe(us.dayOf("2026-11-20T16:23:00Z"));
    expect(us.time("2026-12-02T19:00:00Z")).toBe("7:00 PM");
  });
  it("reuses one set of Intl formatters per locale and zone: each agenda row asks for the formatter (cold-load profile, issue 19)", () => {
    const Original = Intl.DateTimeFormat;
    let built = 0;
    Intl.DateTimeFormat = new Proxy(Original, {
      construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        built++;
        return new target(...args);
      },
    });
    try {
      const zone = { locale: "en-GB", timeZone: "Asia/Tokyo" };
      expect(panelDates(zone, now).time("2026-12-02T19:00:00Z")).toBe("4:00");
      const first = built;
      expect(first).toBeGreaterThan(0);
      for (let i = 0; i < 20; i++) expect(panelDates({ ...zone }, now).time("2026-12-02T19:00:00Z")).toBe("4:00");
      expect(built).toBe(first);
    } finally {
      Intl.DateTimeFormat = Original;
    }
  });
  it("decides 'this year' at each call's now, also with shared formatters", () => {
    const zone = { locale: "en-GB", timeZone: "Europe/London" };
    expect(panelDates(zone, now).day("2027-01-15")).toBe("Fri, 15 Jan 2027");
    expect(panelDates(zone, Date.parse("2027-01-02T12:00:00Z")).day("2027-01-15")).toBe("Fri 15 Jan");
  });
});
