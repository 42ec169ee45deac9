import { describe, expect, it } from "vitest";
import { dueFollowUps, type FollowUp, type FollowUpKind, type LastSent } from "../../../server/domain/dueFollowUps";
import type { Meeting, Project, ProjectSnapshot } from "../../../contracts/types";
import { baseProject, makeMeeting, makeTask, NOW, riverbendSnapshot } from "./fixtures";

// NOW is Wed 25 Nov 2026 15:00Z (10:00 EST); Thu 26 and Fri 27 Nov are project holidays.

function only(kind: FollowUpKind, options: { snapshot?: ProjectSnapshot; meetings?: Meeting[]; lastSent?: LastSent; now?: Date } = {}): FollowUp[] {
  return dueFollowUps(options.snapshot ?? riverbendSnapshot(), options.meetings ?? [], options.now ?? NOW, options.lastSent ?? {}).filter((f) => f.kind === kind);
}
const project = (patch: Partial<Project>) => riverbendSnapshot({ project: baseProject(patch) });
const customerCall = (id: string, endsAt: string, patch: Partial<Meeting> = {}) =>
  makeMeeting(id, { callType: "customer_status", startsAt: new Date(Date.parse(endsAt) - 3_600_000).toISOString(), endsAt, ...patch });

describe("dueFollowUps: recap after every customer call (seed 003)", () => {
  const cases: [string, Meeting, { state: FollowUp["state"]; dueAt: string } | null][] = [
    ["seed 003: ended 23 h ago, no recap → due, late at end + 24 h", customerCall("a", "2026-11-24T16:00:00.000Z"), { state: "due", dueAt: "2026-11-25T16:00:00.000Z" }],
    ["seed 003: ended exactly 24 h ago → still due", customerCall("b", "2026-11-24T15:00:00.000Z"), { state: "due", dueAt: "2026-11-25T15:00:00.000Z" }],
    ["seed 003: ended 24 h and 1 minute ago → late", customerCall("c", "2026-11-24T14:59:00.000Z"), { state: "late", dueAt: "2026-11-25T14:59:00.000Z" }],
    ["seed 003: recap already sent → nothing owed", customerCall("d", "2026-11-24T16:00:00.000Z", { recapSentAt: "2026-11-24T18:00:00.000Z" }), null],
    ["seed 003: not over yet → nothing owed", customerCall("e", "2026-11-25T15:30:00.000Z"), null],
    ["seed 003: an internal call owes no customer recap", customerCall("f", "2026-11-24T16:00:00.000Z", { callType: "internal_status" }), null],
    ["seed 003: a customer call set by override owes one", customerCall("g", "2026-11-24T16:00:00.000Z", { callType: "internal_status", callTypeOverride: "customer_status" }), { state: "due", dueAt: "2026-11-25T16:00:00.000Z" }],
    ["seed 003: another project's call is not ours", customerCall("h", "2026-11-24T16:00:00.000Z", { projectId: "elsewhere" }), null],
  ];
  it.each(cases)("%s", (_name, meeting, expected) => {
    const recaps = only("recap", { meetings: [meeting] });
    if (expected === null) expect(recaps).toEqual([]);
    else expect(recaps).toEqual([expect.objectContaining({ ...expected, meetingId: meeting.id })]);
  });
});

