import { describe, expect, it } from "vitest";
import { classifyMeeting } from "../../../server/domain/classifyMeeting";
import type { Attendee, CallType, Meeting } from "../../../contracts/types";
import { CIS_DOMAIN, makeMeeting, person, riverbendDirectory, riverbendSnapshot } from "./fixtures";

const snapshot = riverbendSnapshot();
const directory = riverbendDirectory(snapshot);
const project = snapshot.project;
const who = (...ids: string[]): Attendee[] => ids.map((id) => ({ email: person(snapshot, id).email, name: person(snapshot, id).name }));
const meeting = (subject: string, attendees: Attendee[], startsAt = "2026-11-04T19:00:00.000Z", patch: Partial<Meeting> = {}) =>
  makeMeeting("m", { subject, attendees, startsAt, endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(), ...patch });

const ourTeam = who("dana", "marcus", "sallie", "grace", "luis");

describe("classifyMeeting: a user's choice", () => {
  it("seed 000: an override wins over every signal, with confidence 1", () => {
    const m = meeting("Riverbend triage", ourTeam, "2026-11-03T15:00:00.000Z", { callTypeOverride: "steering_committee" });
    expect(classifyMeeting(m, project, directory)).toEqual({ callType: "steering_committee", confidence: 1, reasons: ["Set by a user"], overridden: true });
  });
});

describe("classifyMeeting: the triage slot across daylight saving (seed 001)", () => {
  const slotCases: [string, string, boolean][] = [
    ["seed 001: Tue 27 Oct 2026 14:00Z is 10:00 EDT → in the triage slot", "2026-10-27T14:00:00.000Z", true],
    ["seed 001: Tue 3 Nov 2026 15:00Z is 10:00 EST → in the triage slot", "2026-11-03T15:00:00.000Z", true],
    ["seed 001: Thu 5 Nov 2026 15:30Z is 10:30 EST → in the triage slot", "2026-11-05T15:30:00.000Z", true],
    ["seed 001: Tue 3 Nov 2026 14:00Z is 09:00 EST → not the slot", "2026-11-03T14:00:00.000Z", false],
    ["seed 001: Tue 3 Nov 2026 16:00Z is 11:00 EST, the slot's end → not the slot", "2026-11-03T16:00:00.000Z", false],
    ["seed 001: Wed 4 Nov 2026 15:00Z is 10:00 on a Wednesday → not the slot", "2026-11-04T15:00:00.000Z", false],
  ];
  it.each(slotCases)("%s", (_name, startsAt, inSlot) => {
    const result = classifyMeeting(meeting("Riverbend phase 1 triage", ourTeam, startsAt), project, directory);
    expect(result.callType).toBe("triage");
    expect(result.reasons.some((r) => r.includes("triage slot"))).toBe(inSlot);
    if (inSlot) expect(result.confidence).toBeGreaterThanOrEqual(0.95);
    else expect(result.confidence).toBeLessThan(0.95);
  });

  it("seed 001: the slot names the day and the New York time", () => {
    const result = classifyMeeting(meeting("Triage", ourTeam, "2026-10-27T14:00:00.000Z"), project, directory);
    expect(result.reasons).toContain("Starts Tuesday 10:00 New York time, in the triage slot (Tuesdays and Thursdays 10–11 am Eastern)");
  });

  it("seed 001: the slot alone, without the word, does not outweigh an internal-only audience", () => {
    const result = classifyMeeting(meeting("Riverbend sync", ourTeam, "2026-11-03T15:00:00.000Z"), project, directory);
    expect(result.callType).toBe("internal_status");
  });
});

describe("classifyMeeting: attendees and subject", () => {
  const cases: [string, string, Attendee[], CallType, string][] = [
    ["seed 000: customer domain among attendees → customer status", "Riverbend / Contoso weekly status", who("dana", "marcus", "rachel", "ben"), "customer_status", "Customer domain riverbendutilities.com among attendees"],
    ["seed 000: only internal attendees → internal status", "Riverbend prep", who("dana", "marcus", "priya"), "internal_status", "Only internal attendees (contoso.com)"],
    ["seed 000: the word internal", "Internal status: Riverbend", who("dana", "marcus"), "internal_status", 'Subject mentions "Internal"'],
    ["seed 000: vendor domain with us and no customer → vendor call", "Meridian sync", who("dana", "steve", "alicia"), "vendor", `Only our people and vendor Meridian CIS (${CIS_DOMAIN}) among attendees, no customer: a vendors-only call`],
    ["seed 000: \"vendors only\" in the subject", "Vendors only: go-live alignment", who("dana", "steve", "derek"), "vendor", 'Subject mentions "Vendors only"'],
    ["seed 000: customer executives present → steering", "Riverbend monthly review", who("dana", "helen", "robert", "angela", "linda", "james", "rachel"), "steering_committee", "Customer executive Linda Harper (CFO) among attendees"],
    ["seed 000: the word SteerCo", "Riverbend SteerCo", who("dana", "rachel"), "steering_committee", 'Subject mentions "SteerCo"'],
    ["seed 000: a status call stays a status call when an executive drops in", "Riverbend weekly status", who("dana", "marcus", "rachel", "linda"), "customer_status", 'Subject mentions "status" with the customer attending'],
    ["seed 004: daily status check with the customer", "Daily status check: cut-over", who("dana", "marcus", "rachel", "steve"), "daily_status_check", 'Subject mentions "Daily"'],
    ["seed 004: milestone review with the customer", "UAT milestone review", who("dana", "marcus", "rachel", "linda"), "milestone_review", 'Subject mentions "milestone"'],
    ["seed 000: targeted technical call", "Technical deep-dive: rounding issue", who("marcus", "priya", "tom"), "targeted_technical", 'Subject mentions "Technical"'],
    ["seed 000: targeted product call", "Riverbend change requests", who("marcus", "dana", "nina"), "targeted_product", 'Subject mentions "change requests"'],
    ["seed 001: TSM meeting before go-live", "Riverbend TSM introduction", who("dana", "sallie", "rachel"), "tsm_pre_go_live", 'Subject mentions "TSM"'],
  ];
  it.each(cases)("%s", (_name, subject, attendees, callType, reason) => {
    const result = classifyMeeting(meeting(subject, attendees), project, directory);
    expect(result.callType).toBe(callType);
    expect(result.reasons).toContain(reason);
    expect(result.overridden).toBe(false);
    expect(result.confidence).toBeGreaterThan(0.3);
    expect(result.confidence).toBeLessThanOrEqual(0.99);
  });

  it("seed 000: without a project, a customer is still recognised from the directory", () => {
    const result = classifyMeeting(meeting("Catch-up", who("dana", "rachel")), null, directory);
    expect(result.callType).toBe("customer_status");
    expect(result.reasons).toEqual(["Customer Rachel Stone among attendees"]);
  });

  it("no signal at all → the weekly customer call, with low confidence", () => {
    const result = classifyMeeting(meeting("Sync", []), project, directory);
    expect(result).toMatchObject({ callType: "customer_status", confidence: 0.1, overridden: false });
  });

  it("more evidence, more confidence: the same customer call with and without the word status", () => {
    const attendees = who("dana", "marcus", "rachel");
    const plain = classifyMeeting(meeting("Riverbend", attendees), project, directory);
    const worded = classifyMeeting(meeting("Riverbend weekly status", attendees), project, directory);
    expect(plain.callType).toBe("customer_status");
    expect(worded.confidence).toBeGreaterThan(plain.confidence);
  });
});
