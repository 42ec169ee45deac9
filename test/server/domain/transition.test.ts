import { describe, expect, it } from "vitest";
import {
  integrationSummaryFields,
  integrationSummaryStatus,
  isPhasedProject,
  transitionStatus,
  tsmTier,
} from "../../../server/domain/transition";
import { at, baseProject, GO_LIVE, makeMeeting, NOW, riverbendSnapshot } from "./fixtures";

describe("tsmTier", () => {
  const cases: [string, "new" | "existing", number, string, number | null, number][] = [
    ["seed 001: new integration, $0 MRR → Transition Success min 30 days, 1 meeting", "new", 0, "Transition Success, min 30 days", 30, 1],
    ["seed 001: new integration, $2,999.99 MRR → min 30 days, 1 meeting", "new", 299_999, "Transition Success, min 30 days", 30, 1],
    ["seed 001: new integration, $3,000 MRR → still min 30 days, 1 meeting (no Light tier for new)", "new", 300_000, "Transition Success, min 30 days", 30, 1],
    ["seed 001: new integration, $4,999.99 MRR → min 30 days, 1 meeting", "new", 499_999, "Transition Success, min 30 days", 30, 1],
    ["seed 001: new integration, $5,000 MRR → 90 days, 2 meetings", "new", 500_000, "Transition Success, 90 days", 90, 2],
    ["seed 001: new integration, $19,999.99 MRR → 90 days, 2 meetings", "new", 1_999_999, "Transition Success, 90 days", 90, 2],
    ["seed 001: new integration, $20,000 MRR → 90 days, 4 meetings", "new", 2_000_000, "Transition Success, 90 days", 90, 4],
    ["seed 001: existing integration, $0 MRR → help desk, 0 meetings", "existing", 0, "Client Services help desk", null, 0],
    ["seed 001: existing integration, $2,999.99 MRR → help desk, 0 meetings", "existing", 299_999, "Client Services help desk", null, 0],
    ["seed 001: existing integration, $3,000 MRR → Light 30 days, 1 meeting", "existing", 300_000, 'Transition Success "Light", 30 days', 30, 1],
    ["seed 001: existing integration, $4,999.99 MRR → Light 30 days, 1 meeting", "existing", 499_999, 'Transition Success "Light", 30 days', 30, 1],
    ["seed 001: existing integration, $5,000 MRR → 90 days, 2 meetings", "existing", 500_000, "Transition Success, 90 days", 90, 2],
    ["seed 001: existing integration, $19,999.99 MRR → 90 days, 2 meetings", "existing", 1_999_999, "Transition Success, 90 days", 90, 2],
    ["seed 001: existing integration, $20,000 MRR → 90 days, 4 meetings", "existing", 2_000_000, "Transition Success, 90 days", 90, 4],
  ];
  it.each(cases)("%s", (_name, integration, cents, support, days, meetings) => {
    expect(tsmTier(integration, cents)).toEqual({ support, supportDays: days, tsmMeetingsBeforeGoLive: meetings });
  });

  it("refuses a negative MRR", () => {
    expect(() => tsmTier("new", -1)).toThrow(RangeError);
  });
});

describe("integrationSummaryStatus", () => {
  it("seed 001: lists the 17 fields of the integration summary, in the runbook's order", () => {
    expect(integrationSummaryFields).toHaveLength(17);
    expect(integrationSummaryFields[0]).toEqual({ key: "invoice_types", label: "Invoice types" });
    expect(integrationSummaryFields.at(-1)).toEqual({ key: "ivr", label: "IVR" });
    expect(new Set(integrationSummaryFields.map((f) => f.key)).size).toBe(17);
  });

  it('seed 001: complete when every field is filled or "N/A"', () => {
    const summary = Object.fromEntries(integrationSummaryFields.map((f, i) => [f.key, i % 2 === 0 ? "N/A" : "filled"]));
    expect(integrationSummaryStatus(summary)).toEqual({ complete: true, filled: 17, total: 17, missing: [] });
  });

  it("seed 001: blank, whitespace-only and absent fields are missing, in field order", () => {
    const status = integrationSummaryStatus(baseProject().integrationSummary);
    expect(status.complete).toBe(false);
    expect(status.missing.map((m) => m.key)).toEqual(["adjustments", "rejects", "conveyance", "ivr"]);
    expect(status.filled).toBe(13);
  });
});

