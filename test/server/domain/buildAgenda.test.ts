import { describe, expect, it } from "vitest";
import { buildAgenda } from "../../../server/domain/buildAgenda";
import type { Agenda, AgendaItem } from "../../../contracts/agenda";
import { callTypeDefinitions } from "../../../contracts/callTypeDefinitions";
import { callTypes, cisChecklistKeys, type CallType, type MeetingHistory, type ProjectSnapshot } from "../../../contracts/types";
import { at, baseProject, makeMeeting, makeMilestone, makeTask, NOW, person, riverbendSnapshot } from "./fixtures";

const noHistory: MeetingHistory = { meetings: [] };
const lastCustomerCall = makeMeeting("prev-status", { callType: "customer_status", startsAt: at(-7), endsAt: at(-7, "16:00") });

function item(agenda: Agenda, key: string): AgendaItem {
  const found = agenda.items.find((i) => i.key === key);
  if (!found) throw new Error(`No agenda item ${key} in ${agenda.callType}`);
  return found;
}
const refIds = (i: AgendaItem) => i.lines.map((l) => l.ref?.id);
const agendaFor = (callType: CallType, snapshot: ProjectSnapshot = riverbendSnapshot(), history: MeetingHistory = noHistory) =>
  buildAgenda(callType, snapshot, history, NOW);

describe("buildAgenda: time boxes", () => {
  const lengths = [undefined, 5, 15, 25, 30, 50, 90];
  it.each(callTypes.flatMap((c) => lengths.map((l) => [c, l] as const)))("%s, %s minutes: items follow the definition and sum exactly to the length", (callType, length) => {
    const agenda = buildAgenda(callType, riverbendSnapshot(), noHistory, NOW, length === undefined ? {} : { lengthMinutes: length });
    const expected = length ?? callTypeDefinitions[callType].typicalMinutes;
    expect(agenda.totalMinutes).toBe(expected);
    expect(agenda.items.map((i) => i.key)).toEqual(callTypeDefinitions[callType].agenda.map((i) => i.key));
    expect(agenda.items.reduce((sum, i) => sum + i.minutes, 0)).toBe(expected);
    expect(agenda.items.every((i) => Number.isInteger(i.minutes) && i.minutes >= 0)).toBe(true);
  });

  it("seed 000: a 45-minute customer call gives the upcoming tasks and the RAID log the longest boxes", () => {
    const agenda = agendaFor("customer_status");
    expect(agenda.items.map((i) => i.minutes)).toEqual([4, 3, 4, 4, 8, 8, 6, 1, 6, 1]);
  });

  it("stamps the label and the generation time", () => {
    const agenda = agendaFor("customer_status");
    expect(agenda.label).toBe("Customer status call");
    expect(agenda.generatedAt).toBe("2026-11-25T15:00:00.000Z");
  });

  it("a zero-length meeting gets empty time boxes; a negative or fractional length is refused", () => {
    const agenda = buildAgenda("customer_status", riverbendSnapshot(), noHistory, NOW, { lengthMinutes: 0 });
    expect(agenda.items.every((i) => i.minutes === 0)).toBe(true);
    expect(() => buildAgenda("customer_status", riverbendSnapshot(), noHistory, NOW, { lengthMinutes: -30 })).toThrow(RangeError);
    expect(() => buildAgenda("customer_status", riverbendSnapshot(), noHistory, NOW, { lengthMinutes: 12.5 })).toThrow(RangeError);
  });
});

