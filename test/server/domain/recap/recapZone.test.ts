import { describe, expect, it } from "vitest";
import { composeRecap } from "../../../../server/domain/recap/composeRecap";
import { recapZones } from "../../../../server/domain/recap/recapZone";
import { zonedSpan } from "../../../../server/domain/recap/zonedDateTime";
import { attendee, customerStatusInput, dana, marcus, people, rachel, tom } from "./recapFixtures";

// Issue 16: "in e-mail, use the recipient's zone when known, else the sender's, and name the zone".
// The fixture's call is Mon 23 Nov 2026 15:00–15:45Z: 10:00 in New York (EST), 15:00 in London (GMT).

const withZones = people.map((p) =>
  p.id === rachel.id ? { ...p, timeZone: "Europe/London" } : p.id === tom.id ? { ...p, timeZone: "Europe/London" } : p.id === marcus.id ? { ...p, timeZone: "America/New_York" } : p,
);
const flat = (s: string) => s.replace(/\s+/g, " ");

describe("the zone a recap is written in", () => {
  it("names the zone with its city, and leaves the date out when it is the day already given", () => {
    expect(zonedSpan("2026-12-02T19:00:00Z", "2026-12-02T19:45:00Z", "America/New_York")).toBe("Wed 2 Dec 2026, 14:00–14:45 EST (New York)");
    expect(zonedSpan("2026-12-02T19:00:00Z", "2026-12-02T19:45:00Z", "Europe/London", "2026-12-02")).toBe("19:00–19:45 GMT (London)");
    expect(zonedSpan("2026-12-02T19:00:00Z", "2026-12-02T19:45:00Z", "Asia/Tokyo", "2026-12-02")).toBe("Thu 3 Dec 2026, 04:00–04:45 GMT+9 (Tokyo)");
  });

  it("uses the To recipients' zone when they share one, else the sender's, and lists the others", () => {
    const senderZone = "America/Chicago";
    expect(recapZones({ to: [attendee(rachel), attendee(tom)], cc: [], people: withZones, senderZone })).toEqual({ timeZone: "Europe/London", alsoIn: [], from: "recipients" });
    // Dana's zone is unknown: she does not count against Rachel's.
    expect(recapZones({ to: [attendee(rachel), attendee(dana)], cc: [attendee(marcus)], people: withZones, senderZone })).toEqual({
      timeZone: "Europe/London",
      alsoIn: ["America/New_York"],
      from: "recipients",
    });
    expect(recapZones({ to: [attendee(rachel), attendee(marcus)], cc: [], people: withZones, senderZone })).toEqual({
      timeZone: "America/Chicago",
      alsoIn: ["America/New_York", "Europe/London"],
      from: "sender",
    });
    expect(recapZones({ to: [{ name: "x", email: "auditor@example.org" }], cc: [], people: withZones, senderZone })).toEqual({ timeZone: "America/Chicago", alsoIn: [], from: "sender" });
  });

  it("writes a London reader's recap in London time and a New York reader's in New York time, the zone named", () => {
    const london = composeRecap(customerStatusInput({ people: withZones, recipients: [attendee(rachel)] }));
    expect(london.timeZone).toBe("Europe/London");
    expect(flat(london.text)).toContain("Mon 23 Nov 2026, 15:00–15:45 GMT (London)");
    expect(flat(london.text)).not.toContain("EST");

    const newYork = composeRecap(customerStatusInput({ people: withZones, recipients: [attendee(marcus)] }));
    expect(newYork.timeZone).toBe("America/New_York");
    expect(flat(newYork.text)).toContain("Mon 23 Nov 2026, 10:00–10:45 EST (New York)");

    const both = composeRecap(customerStatusInput({ people: withZones, recipients: [attendee(rachel), attendee(marcus)] }));
    expect(flat(both.text)).toContain("Mon 23 Nov 2026, 10:00–10:45 EST (New York) · 15:00–15:45 GMT (London)");
  });
});
