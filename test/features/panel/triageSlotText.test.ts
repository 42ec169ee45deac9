import { describe, expect, it } from "vitest";
import { panelDates } from "../../../src/features/panel/dates/panelDates";
import { triageSlotText } from "../../../src/features/panel/dates/triageSlotText";
import { triageSlotWeek } from "../../../server/domain/triageSlotWeek";

// Issue 14 §2: "10–11 am Eastern" is the triage slot for everyone, shown in each viewer's own zone.
// The server gives the slot's instants of a week (triageSlotWeek); the panel, the series page and
// the Outlook pane write them with the one formatter (panelDates) in the viewer's zone.
const now = Date.parse("2026-11-29T12:00:00Z");
const viewer = (timeZone: string, locale = "en-GB") => panelDates({ locale, timeZone }, now);
const december = triageSlotWeek(new Date("2026-12-01T12:00:00Z"));

describe("triageSlotText", () => {
  it("writes the December slot (EST, UTC−5) in Kolkata, London, New York and Sydney", () => {
    expect(triageSlotText(december, viewer("Asia/Kolkata"))).toBe("Tue and Thu, 20:30–21:30");
    expect(triageSlotText(december, viewer("Asia/Kolkata", "en-US"))).toBe("Tue and Thu, 8:30 PM–9:30 PM");
    expect(triageSlotText(december, viewer("Europe/London"))).toBe("Tue and Thu, 15:00–16:00");
    expect(triageSlotText(december, viewer("America/New_York", "en-US"))).toBe("Tue and Thu, 10:00 AM–11:00 AM");
    // The days move as well as the hours.
    expect(triageSlotText(december, viewer("Australia/Sydney"))).toBe("Wed and Fri, 2:00–3:00");
  });

  it("follows the week's DST: in the weeks New York has changed its clocks and London not yet, London sees 14:00–15:00", () => {
    // US DST began Sun 14 Mar 2027, the UK's begins Sun 28 Mar 2027.
    expect(triageSlotText(triageSlotWeek(new Date("2027-03-16T12:00:00Z")), viewer("Europe/London"))).toBe("Tue and Thu, 14:00–15:00");
    expect(triageSlotText(triageSlotWeek(new Date("2027-03-30T12:00:00Z")), viewer("Europe/London"))).toBe("Tue and Thu, 15:00–16:00");
    expect(triageSlotText(triageSlotWeek(new Date("2027-03-16T12:00:00Z")), viewer("Asia/Kolkata"))).toBe("Tue and Thu, 19:30–20:30");
  });

  it("lists the days one by one when the viewer's clock changes between them, and writes nothing for no slots", () => {
    const uneven = [
      { startsAt: "2027-03-09T15:00:00.000Z", endsAt: "2027-03-09T16:00:00.000Z" },
      { startsAt: "2027-03-11T14:00:00.000Z", endsAt: "2027-03-11T15:00:00.000Z" },
    ];
    expect(triageSlotText(uneven, viewer("Europe/London"))).toBe("Tue 15:00–16:00, Thu 14:00–15:00");
    expect(triageSlotText([], viewer("Europe/London"))).toBe("");
  });
});

describe("triageSlotWeek", () => {
  it("gives the Tuesday and Thursday 10:00–11:00 New York of the week holding the instant, in UTC", () => {
    expect(december).toEqual([
      { startsAt: "2026-12-01T15:00:00.000Z", endsAt: "2026-12-01T16:00:00.000Z" },
      { startsAt: "2026-12-03T15:00:00.000Z", endsAt: "2026-12-03T16:00:00.000Z" },
    ]);
    // Saturday evening in New York (Sunday in UTC) is still the week of Tue 1 Dec.
    expect(triageSlotWeek(new Date("2026-12-06T02:00:00Z"))).toEqual(december);
    // The week of the spring change (Sun 8 Mar 2026): EDT, UTC−4.
    expect(triageSlotWeek(new Date("2026-03-08T12:00:00Z"))[0]).toEqual({ startsAt: "2026-03-10T14:00:00.000Z", endsAt: "2026-03-10T15:00:00.000Z" });
  });
});