describe("buildAgenda: customer status call (seed 000)", () => {
  it("RAID log: open items only, customer-visible only, late ones flagged past_due and undated ones no_due_date", () => {
    const raid = item(agendaFor("customer_status"), "raid");
    expect(refIds(raid)).toEqual(["r04", "r03", "r06", "r01", "r08", "r05", "r02"]);
    const flags = Object.fromEntries(raid.lines.map((l) => [l.ref?.id, l.flags]));
    expect(flags).toEqual({ r04: ["past_due"], r03: ["past_due"], r06: [], r01: [], r08: [], r05: ["no_due_date"], r02: ["no_due_date"] });
    expect(raid.summary).toBe("7 open items: 2 past due, 2 without a due date");
  });

  it("upcoming tasks: exactly the next 10 open tasks by due date, ties by name, done tasks left out", () => {
    const tasks = item(agendaFor("customer_status"), "upcoming_tasks");
    expect(refIds(tasks)).toEqual(["t10", "t11", "t12", "t13", "t14", "t15", "t16", "t17", "t18", "t19"]);
    expect(tasks.lines[0]?.flags).toEqual(["past_due"]);
    expect(tasks.lines[5]?.flags).toEqual(["blocked"]);
    expect(tasks.summary).toBe("Next 10 of 15 open tasks");
  });

  it("upcoming tasks due the same day follow the schedule: start date, then the schedule's row order, not the alphabet (issue 15 §2)", () => {
    const sameDay = (id: string, name: string, start: string | null, row: string) => ({ ...makeTask(id, name, "dana", 3), startDate: start, externalRef: row });
    const snapshot = riverbendSnapshot({
      tasks: [
        sameDay("row10", "Archive old invoices", "2026-11-10", "10"),
        sameDay("row9", "Build the rate table", "2026-11-10", "9"),
        sameDay("late-start", "Agree the cut-over", "2026-11-12", "2"),
        sameDay("row2", "Zero-balance check", "2026-11-10", "2"),
      ],
    });
    expect(refIds(item(agendaFor("customer_status", snapshot), "upcoming_tasks"))).toEqual(["row2", "row9", "row10", "late-start"]);
  });

  it("upcoming tasks: undated tasks come after dated ones", () => {
    const snapshot = riverbendSnapshot({
      tasks: [makeTask("a", "Undated", "dana", null), makeTask("b", "Later", "dana", 9), makeTask("c", "Sooner", "dana", 1), makeTask("d", "Finished", "dana", 0, "done")],
    });
    const tasks = item(agendaFor("customer_status", snapshot), "upcoming_tasks");
    expect(refIds(tasks)).toEqual(["c", "b", "a"]);
    expect(tasks.lines[2]?.flags).toEqual(["no_due_date"]);
  });

  it("accomplishments: milestones achieved since the previous customer call of the project", () => {
    const history: MeetingHistory = {
      meetings: [
        makeMeeting("older", { callType: "customer_status", startsAt: at(-14) }),
        lastCustomerCall,
        makeMeeting("internal", { callType: "internal_status", startsAt: at(-2) }),
        makeMeeting("other-project", { projectId: "elsewhere", callType: "customer_status", startsAt: at(-1) }),
        makeMeeting("next-week", { callType: "customer_status", startsAt: at(7) }),
        makeMeeting("this-one", { callType: "customer_status", startsAt: "2026-11-25T14:30:00.000Z" }),
      ],
    };
    const agenda = buildAgenda("customer_status", riverbendSnapshot(), history, NOW, { meetingId: "this-one" });
    const accomplishments = item(agenda, "accomplishments");
    expect(refIds(accomplishments)).toEqual(["sit"]); // "Test accounts mapped" (day −8) was reported on day −7
    expect(accomplishments.lines[0]?.flags).toEqual(["achieved"]);
    expect(accomplishments.summary).toBe("Since the last customer call, Wed 18 Nov 2026");
  });

  it("accomplishments: with no earlier customer call, the last 14 days", () => {
    const accomplishments = item(agendaFor("customer_status"), "accomplishments");
    expect(refIds(accomplishments)).toEqual(["accounts", "sit"]);
    expect(accomplishments.summary).toContain("last 14 days");
  });

  it("accomplishments: says so when nothing was achieved", () => {
    const snapshot = riverbendSnapshot({ milestones: [makeMilestone("m", "Later", 10, null)] });
    const accomplishments = item(agendaFor("customer_status", snapshot, { meetings: [lastCustomerCall] }), "accomplishments");
    expect(accomplishments.lines).toEqual([]);
    expect(accomplishments.empty).toBe("No milestone achieved since Wed 18 Nov 2026");
  });

  it("upcoming milestones: not yet achieved, by planned date, the next fortnight flagged upcoming", () => {
    const upcoming = item(agendaFor("customer_status"), "upcoming_milestones");
    expect(refIds(upcoming)).toEqual(["uat_start", "payments_cert", "uat_signoff", "go_live", "hypercare"]);
    expect(upcoming.lines.map((l) => l.flags)).toEqual([["upcoming"], [], [], [], []]);
  });

  const rags: [string, Partial<ReturnType<typeof baseProject>>, string[]][] = [
    ["seed 000: green shows no reason and no path to green", { rag: "green" }, []],
    ["seed 000: amber shows why and the path to green", {}, ["Why amber: Meridian CIS patch 22.4 is late; UAT start at risk", "Path to green: Patch installed in test by Mon 30 Nov; UAT starts Tue 1 Dec"]],
    ["seed 000: red without a recorded reason asks for one", { rag: "red", ragReason: null, pathToGreen: null }, ["Why red: no reason recorded", "Path to green: not recorded"]],
  ];
  it.each(rags)("%s", (_name, patch, texts) => {
    const rag = item(agendaFor("customer_status", riverbendSnapshot({ project: baseProject(patch) })), "rag");
    expect(rag.lines.map((l) => l.text)).toEqual(texts);
  });

  const goLives: [string, string | null, string | null][] = [
    ["seed 000: 41 days to go-live with its date", "2027-01-05", "41 days to go-live — Tue 5 Jan 2027"],
    ["seed 000: one day to go-live", "2026-11-26", "1 day to go-live — Thu 26 Nov 2026"],
    ["seed 000: go-live today", "2026-11-25", "Go-live is today — Wed 25 Nov 2026"],
    ["seed 000: already live", "2026-11-22", "Live for 3 days — Sun 22 Nov 2026"],
    ["seed 000: no go-live date", null, null],
  ];
  it.each(goLives)("%s", (_name, goLiveDate, text) => {
    const days = item(agendaFor("customer_status", riverbendSnapshot({ project: baseProject({ goLiveDate }) })), "days_to_go_live");
    expect(days.lines.map((l) => l.text)).toEqual(text === null ? [] : [text]);
    if (text === null) expect(days.empty).toBe("No go-live date set");
  });

  it("hot topics: urgent cases, blocked tasks and pending change requests", () => {
    const hot = item(agendaFor("customer_status"), "hot_topics");
    expect(refIds(hot)).toEqual(["20481", "20490", "t15", "cr1", "cr3"]);
  });
});

