import { describe, expect, it } from "vitest";
import { mergeAttendees } from "../../src/outlook/mergeAttendees";
import { lookupPath } from "../../src/outlook/lookupPath";
import { recapTextWithIntro, recapWithIntro } from "../../contracts/recapIntro";

const dana = { email: "dana.whitfield@contoso.com", name: "Dana Whitfield" };
const marcus = { email: "marcus.lee@contoso.com", name: "Marcus Lee" };
const rachel = { email: "rachel.stone@riverbendutilities.com", name: "Rachel Stone" };
const priya = { email: "priya.raman@contoso.com", name: "Priya Raman" };
const guest = { email: "guest@example.com", name: "Guest" };

describe("mergeAttendees", () => {
  it("adds the runbook's people to the organizer's, nobody twice, required winning over optional", () => {
    const merged = mergeAttendees({ required: [guest, { ...rachel, email: "RACHEL.STONE@riverbendutilities.com" }], optional: [marcus] }, [
      { ...dana, type: "required", reason: "PM" },
      { ...marcus, type: "required", reason: "IM" },
      { ...rachel, type: "optional", reason: "Customer PM" },
      { ...priya, type: "optional", reason: "SE" },
    ]);
    expect(merged.required.map((p) => p.name)).toEqual(["Guest", "Rachel Stone", "Dana Whitfield", "Marcus Lee"]);
    expect(merged.optional.map((p) => p.name)).toEqual(["Priya Raman"]);
    expect(merged.added.map((p) => p.name)).toEqual(["Dana Whitfield", "Priya Raman"]);
  });
});

describe("lookupPath", () => {
  it("sends every key the appointment has, and nothing when it has none", () => {
    expect(lookupPath({ joinUrl: "https://teams.microsoft.com/l/meetup-join/x", iCalUId: null, subject: " Weekly ", start: "2026-11-23T19:45:00.000Z" })).toBe(
      "/meetings/lookup?joinUrl=https%3A%2F%2Fteams.microsoft.com%2Fl%2Fmeetup-join%2Fx&subject=Weekly&start=2026-11-23T19%3A45%3A00.000Z",
    );
    expect(lookupPath({ joinUrl: null, iCalUId: null, subject: "", start: "2026-11-23T19:45:00.000Z" })).toBeNull();
    expect(lookupPath({ joinUrl: null, iCalUId: null, subject: "Weekly", start: null })).toBeNull();
  });

  it("sends the Teams block's join meeting id, also when the body has no link", () => {
    expect(lookupPath({ joinUrl: null, joinMeetingId: "2414128301281", iCalUId: null, subject: "", start: null })).toBe("/meetings/lookup?joinMeetingId=2414128301281");
  });
});

describe("recapWithIntro", () => {
  it("puts the escaped message right after <body>, and leaves the recap alone without one", () => {
    const html = '<html><body style="x"><h1>Recap</h1></body></html>';
    expect(recapWithIntro(html, "  ")).toBe(html);
    expect(recapWithIntro(html, "Thanks <all>")).toMatch(/^<html><body style="x"><div [^>]*>Thanks &lt;all&gt;<\/div><h1>Recap/);
  });

  it("trims the message, finds <BODY> in any case, and puts it in front when there is no body tag (server send and Outlook pane alike)", () => {
    expect(recapWithIntro("<HTML><BODY><p>Recap</p></BODY></HTML>", "  Hi team \n")).toMatch(/^<HTML><BODY><div [^>]*>Hi team<\/div><p>Recap/);
    expect(recapWithIntro("<p>Recap</p>", "Hi")).toMatch(/^<div [^>]*>Hi<\/div><p>Recap<\/p>$/);
    expect(recapTextWithIntro("Recap", "  Hi team \n")).toBe("Hi team\n\nRecap");
    expect(recapTextWithIntro("Recap", "   ")).toBe("Recap");
  });
});
