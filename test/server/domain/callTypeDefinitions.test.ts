import { describe, expect, it } from "vitest";
import { callTypeDefinitions, cisChecklistQuestions } from "../../../contracts/callTypeDefinitions";
import { callTypes, cisChecklistKeys } from "../../../contracts/types";

describe("callTypeDefinitions", () => {
  it.each(callTypes.map((c) => [c]))("%s: a complete definition with unique agenda keys and positive weights", (callType) => {
    const d = callTypeDefinitions[callType];
    expect(d.callType).toBe(callType);
    expect(d.label).not.toBe("");
    expect(d.purpose).not.toBe("");
    expect(d.typicalMinutes).toBeGreaterThan(0);
    expect(d.cadence.text).not.toBe("");
    expect(d.attendeeRule).not.toBe("");
    expect(d.seeds.length).toBeGreaterThan(0);
    expect(d.agenda.length).toBeGreaterThan(0);
    expect(new Set(d.agenda.map((i) => i.key)).size).toBe(d.agenda.length);
    expect(d.agenda.every((i) => i.weight > 0)).toBe(true);
  });

  const orders: [string, string, string[]][] = [
    [
      "seed 000: internal status call, 8 items in the runbook's order",
      "internal_status",
      ["stakeholder_updates", "schedule_review", "raid_review", "status_report_review", "milestone_tracking", "upcoming_actions", "q_and_a", "send_notes"],
    ],
    [
      "seed 000: customer status call, 10 items in the runbook's order",
      "customer_status",
      ["status_report", "rag", "accomplishments", "upcoming_milestones", "upcoming_tasks", "raid", "hot_topics", "days_to_go_live", "q_and_a", "send_notes"],
    ],
    ["seed 000: steering committee, 3 items", "steering_committee", ["stakeholder_report", "q_and_a", "send_notes"]],
  ];
  it.each(orders)("%s", (_name, callType, keys) => {
    expect(callTypeDefinitions[callType as keyof typeof callTypeDefinitions].agenda.map((i) => i.key)).toEqual(keys);
  });

  it("seed 001: triage runs Tuesdays and Thursdays 10–11 New York time", () => {
    expect(callTypeDefinitions.triage.cadence.rule).toEqual({
      kind: "weekly_slots",
      weekdays: ["tuesday", "thursday"],
      start: "10:00",
      end: "11:00",
      timeZone: "America/New_York",
    });
  });

  it("seed 004: the daily status check is under 30 minutes", () => {
    expect(callTypeDefinitions.daily_status_check.typicalMinutes).toBeLessThan(30);
  });

  it("seed 000: every CIS checklist key has its question", () => {
    expect(Object.keys(cisChecklistQuestions).sort()).toEqual([...cisChecklistKeys].sort());
  });
});
