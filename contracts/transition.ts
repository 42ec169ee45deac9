// Transition to Client Services (runbook section 4, seed 001): the integration summary fields
// and the status the workspace shows; computed by server/domain/transition.ts.

export interface TsmTier {
  support: string;
  /** Days of Transition Success support after go-live; null for the help desk. */
  supportDays: number | null;
  tsmMeetingsBeforeGoLive: number;
}

/** The integration summary page in the CRM: every field filled or "N/A" before go-live. */
export const integrationSummaryFields = [
  { key: "invoice_types", label: "Invoice types" },
  { key: "integration_videos", label: "Integration videos" },
  { key: "project_notes_link", label: "Project notes link" },
  { key: "raid_log_export", label: "RAID log export" },
  { key: "schedule_export", label: "Schedule export" },
  { key: "uat_sit_results", label: "UAT/SIT results" },
  { key: "scope_plan", label: "Scope plan" },
  { key: "integrator_biller_software", label: "Integrator and biller software" },
  { key: "invoices", label: "Invoices" },
  { key: "bif_customisations", label: "BIF customisations" },
  { key: "payments", label: "Payments" },
  { key: "adjustments", label: "Adjustments" },
  { key: "daily_balance_file", label: "Daily balance file" },
  { key: "change_logs", label: "Change logs" },
  { key: "rejects", label: "Rejects" },
  { key: "conveyance", label: "Conveyance" },
  { key: "ivr", label: "IVR" },
] as const;
export type IntegrationSummaryField = (typeof integrationSummaryFields)[number];
export type IntegrationSummaryKey = IntegrationSummaryField["key"];

export interface IntegrationSummaryStatus {
  complete: boolean;
  filled: number;
  total: number;
  missing: { key: IntegrationSummaryKey; label: string }[];
}

export interface PhasedProjectStatus {
  phased: boolean;
  reasons: string[];
}

export interface HeldTsmMeeting {
  meetingId: string;
  subject: string;
  startsAt: string;
}

export interface TransitionStatus {
  tier: TsmTier;
  tsmMeetingsOwed: number;
  tsmMeetingsHeld: HeldTsmMeeting[];
  /** Owed minus held, never below 0. */
  tsmMeetingsStillOwed: number;
  integrationSummary: IntegrationSummaryStatus;
  phased: PhasedProjectStatus;
  /** Calendar days from today (UTC date of `now`) to go-live; null without a date. */
  daysToGoLive: number | null;
  /** TSM meetings all held and the integration summary complete. */
  readyForGoLive: boolean;
  warnings: string[];
}