describe("buildAgenda: internal status call (seed 000)", () => {
  it("round of updates: per internal stakeholder, done since the last internal call, next up, blockers (not counts)", () => {
    const people = riverbendSnapshot().people.map((p) => (p.id === "priya" ? { ...p, outOfOffice: { from: "2026-11-24", until: "2026-11-27" } } : p));
    const updates = item(agendaFor("internal_status", riverbendSnapshot({ people })), "stakeholder_updates");
    expect(updates.lines.map((l) => l.ref?.id)).not.toContain("rachel");
    expect(updates.lines.map((l) => l.ref?.id)).not.toContain("kevin"); // a backup, not a project member
    const tom = updates.lines.find((l) => l.ref?.id === "tom");
    expect(tom).toEqual({
      text: "Tom Alvarez (Developer)",
      detail: "Done: nothing recorded · Next: Fix rounding on budget-billing invoices (due Mon 23 Nov 2026) · Open RAID: Budget-billing invoices round to the wrong cent",
      flags: ["past_due"],
      ref: { kind: "person", id: "tom" },
    });
    expect(updates.lines.find((l) => l.ref?.id === "priya")?.flags).toEqual(["out_of_office"]);
    expect(updates.lines.find((l) => l.ref?.id === "marcus")?.detail).toMatch(/^Done: nothing recorded · Next: \S/);
    expect(updates.lines.every((l) => !/\d+ open tasks?,/.test(l.detail ?? ""))).toBe(true);
  });

  it("RAID review includes internal-only items and flags missing and past due dates", () => {
    const raid = item(agendaFor("internal_status"), "raid_review");
    expect(refIds(raid)).toEqual(["r04", "r03", "r06", "r01", "r08", "r12", "r09", "r05", "r02"]);
    expect(raid.lines.filter((l) => l.flags.includes("past_due")).map((l) => l.ref?.id)).toEqual(["r04", "r03"]);
    expect(raid.lines.filter((l) => l.flags.includes("no_due_date")).map((l) => l.ref?.id)).toEqual(["r09", "r05", "r02"]);
  });

  it("schedule review lists only the tasks that need attention", () => {
    const schedule = item(agendaFor("internal_status"), "schedule_review");
    expect(refIds(schedule)).toEqual(["t10", "t15", "t34"]);
    expect(schedule.summary).toBe("15 open tasks: 1 past due, 1 blocked, 1 without a due date");
  });
});

describe("buildAgenda: steering committee (seed 000)", () => {
  it("stakeholder report: RAG, milestones, go-live, top customer-visible risks, vendor alignment", () => {
    const report = item(agendaFor("steering_committee"), "stakeholder_report");
    const texts = report.lines.map((l) => l.text);
    expect(texts[0]).toBe("RAG: Amber");
    expect(texts).toContain("Milestones: 5 of 10 achieved");
    expect(texts).toContain("41 days to go-live — Tue 5 Jan 2027");
    expect(report.lines.filter((l) => l.ref?.kind === "raid").map((l) => l.ref?.id)).toEqual(["r01", "r08", "r02"]);
    expect(report.lines.filter((l) => l.ref?.kind === "vendor").map((l) => [l.ref?.id, l.flags])).toEqual([
      ["meridian", ["unanswered"]],
      ["keystone", []],
    ]);
  });
});

