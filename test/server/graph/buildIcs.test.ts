import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildIcs, type IcsEventInput } from "../../../server/graph/buildIcs";
import { recurrenceFor } from "../../../server/graph/recurrenceFor";

function triageInvite(overrides: Partial<IcsEventInput> = {}): IcsEventInput {
  return {
    uid: "series.tx-1@callbook.local",
    dtstamp: "2026-11-24T15:00:00.000Z",
    subject: "Riverbend triage",
    description: "Open defects",
    ...recurrenceFor("triage", { from: "2026-12-01" }),
    organizer: { email: "pat@contoso.example", name: "Pat Manager" },
    attendees: [
      { email: "dana@customer.example", name: "Dana Customer", type: "required" },
      { email: "lee@contoso.example", name: "Lee Engineer", type: "optional" },
    ],
    ...overrides,
  };
}

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  return { ics, calendar, vevent, event: new ICAL.Event(vevent) };
}

function rruleLine(ics: string): string | undefined {
  return ics.slice(ics.indexOf("BEGIN:VEVENT")).split("\r\n").find((line) => line.startsWith("RRULE:"));
}

describe("buildIcs", () => {
  it("parses with ical.js: TZID America/New_York, weekly Tue/Thu RRULE, roles", () => {
    const ics = buildIcs(triageInvite());
    const { calendar, vevent, event } = parse(ics);

    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("America/New_York");
    expect(event.startDate.zone?.tzid).toBe("America/New_York");
    expect(event.startDate.toString()).toBe("2026-12-01T10:00:00");
    expect(event.endDate.toString()).toBe("2026-12-01T11:00:00");
    expect(String(vevent.getFirstPropertyValue("rrule"))).toBe("FREQ=WEEKLY;BYDAY=TU,TH;WKST=SU");
    expect(event.uid).toBe("series.tx-1@callbook.local");
    expect(String(vevent.getFirstPropertyValue("dtstamp"))).toBe("2026-11-24T15:00:00Z");

    const attendees = vevent.getAllProperties("attendee").map((p) => ({
      // The URI scheme is case-insensitive (RFC 3986 3.1); ical-generator writes "MAILTO:".
      value: String(p.getFirstValue()).replace(/^mailto:/i, "mailto:"),
      cn: p.getParameter("cn"),
      role: p.getParameter("role"),
    }));
    expect(attendees).toEqual([
      { value: "mailto:dana@customer.example", cn: "Dana Customer", role: "REQ-PARTICIPANT" },
      { value: "mailto:lee@contoso.example", cn: "Lee Engineer", role: "OPT-PARTICIPANT" },
    ]);
    expect(vevent.getFirstProperty("organizer")?.getFirstValue()).toBe("mailto:pat@contoso.example");
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("carries the New York DST rules: 10:00 local is 15:00Z in winter and 14:00Z in summer", () => {
    const { event } = parse(buildIcs(triageInvite()));
    const iterator = event.iterator();
    const occurrences: string[] = [];
    for (let next = iterator.next(); next && occurrences.length < 60; next = iterator.next()) {
      occurrences.push(next.toJSDate().toISOString());
    }
    expect(occurrences[0]).toBe("2026-12-01T15:00:00.000Z");
    expect(occurrences[1]).toBe("2026-12-03T15:00:00.000Z");
    expect(occurrences).toContain("2027-03-09T15:00:00.000Z"); // Tuesday before the change (14 March)
    expect(occurrences).toContain("2027-03-16T14:00:00.000Z"); // Tuesday after it
  });

  it("writes UNTIL in UTC for an end date, COUNT for a number, and monthly rules", () => {
    const until = parse(buildIcs(triageInvite(recurrenceFor("triage", { from: "2026-12-01", until: "2026-12-31" }))));
    expect(rruleLine(until.ics)).toBe("RRULE:FREQ=WEEKLY;BYDAY=TU,TH;WKST=SU;UNTIL=20270101T045959Z");
    // 31 December, end of day in New York (EST, -5) is 04:59:59Z on 1 January.
    const last: string[] = [];
    const untilIterator = until.event.iterator();
    for (let next = untilIterator.next(); next; next = untilIterator.next()) last.push(next.toString());
    expect(last).toHaveLength(10); // Tue/Thu from 1 to 31 December
    expect(last.at(-1)).toBe("2026-12-31T10:00:00");

    const steering = recurrenceFor("steering_committee", { from: "2026-12-08", occurrences: 6 });
    const monthly = parse(buildIcs(triageInvite(steering)));
    expect(rruleLine(monthly.ics)).toBe("RRULE:FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2;COUNT=6");
    const dates: string[] = [];
    const iterator = monthly.event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) dates.push(next.toString().slice(0, 10));
    expect(dates).toEqual(["2026-12-08", "2027-01-12", "2027-02-09", "2027-03-09", "2027-04-13", "2027-05-11"]);
  });

  it("escapes commas, semicolons, backslashes and newlines, and keeps HTML/script as inert text", () => {
    const description = 'Risks; issues, decisions \\ actions\nLine two\r\nATTENDEE:mailto:evil@attacker.example\n<script>alert("x")</script>';
    const subject = "Q4, go-live; \\ review";
    const ics = buildIcs(triageInvite({ subject, description, descriptionHtml: '<p onclick="x()">A, B; C</p><script>alert(1)</script>' }));
    const { vevent, event } = parse(ics);

    expect(event.summary).toBe(subject);
    expect(event.description).toBe(description.replace(/\r\n/g, "\n"));
    expect(vevent.getFirstPropertyValue("x-alt-desc")).toBe('<p onclick="x()">A, B; C</p><script>alert(1)</script>');
    expect(vevent.getAllProperties("attendee")).toHaveLength(2);
    expect(ics).toContain("SUMMARY:Q4\\, go-live\\; \\\\ review");
  });

  it("keeps quotes and line breaks out of CN parameters and refuses addresses that could break a line", () => {
    const ics = buildIcs(triageInvite({ attendees: [{ email: "a@b.example", name: 'Dana "DJ"\r\nX-EVIL:1', type: "required" }] }));
    const { vevent } = parse(ics);
    expect(vevent.getFirstProperty("attendee")?.getParameter("cn")).toBe("Dana 'DJ' X-EVIL:1");
    expect(vevent.getFirstPropertyValue("x-evil")).toBeNull();
    expect(() => buildIcs(triageInvite({ attendees: [{ email: "a@b.example\r\nX:1", type: "required" }] }))).toThrow(/not an e-mail/);
  });

  it("folds lines at 75 octets without splitting UTF-8 characters", () => {
    const subject = "Réunion de pilotage — étape 3 — ".repeat(6) + "🚀 fin";
    const ics = buildIcs(triageInvite({ subject }));
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(parse(ics).event.summary).toBe(subject);
    const long = buildIcs(triageInvite({ subject: "x".repeat(150) }));
    expect(long.split("\r\n").filter((l) => /^(SUMMARY:)?x+$|^ x+$/.test(l))).toHaveLength(3);
    expect(long.replace(/\r\n /g, "")).toContain(`\r\nSUMMARY:${"x".repeat(150)}\r\n`);
  });
});

describe("buildIcs in any zone", () => {
  // Weekly 10:00 series across each zone's 2027 change; ical.js expands it with the file's own VTIMEZONE.
  const cases: [string, string, string, string, string][] = [
    ["Sydney (Windows name), AEDT → AEST on 4 Apr 2027", "AUS Eastern Standard Time", "2027-03-29", "2027-03-28T23:00:00.000Z", "2027-04-05T00:00:00.000Z"],
    ["London, GMT → BST on 28 Mar 2027", "Europe/London", "2027-03-22", "2027-03-22T10:00:00.000Z", "2027-03-29T09:00:00.000Z"],
    ["Kolkata (Windows name), +05:30 all year", "India Standard Time", "2027-03-22", "2027-03-22T04:30:00.000Z", "2027-03-29T04:30:00.000Z"],
    ["Chatham, +13:45 → +12:45 on 4 Apr 2027", "Pacific/Chatham", "2027-03-29", "2027-03-28T20:15:00.000Z", "2027-04-04T21:15:00.000Z"],
    ["Lord Howe, +11 → +10:30 on 4 Apr 2027", "Australia/Lord_Howe", "2027-03-29", "2027-03-28T23:00:00.000Z", "2027-04-04T23:30:00.000Z"],
    ["Los Angeles, PST → PDT on 14 Mar 2027", "Pacific Standard Time", "2027-03-08", "2027-03-08T18:00:00.000Z", "2027-03-15T17:00:00.000Z"],
  ];
  it.each(cases)("%s: 10:00 local every week, before and after the change", (_name, zone, from, first, second) => {
    const timing = recurrenceFor("internal_status", { from, timeZone: zone, occurrences: 3 });
    const { calendar, event } = parse(buildIcs(triageInvite(timing)));
    const iterator = event.iterator();
    const instants: string[] = [];
    const locals: string[] = [];
    for (let next = iterator.next(); next; next = iterator.next()) {
      instants.push(next.toJSDate().toISOString());
      locals.push(next.toString().slice(11));
    }
    expect(locals).toEqual(["10:00:00", "10:00:00", "10:00:00"]);
    expect(instants.slice(0, 2)).toEqual([first, second]);
    expect(calendar.getAllSubcomponents("vtimezone")).toHaveLength(1);
  });

  it("refuses a zone that is neither IANA nor Windows, naming it", () => {
    const timing = recurrenceFor("internal_status", { from: "2027-03-01", timeZone: "Customized Time Zone" });
    expect(() => buildIcs(triageInvite(timing))).toThrow(/Unknown time zone "Customized Time Zone"/);
  });

  it("writes an occurrence with other attendees as an overriding VEVENT (RECURRENCE-ID)", () => {
    const timing = recurrenceFor("customer_status", { from: "2026-12-02", timeZone: "America/New_York", occurrences: 3 });
    const ics = buildIcs(
      triageInvite({
        ...timing,
        overrides: [
          {
            originalStart: "2026-12-09T10:00:00",
            attendees: [
              { email: "dana@customer.example", name: "Dana Customer", type: "required" },
              { email: "backup@contoso.example", name: "Bea Backup", type: "required" },
              { email: "lee@contoso.example", name: "Lee Engineer", type: "optional" },
            ],
          },
        ],
      }),
    );
    const calendar = new ICAL.Component(ICAL.parse(ics));
    for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
    const [master, exception] = calendar.getAllSubcomponents("vevent");
    if (!master || !exception) throw new Error("expected two VEVENTs");
    const event = new ICAL.Event(master);
    event.relateException(exception);
    const iterator = event.iterator();
    const occurrences: { start: string; attendees: string[] }[] = [];
    for (let next = iterator.next(); next; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      occurrences.push({
        start: details.startDate.toString(),
        attendees: details.item.attendees.map((a) => `${String(a.getParameter("role"))} ${String(a.getFirstValue()).replace(/^mailto:/i, "")}`),
      });
    }
    expect(occurrences).toEqual([
      { start: "2026-12-02T10:00:00", attendees: ["REQ-PARTICIPANT dana@customer.example", "OPT-PARTICIPANT lee@contoso.example"] },
      {
        start: "2026-12-09T10:00:00",
        attendees: ["REQ-PARTICIPANT dana@customer.example", "REQ-PARTICIPANT backup@contoso.example", "OPT-PARTICIPANT lee@contoso.example"],
      },
      { start: "2026-12-16T10:00:00", attendees: ["REQ-PARTICIPANT dana@customer.example", "OPT-PARTICIPANT lee@contoso.example"] },
    ]);
  });
});