describe("dueFollowUps: open tasks every 2 working days (seed 003)", () => {
  const cases: [string, string | undefined, FollowUp["state"], string][] = [
    ["seed 003: sent Mon 23 Nov → due Wed 25 Nov by 17:00 New York", "2026-11-23T14:00:00.000Z", "due", "2026-11-25T22:00:00.000Z"],
    ["seed 003: sent Tue 24 Nov → Wed 25, then Thanksgiving and the weekend skipped → Mon 30 Nov", "2026-11-24T14:00:00.000Z", "upcoming", "2026-11-30T22:00:00.000Z"],
    ["seed 003: sent Wed 25 Nov → Thanksgiving and the weekend skipped → Tue 1 Dec", "2026-11-25T14:00:00.000Z", "upcoming", "2026-12-01T22:00:00.000Z"],
    ["seed 003: sent Thu 19 Nov → the weekend skipped → Mon 23 Nov, now late", "2026-11-19T20:00:00.000Z", "late", "2026-11-23T22:00:00.000Z"],
    ["seed 003: sent Mon 23 Nov 22:30 New York (Tue in UTC) still counts from Monday", "2026-11-24T03:30:00.000Z", "due", "2026-11-25T22:00:00.000Z"],
    ["seed 003: never sent → due today", undefined, "due", "2026-11-25T22:00:00.000Z"],
  ];
  it.each(cases)("%s", (_name, lastSent, state, dueAt) => {
    const [update, ...rest] = only("open_task_update", { lastSent: lastSent ? { open_task_update: lastSent } : {} });
    expect(rest).toEqual([]);
    expect(update).toMatchObject({ state, dueAt });
    expect(update?.title).toBe("Open-task update to Riverbend Utilities: name, status and ETA of 15 open tasks");
  });

  it("seed 003: no open task → no update owed", () => {
    expect(only("open_task_update", { snapshot: riverbendSnapshot({ tasks: [makeTask("d", "Done", "dana", -1, "done")] }) })).toEqual([]);
  });
});

describe("dueFollowUps: weekly status report (seed 002)", () => {
  const cases: [string, string | undefined, FollowUp["state"], string][] = [
    ["seed 002: sent Wed 18 Nov → due Wed 25 Nov", "2026-11-18T21:00:00.000Z", "due", "2026-11-25T22:00:00.000Z"],
    ["seed 002: sent Thu 19 Nov → Thanksgiving week moves it to Mon 30 Nov", "2026-11-19T21:00:00.000Z", "upcoming", "2026-11-30T22:00:00.000Z"],
    ["seed 002: sent Tue 10 Nov → late since Tue 17 Nov", "2026-11-10T21:00:00.000Z", "late", "2026-11-17T22:00:00.000Z"],
    ["seed 002: never sent → due today", undefined, "due", "2026-11-25T22:00:00.000Z"],
  ];
  it.each(cases)("%s", (_name, lastSent, state, dueAt) => {
    expect(only("weekly_status_report", { lastSent: lastSent ? { weekly_status_report: lastSent } : {} })).toEqual([expect.objectContaining({ state, dueAt })]);
  });
});

describe("dueFollowUps: a report every sprint (seed 003)", () => {
  // Fortnightly sprints from Mon 7 Sep 2026 end on Sundays: … 1 Nov, 15 Nov, 29 Nov.
  const cases: [string, Partial<Project>, string | undefined, FollowUp["state"], string, string][] = [
    ["seed 003: 2-week sprint ended Sun 15 Nov, report sent Mon 16 Nov → next sprint's, upcoming", {}, "2026-11-16T20:00:00.000Z", "upcoming", "2026-11-30T22:00:00.000Z", "Sun 29 Nov 2026"],
    ["seed 003: 2-week sprint ended Sun 15 Nov, last report for the sprint before → late", {}, "2026-11-02T20:00:00.000Z", "late", "2026-11-16T22:00:00.000Z", "Sun 15 Nov 2026"],
    ["seed 003: 1-week sprints from Mon 2 Nov, never reported → the sprint ended Sun 22 Nov is late", { sprintLengthDays: 7, sprintStartDate: "2026-11-02" }, undefined, "late", "2026-11-23T22:00:00.000Z", "Sun 22 Nov 2026"],
    ["seed 003: first sprint still running → its report is upcoming", { sprintLengthDays: 14, sprintStartDate: "2026-11-23" }, undefined, "upcoming", "2026-12-07T22:00:00.000Z", "Sun 6 Dec 2026"],
  ];
  it.each(cases)("%s", (_name, patch, lastSent, state, dueAt, sprintEnd) => {
    const [report] = only("sprint_report", { snapshot: project(patch), lastSent: lastSent ? { sprint_report: lastSent } : {} });
    expect(report).toMatchObject({ state, dueAt });
    expect(report?.title).toContain(`sprint ending ${sprintEnd}`);
  });

  it("seed 003: a project without sprints owes no sprint report", () => {
    expect(only("sprint_report", { snapshot: project({ sprintLengthDays: null, sprintStartDate: null }) })).toEqual([]);
  });
});

