import type { CallType } from "./types";

/**
 * Words in a meeting's subject that point at a call type, with their weight. Shared by the
 * server's classifier (server/domain/classifyMeeting.ts, which adds attendee evidence) and the
 * Outlook organizer pane, which guesses from the subject alone while the invitation is written.
 * Source: the call types of seed 001 and the subjects of the demo calendar.
 */
export const SUBJECT_SIGNALS: readonly { pattern: RegExp; callType: CallType; points: number }[] = [
  { pattern: /\btriage\b/i, callType: "triage", points: 6 },
  { pattern: /\bsteer(?:ing|co)\b/i, callType: "steering_committee", points: 6 },
  { pattern: /\bstakeholders? (?:call|meeting|review)\b/i, callType: "steering_committee", points: 3 },
  { pattern: /\bvendors?[- ]only\b/i, callType: "vendor", points: 6 },
  { pattern: /\bvendors?\b/i, callType: "vendor", points: 5 },
  { pattern: /\binternal\b/i, callType: "internal_status", points: 4 },
  { pattern: /\bdaily\b|\bstand-?up\b/i, callType: "daily_status_check", points: 6 },
  { pattern: /\bmilestones?\b/i, callType: "milestone_review", points: 6 },
  { pattern: /\btechnical\b|\btech\b/i, callType: "targeted_technical", points: 6 },
  { pattern: /\bproduct\b|\bchange requests?\b/i, callType: "targeted_product", points: 6 },
  { pattern: /\btsm\b|\btransition\b/i, callType: "tsm_pre_go_live", points: 6 },
];

/**
 * The call type a subject names, from its words alone: the strongest signal wins; a subject with
 * only "status" (or "weekly") reads as the customer status call; null when nothing matches.
 * "Riverbend steering committee" → "steering_committee"; "Lunch" → null.
 */
export function guessCallTypeFromSubject(subject: string): CallType | null {
  let best: { callType: CallType; points: number } | null = null;
  for (const s of SUBJECT_SIGNALS) if (s.pattern.test(subject) && (!best || s.points > best.points)) best = s;
  if (best) return best.callType;
  return /\bstatus\b|\bweekly\b/i.test(subject) ? "customer_status" : null;
}
