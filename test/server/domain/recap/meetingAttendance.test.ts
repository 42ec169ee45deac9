import { describe, expect, it } from "vitest";
import { attendanceSection, attendedTimes, missingRequired, type AttendedPerson, type MeetingAttendance } from "../../../../server/domain/recap/meetingAttendance";

const person = (name: string, email: string | null, intervals: [string, string][]): AttendedPerson => ({
  name,
  email,
  role: "Attendee",
  totalSeconds: intervals.reduce((s, [a, b]) => s + (Date.parse(b) - Date.parse(a)) / 1000, 0),
  intervals: intervals.map(([joinedAt, leftAt]) => ({ joinedAt, leftAt })),
});

describe("meeting attendance in the recap (pure)", () => {
  it("formats joins and leaves in the recap's zone through the one zoned formatter", () => {
    const spans = [{ joinedAt: "2026-11-24T15:02:00.000Z", leftAt: "2026-11-24T15:31:00.000Z" }];
    expect(attendedTimes(spans, "America/New_York")).toBe("10:02–10:31 EST");
    expect(attendedTimes(spans, "Europe/London")).toBe("15:02–15:31 GMT");
    expect(attendedTimes([{ joinedAt: "2026-11-24T15:02:00.000Z", leftAt: null }], "America/New_York")).toBe("10:02–? EST");
  });

  it("matches required people on e-mail (any case), else on the display name", () => {
    const required = [
      { name: "Dana Whitfield", email: "dana.whitfield@contoso.com" },
      { name: "Marcus Lee", email: "marcus.lee@contoso.com" },
      { name: "Rachel Stone", email: "rachel.stone@riverbendutilities.com" },
    ];
    const attended = [person("Dana W", "Dana.Whitfield@Contoso.com", []), person("Rachel Stone", null, [])];
    expect(missingRequired(required, attended).map((p) => p.name)).toEqual(["Marcus Lee"]);
  });

  it("a customer-safe recap lists who attended but never the recording or transcript", () => {
    const attendance: Extract<MeetingAttendance, { kind: "report" }> = {
      kind: "report",
      chatLink: "https://teams.microsoft.com/l/chat/19%3Ameeting_x%40thread.v2/0",
      artifacts: {
        onlineMeetingId: "MSox",
        reportId: "r",
        meetingStartedAt: null,
        meetingEndedAt: null,
        attendees: [person("Ben Foster", "ben@customer.example", [["2026-11-24T15:00:00.000Z", "2026-11-24T15:30:00.000Z"]])],
        recordings: [{ id: "rec", createdAt: null, endedAt: null, contentUrl: null }],
        transcripts: [{ id: "tr", createdAt: null, endedAt: null, contentUrl: null }],
      },
    };
    const external = attendanceSection(attendance, [], "external", "America/New_York");
    expect(external.map((s) => s.key)).toEqual(["attended"]);
    expect(JSON.stringify(external)).not.toContain("teams.microsoft.com");
    const internal = attendanceSection(attendance, [], "internal", "America/New_York");
    expect(internal.map((s) => s.key)).toEqual(["attended", "recording"]);
    expect(JSON.stringify(internal)).toContain('"href":"https://teams.microsoft.com/l/chat/19%3Ameeting_x%40thread.v2/0"');
  });
});
