import { describe, expect, it } from "vitest";
import { pickAttendees, type AttendeePick } from "../../../server/domain/pickAttendees";
import { callTypes, type ProjectSnapshot, type RaidItem } from "../../../contracts/types";
import { availability, baseProject, makeRaid, riverbendDirectory, riverbendSnapshot, TODAY } from "./fixtures";

const pick = (callType: Parameters<typeof pickAttendees>[0], snapshot: ProjectSnapshot = riverbendSnapshot(), out: Record<string, string[]> = {}) =>
  pickAttendees(callType, snapshot, riverbendDirectory(snapshot), availability(out), TODAY);
const ids = (list: AttendeePick["required"]) => list.map((a) => a.personId).sort();
const reasonOf = (result: AttendeePick, id: string) => [...result.required, ...result.optional].find((a) => a.personId === id)?.reason;
const withRaid = (raidItems: RaidItem[]) => riverbendSnapshot({ raidItems });

describe("pickAttendees: customer status call (seed 000)", () => {
  it("PM, IM and every key customer stakeholder are required", () => {
    const result = pick("customer_status");
    expect(ids(result.required)).toEqual(["ben", "dana", "marcus", "maria", "rachel"]);
    expect(ids(result.optional)).toEqual(["chloe", "james", "linda", "priya", "sallie"]);
    expect(result.warnings).toEqual([]);
  });

  it("IM out of office → the named backup is required instead", () => {
    const result = pick("customer_status", riverbendSnapshot(), { marcus: [TODAY] });
    expect(ids(result.required)).toEqual(["ben", "dana", "jordan", "maria", "rachel"]);
    expect(reasonOf(result, "jordan")).toBe("Backup for Marcus Lee (out of office)");
    expect(result.optional.map((a) => a.personId)).toContain("marcus");
    expect(result.warnings).toEqual([]);
  });

  it("PM out of office with no backup → a warning", () => {
    const project = baseProject();
    const members = project.members.map((m) => (m.role === "pm" ? { ...m, backupPersonId: null } : m));
    const result = pick("customer_status", riverbendSnapshot({ project: { ...project, members } }), { dana: [TODAY] });
    expect(result.required.map((a) => a.personId)).not.toContain("dana");
    expect(result.warnings).toEqual(["Dana Whitfield (PM) is out of office on Wed 25 Nov 2026 and has no named backup"]);
  });

  it("out of office on another day changes nothing", () => {
    expect(ids(pick("customer_status", riverbendSnapshot(), { marcus: ["2026-11-30"] }).required)).toContain("marcus");
  });
});

describe("pickAttendees: internal status call (seed 000)", () => {
  const cases: [string, RaidItem[], string[]][] = [
    ["seed 000: no open technical, product, legal or marketing items → PM and IM only", [makeRaid("g", "risk", "General", "dana", 3)], ["dana", "marcus"]],
    ["seed 000: an open technical item brings the SE and the developer", [makeRaid("t", "issue", "Bug", "tom", 3, { area: "technical" })], ["dana", "marcus", "priya", "tom"]],
    ["seed 000: a closed technical item does not", [makeRaid("t", "issue", "Bug", "tom", 3, { area: "technical", status: "closed" })], ["dana", "marcus"]],
    ["seed 000: an open product item brings product", [makeRaid("p", "action", "Enhancement", "nina", null, { area: "product" })], ["dana", "marcus", "nina"]],
    ["seed 000: an open legal item brings legal", [makeRaid("l", "action", "Wording", "owen", null, { area: "legal" })], ["dana", "marcus", "owen"]],
  ];
  it.each(cases)("%s", (_name, raid, required) => {
    const result = pick("internal_status", withRaid(raid));
    expect(ids(result.required)).toEqual(required);
    expect([...result.required, ...result.optional].every((a) => a.organisation === "internal")).toBe(true);
  });

  it("seed 000: an open marketing item with nobody from marketing → a warning", () => {
    const result = pick("internal_status", withRaid([makeRaid("m", "action", "Launch e-mail", null, 3, { area: "marketing" })]));
    expect(result.warnings).toEqual(["Open marketing RAID items but nobody from marketing on the project"]);
  });
});