describe("isPhasedProject", () => {
  const none = { steeringMeetingsRunning: false, raidLogActive: false, laterPhaseRevenue: false, nextPhaseProjectProvisioned: false };
  const cases: [string, Partial<typeof none>, string[]][] = [
    ["seed 001: none of the four facts → not phased", {}, []],
    ["seed 001: steering meetings still run → phased", { steeringMeetingsRunning: true }, ["Steering committee meetings still run"]],
    ["seed 001: RAID log active → phased", { raidLogActive: true }, ["The RAID log is active"]],
    ["seed 001: new revenue in later phases → phased", { laterPhaseRevenue: true }, ["New revenue comes in later phases"]],
    ["seed 001: project provisioned for the next phase → phased", { nextPhaseProjectProvisioned: true }, ["A new project was provisioned for the next phase"]],
  ];
  it.each(cases)("%s", (_name, facts, reasons) => {
    const result = isPhasedProject(baseProject({ phased: { ...none, ...facts } }));
    expect(result).toEqual({ phased: reasons.length > 0, reasons });
  });
});

describe("transitionStatus", () => {
  const tsm = (id: string, startOffset: number, patch = {}) =>
    makeMeeting(id, { subject: "TSM introduction", callType: "tsm_pre_go_live", startsAt: at(startOffset), endsAt: at(startOffset, "15:30"), ...patch });

  it("seed 001: counts only TSM meetings of the project that took place before now and before go-live", () => {
    const meetings = [
      tsm("held-1", -10),
      tsm("held-by-override", -3, { callType: "customer_status", callTypeOverride: "tsm_pre_go_live" }),
      tsm("future", 5),
      tsm("other-project", -4, { projectId: "other" }),
      makeMeeting("status", { callType: "customer_status" }),
    ];
    const status = transitionStatus(riverbendSnapshot(), meetings, NOW);
    expect(status.tier.tsmMeetingsBeforeGoLive).toBe(2); // $12,500 MRR, new integration
    expect(status.tsmMeetingsHeld.map((m) => m.meetingId)).toEqual(["held-1", "held-by-override"]);
    expect(status.tsmMeetingsStillOwed).toBe(0);
    expect(status.integrationSummary.complete).toBe(false);
    expect(status.readyForGoLive).toBe(false);
    expect(status.daysToGoLive).toBe(41);
  });

  it("seed 001: a meeting in progress at now is not held yet; one meeting of two owed remains", () => {
    const inProgress = tsm("now", 0, { startsAt: "2026-11-25T14:30:00.000Z", endsAt: "2026-11-25T15:30:00.000Z" });
    const status = transitionStatus(riverbendSnapshot(), [tsm("held-1", -10), inProgress], NOW);
    expect(status.tsmMeetingsHeld).toHaveLength(1);
    expect(status.tsmMeetingsStillOwed).toBe(1);
  });

  it("seed 001: after go-live, a TSM meeting does not count and the missing ones are warned about", () => {
    const after = new Date(`${GO_LIVE}T20:00:00.000Z`);
    const later = new Date(after.getTime() + 3 * 86_400_000);
    const onGoLiveDay = tsm("on-go-live", 41);
    const status = transitionStatus(riverbendSnapshot(), [tsm("held-1", -10), onGoLiveDay], later);
    expect(status.tsmMeetingsHeld.map((m) => m.meetingId)).toEqual(["held-1"]);
    expect(status.warnings).toContain("Went live with 1 TSM meeting not held");
  });

  it("seed 001: ready once the meetings are held and the summary is complete", () => {
    const summary = Object.fromEntries(integrationSummaryFields.map((f) => [f.key, "N/A"]));
    const snapshot = riverbendSnapshot({ project: baseProject({ integrationSummary: summary, mrrCents: 400_000 }) });
    const status = transitionStatus(snapshot, [tsm("held-1", -10)], NOW);
    expect(status.tier.tsmMeetingsBeforeGoLive).toBe(1);
    expect(status.readyForGoLive).toBe(true);
    expect(status.warnings).toEqual([]);
  });
});
