import { daysBetween, utcDateOf } from "./isoDates";
import { isMeetingOfProject, meetingCallType } from "./meetingCallType";
import {
  integrationSummaryFields, type HeldTsmMeeting, type IntegrationSummaryField, type IntegrationSummaryKey, type IntegrationSummaryStatus, type PhasedProjectStatus, type TransitionStatus, type TsmTier,
} from "../../contracts/transition";
import type { Meeting, Project, ProjectSnapshot } from "../../contracts/types";

export { integrationSummaryFields, type HeldTsmMeeting, type IntegrationSummaryField, type IntegrationSummaryKey, type IntegrationSummaryStatus, type PhasedProjectStatus, type TransitionStatus, type TsmTier };

// Transition to Client Services (runbook section 4, seed 001).

const DOLLARS = 100; // mrrCents per dollar

/**
 * Support model and TSM meetings owed before go-live. Bands are half-open in cents:
 * "$5,000 – $20,000" means ≥ $5,000.00 and < $20,000.00; "< $5,000" stops at $4,999.99.
 */
export function tsmTier(integrationType: "new" | "existing", mrrCents: number): TsmTier {
  if (!Number.isFinite(mrrCents) || mrrCents < 0) throw new RangeError(`MRR must be ≥ 0 cents, got ${mrrCents}`);
  if (mrrCents >= 20_000 * DOLLARS) return { support: "Transition Success, 90 days", supportDays: 90, tsmMeetingsBeforeGoLive: 4 };
  if (mrrCents >= 5_000 * DOLLARS) return { support: "Transition Success, 90 days", supportDays: 90, tsmMeetingsBeforeGoLive: 2 };
  if (integrationType === "new") {
    return { support: "Transition Success, min 30 days", supportDays: 30, tsmMeetingsBeforeGoLive: 1 };
  }
  if (mrrCents >= 3_000 * DOLLARS) return { support: 'Transition Success "Light", 30 days', supportDays: 30, tsmMeetingsBeforeGoLive: 1 };
  return { support: "Client Services help desk", supportDays: null, tsmMeetingsBeforeGoLive: 0 };
}

/** A field counts as filled when it holds any non-blank text, "N/A" included. */
export function integrationSummaryStatus(summary: Record<string, string>): IntegrationSummaryStatus {
  const missing = integrationSummaryFields
    .filter(({ key }) => (summary[key] ?? "").trim() === "")
    .map(({ key, label }) => ({ key, label }));
  const total = integrationSummaryFields.length;
  return { complete: missing.length === 0, filled: total - missing.length, total, missing };
}

/** Phased when any of the four facts of section 4 holds; the reasons name which. */
export function isPhasedProject(project: Project): PhasedProjectStatus {
  const facts = project.phased;
  const reasons = [
    facts.steeringMeetingsRunning ? "Steering committee meetings still run" : null,
    facts.raidLogActive ? "The RAID log is active" : null,
    facts.laterPhaseRevenue ? "New revenue comes in later phases" : null,
    facts.nextPhaseProjectProvisioned ? "A new project was provisioned for the next phase" : null,
  ].filter((reason): reason is string => reason !== null);
  return { phased: reasons.length > 0, reasons };
}

/**
 * TSM meetings "held" are the project's meetings of type tsm_pre_go_live that ended by
 * `now` and started before the go-live date (one after go-live is not a pre-go-live meeting).
 */
export function transitionStatus(snapshot: ProjectSnapshot, meetings: Meeting[], now: Date): TransitionStatus {
  const { project } = snapshot;
  const tier = tsmTier(project.integrationType, project.mrrCents);
  const held = meetings
    .filter((m) => isMeetingOfProject(m, project.id) && meetingCallType(m) === "tsm_pre_go_live")
    .filter((m) => Date.parse(m.endsAt) <= now.getTime())
    .filter((m) => project.goLiveDate === null || utcDateOf(new Date(m.startsAt)) < project.goLiveDate)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
    .map((m) => ({ meetingId: m.id, subject: m.subject, startsAt: m.startsAt }));
  const stillOwed = Math.max(0, tier.tsmMeetingsBeforeGoLive - held.length);
  const summary = integrationSummaryStatus(project.integrationSummary);
  const daysToGoLive = project.goLiveDate === null ? null : daysBetween(utcDateOf(now), project.goLiveDate);

  const warnings: string[] = [];
  if (project.goLiveDate === null) warnings.push("No go-live date: Client Services cannot plan the TSM assignment");
  if (stillOwed > 0 && daysToGoLive !== null && daysToGoLive < 0) {
    warnings.push(`Went live with ${stillOwed} TSM meeting${stillOwed === 1 ? "" : "s"} not held`);
  } else if (stillOwed > 0 && daysToGoLive !== null && daysToGoLive <= 14) {
    warnings.push(`${stillOwed} TSM meeting${stillOwed === 1 ? "" : "s"} still to hold, ${daysToGoLive} days to go-live`);
  }
  if (!summary.complete && daysToGoLive !== null && daysToGoLive <= 14) {
    warnings.push(`Integration summary has ${summary.missing.length} empty field${summary.missing.length === 1 ? "" : "s"}`);
  }
  return {
    tier,
    tsmMeetingsOwed: tier.tsmMeetingsBeforeGoLive,
    tsmMeetingsHeld: held,
    tsmMeetingsStillOwed: stillOwed,
    integrationSummary: summary,
    phased: isPhasedProject(project),
    daysToGoLive,
    readyForGoLive: stillOwed === 0 && summary.complete,
    warnings,
  };
}