describe("pickAttendees: steering committee (seed 000)", () => {
  it("leadership, the PM, the customer's executives and project lead — nobody else", () => {
    const result = pick("steering_committee");
    expect(ids(result.required)).toEqual(["angela", "dana", "helen", "james", "linda", "rachel", "robert"]);
    expect(result.optional).toEqual([]);
    expect(result.warnings).toEqual(["Vendors engaged (Meridian CIS, Keystone Integrators): align the stakeholder report with them before the call"]);
  });
});

describe("pickAttendees: triage (seed 001)", () => {
  it("IM, PM, TSM, TSM manager and a Client Services leader", () => {
    const result = pick("triage");
    expect(ids(result.required)).toEqual(["dana", "grace", "luis", "marcus", "sallie"]);
    expect(result.warnings).toEqual([]);
  });

  it("no Client Services leader on the project → a warning", () => {
    const project = baseProject();
    const snapshot = riverbendSnapshot({ project: { ...project, members: project.members.filter((m) => m.role !== "cs_leader") } });
    expect(pick("triage", snapshot).warnings).toContain("No Client Services leader on the project: at least one must attend");
  });

  it("the only Client Services leader out of office → a warning", () => {
    expect(pick("triage", riverbendSnapshot(), { luis: [TODAY] }).warnings).toContain("No Client Services leader available on Wed 25 Nov 2026: at least one must attend");
  });
});

describe("pickAttendees: vendor call (seeds 000, 004)", () => {
  it("the PM and the contacts of vendors whose deliverables move our schedule; never customer people", () => {
    const result = pick("vendor");
    expect(ids(result.required)).toEqual(["alicia", "dana", "steve"]);
    expect(result.required.every((a) => a.organisation !== "customer")).toBe(true);
    expect(result.optional.every((a) => a.organisation !== "customer")).toBe(true);
    expect(ids(result.required)).not.toContain("derek"); // Keystone: no deliverable touches our schedule
    expect(reasonOf(result, "steve")).toBe("Meridian CIS: 2 deliverables move our schedule");
  });
});

describe("pickAttendees: other call types (seeds 000, 001, 004)", () => {
  const cases: [string, Parameters<typeof pickAttendees>[0], string[]][] = [
    ["seed 000: targeted technical → IM and SE", "targeted_technical", ["marcus", "priya"]],
    ["seed 000: targeted product → IM, PM and product", "targeted_product", ["dana", "marcus", "nina"]],
    ["seed 004: daily status check → a representative of each team", "daily_status_check", ["dana", "derek", "marcus", "priya", "rachel", "steve"]],
    ["seed 004: milestone review → PM, IM and the customer's sign-off owners", "milestone_review", ["dana", "james", "linda", "marcus", "rachel"]],
    ["seed 001: TSM pre-go-live → PM, IM, TSM and the customer's project lead", "tsm_pre_go_live", ["dana", "marcus", "rachel", "sallie"]],
  ];
  it.each(cases)("%s", (_name, callType, required) => {
    expect(ids(pick(callType).required)).toEqual(required);
  });

  it("seed 000: the developer is optional on a targeted technical call", () => {
    expect(ids(pick("targeted_technical").optional)).toEqual(["tom"]);
  });
});

describe("pickAttendees: no duplicates", () => {
  it.each(callTypes.map((c) => [c]))("%s: nobody is listed twice, even with absences and backups", (callType) => {
    const result = pick(callType, riverbendSnapshot(), { marcus: [TODAY], luis: [TODAY] });
    const all = [...result.required, ...result.optional].map((a) => a.personId);
    expect(new Set(all).size).toBe(all.length);
  });
});
