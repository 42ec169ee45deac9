import type { IsoDateTime } from "./types";

// The follow-ups the runbook owes (runbook section 3), as the workspace shows them; computed by
// server/domain/dueFollowUps.ts.

export const followUpKinds = [
  "recap",
  "open_task_update",
  "sprint_report",
  "biweekly_friday_report",
  "weekly_status_report",
  "rag_change_notice",
] as const;
export type FollowUpKind = (typeof followUpKinds)[number];

export interface FollowUp {
  kind: FollowUpKind;
  title: string;
  dueAt: IsoDateTime;
  state: "due" | "late" | "upcoming";
  meetingId?: string;
  reason: string;
}