describe("dueFollowUps: every second Friday (seed 003)", () => {
  const cases: [string, Partial<Project>, string | undefined, FollowUp["state"], string][] = [
    ["seed 003: sent Fri 20 Nov → next on Fri 4 Dec", {}, "2026-11-20T20:00:00.000Z", "upcoming", "2026-12-04T22:00:00.000Z"],
    ["seed 003: sent Fri 6 Nov → Fri 20 Nov was missed: late", {}, "2026-11-06T20:00:00.000Z", "late", "2026-11-20T22:00:00.000Z"],
    ["seed 003: sent a day late (Mon 9 Nov) for Fri 6 Nov → Fri 20 Nov is owed", {}, "2026-11-09T20:00:00.000Z", "late", "2026-11-20T22:00:00.000Z"],
    ["seed 003: never sent, no sprints → the coming Friday", { sprintStartDate: null, sprintLengthDays: null }, undefined, "upcoming", "2026-11-27T22:00:00.000Z"],
    ["seed 003: never sent, fortnights from the first sprint's Friday (11 Sep) → Fri 20 Nov missed", {}, undefined, "late", "2026-11-20T22:00:00.000Z"],
  ];
  it.each(cases)("%s", (_name, patch, lastSent, state, dueAt) => {
    expect(only("biweekly_friday_report", { snapshot: project(patch), lastSent: lastSent ? { biweekly_friday_report: lastSent } : {} })).toEqual([
      expect.objectContaining({ state, dueAt }),
    ]);
  });
});

describe("dueFollowUps: RAG change notice (seed 004)", () => {
  const cases: [string, Partial<Project>, string | undefined, { state: FollowUp["state"]; dueAt: string } | null][] = [
    ["seed 004: turned amber five days ago, nobody told → late", {}, undefined, { state: "late", dueAt: "2026-11-20T16:00:00.000Z" }],
    ["seed 004: turned red an hour ago → due within 2 h", { rag: "red", previousRag: "amber", ragChangedAt: "2026-11-25T14:00:00.000Z" }, undefined, { state: "due", dueAt: "2026-11-25T16:00:00.000Z" }],
    ["seed 004: notice sent after the change → nothing owed", {}, "2026-11-20T14:30:00.000Z", null],
    ["seed 004: a notice from before the change does not cover it", {}, "2026-11-01T14:00:00.000Z", { state: "late", dueAt: "2026-11-20T16:00:00.000Z" }],
    ["seed 004: back to green → nothing owed", { rag: "green", previousRag: "amber" }, undefined, null],
    ["seed 004: no recorded change → nothing owed", { ragChangedAt: null }, undefined, null],
  ];
  it.each(cases)("%s", (_name, patch, lastSent, expected) => {
    const notices = only("rag_change_notice", { snapshot: project(patch), lastSent: lastSent ? { rag_change_notice: lastSent } : {} });
    expect(notices).toEqual(expected === null ? [] : [expect.objectContaining(expected)]);
  });
});

describe("dueFollowUps: all together", () => {
  it("lists every cadence once, sorted by due time", () => {
    const all = dueFollowUps(riverbendSnapshot(), [customerCall("a", "2026-11-24T16:00:00.000Z")], NOW, {});
    expect(all.map((f) => f.kind).sort()).toEqual(["biweekly_friday_report", "open_task_update", "rag_change_notice", "recap", "sprint_report", "weekly_status_report"]);
    const dueTimes = all.map((f) => f.dueAt);
    expect(dueTimes).toEqual([...dueTimes].sort());
  });

  it("refuses a malformed last-sent time", () => {
    expect(() => dueFollowUps(riverbendSnapshot(), [], NOW, { weekly_status_report: "last Tuesday" })).toThrow(RangeError);
  });
});