describe("buildAgenda: triage (seed 001)", () => {
  it("open production cases: critical, then high, medium, low; oldest first; resolved and closed left out", () => {
    const cases = item(agendaFor("triage"), "open_cases");
    expect(refIds(cases)).toEqual(["20481", "20490", "20399", "20433"]);
    expect(cases.lines.map((l) => l.flags)).toEqual([["critical"], ["high"], [], []]);
    expect(cases.summary).toBe("4 open cases: 1 critical, 1 high, 2 medium, 0 low");
  });

  it("resolution plan: cases with no owner or no resolution", () => {
    const plan = item(agendaFor("triage"), "resolution_plan");
    expect(refIds(plan)).toEqual(["20490", "20399", "20433"]);
    expect(plan.lines[0]?.detail).toBe("no owner · no resolution defined");
  });
});

describe("buildAgenda: vendor call (seeds 000, 004)", () => {
  it("CIS checklist: all 7 questions, the answers so far, unanswered ones flagged", () => {
    const checklist = item(agendaFor("vendor"), "cis_checklist");
    expect(checklist.lines).toHaveLength(7);
    const unanswered = cisChecklistKeys.filter((_, i) => checklist.lines[i]?.flags.includes("unanswered"));
    // Go-live alignment and the deliverables moving our schedule are read from the vendor record.
    expect(unanswered).toEqual(["updates_needed", "schedule_go_live", "share_schedule_join_meetings"]);
    expect(checklist.lines[0]).toMatchObject({ text: "Is the CIS installed and ready to integrate?", detail: "Installed; patch 22.4 needed for the autopay file", flags: [] });
  });

  it("CIS checklist: empty without a CIS vendor; deliverables listed per vendor", () => {
    const snapshot = riverbendSnapshot();
    const noCis = riverbendSnapshot({ vendors: snapshot.vendors.filter((v) => v.kind !== "cis") });
    expect(item(agendaFor("vendor", noCis), "cis_checklist")).toMatchObject({ lines: [], empty: "No CIS vendor on this project" });
    const deliverables = item(agendaFor("vendor"), "schedule_deliverables");
    expect(deliverables.lines.map((l) => `${l.detail}: ${l.text}`)).toEqual(["Meridian CIS: CIS patch 22.4 installed in test", "Meridian CIS: Payment file certification"]);
  });
});

describe("buildAgenda: other call types (seeds 000, 001, 004)", () => {
  it("targeted technical: open technical RAID items only", () => {
    expect(refIds(item(agendaFor("targeted_technical"), "technical_items"))).toEqual(["r03", "r01"]);
  });

  it("targeted product: pending change requests, the unconfirmed one flagged; decisions to share", () => {
    const agenda = agendaFor("targeted_product");
    const pending = item(agenda, "pending_change_requests");
    expect(pending.lines.map((l) => [l.ref?.id, l.flags])).toEqual([["cr1", []], ["cr3", ["unanswered"]]]);
    expect(item(agenda, "decisions_to_share").lines[0]?.detail).toBe("Approved by Helen Park on Tue 17 Nov 2026 · 16 h estimated");
  });

  it("daily status check: one line per active team", () => {
    const teams = item(agendaFor("daily_status_check"), "team_updates");
    expect(teams.lines.map((l) => [l.text, l.flags])).toEqual([
      ["Our team", ["past_due"]],
      ["Riverbend Utilities", []],
      ["Keystone Integrators", []],
      ["Meridian CIS", ["blocked"]],
    ]);
  });

  it("milestone review: the first milestone waiting for sign-off, its deliverable and the sign-off to capture", () => {
    const agenda = agendaFor("milestone_review");
    expect(refIds(item(agenda, "milestone"))).toEqual(["sit"]);
    expect(item(agenda, "deliverable").lines[0]).toMatchObject({ text: "System integration test results exported", flags: ["achieved"] });
    expect(item(agenda, "sign_off").lines[0]?.flags).toEqual(["unanswered"]);
  });

  it("TSM pre-go-live: meetings owed by tier against those held, and the empty summary fields", () => {
    const held = makeMeeting("tsm-1", { callType: "tsm_pre_go_live", subject: "TSM introduction", startsAt: at(-15), endsAt: at(-15, "15:30") });
    const agenda = agendaFor("tsm_pre_go_live", riverbendSnapshot(), { meetings: [held] });
    const meetings = item(agenda, "tsm_meetings");
    expect(meetings.summary).toBe("1 of 2 TSM meetings held");
    expect(meetings.lines.map((l) => l.flags)).toEqual([["achieved"], ["upcoming"]]);
    expect(item(agenda, "integration_summary").lines.map((l) => l.text)).toEqual(["Adjustments", "Rejects", "Conveyance", "IVR"]);
  });

  it("a person missing from the snapshot shows by id rather than failing", () => {
    const snapshot = riverbendSnapshot({ tasks: [makeTask("x", "Orphan task", "ghost", 1)] });
    expect(item(agendaFor("customer_status", snapshot), "upcoming_tasks").lines[0]?.detail).toContain("ghost");
    expect(person(snapshot, "dana").name).toBe("Dana Whitfield");
  });
});
