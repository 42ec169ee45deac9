import { escapeHtml } from "../../../contracts/escapeHtml";
import type { IsoDate } from "../../../contracts/types";

// The shape every owed message's draft takes (runbook section 3), and its rendering to HTML
// and plain text. The builders in this folder are pure: they read project data and `now`,
// never the database or the clock.

/** The kinds of message the send queue owes besides the per-meeting recap. */
export const queueKinds = [
  "open_task_update",
  "sprint_report",
  "biweekly_friday_report",
  "weekly_status_report",
  "rag_change_notice",
  "decisions_and_changes",
  "vendor_status",
  "steering_report",
] as const;
export type QueueKind = (typeof queueKinds)[number];

/**
 * Who a draft is written for. "customer": the customer and our people (customer-safe content);
 * "vendor": vendors (vendor-safe: no internal items, no commercial figures); "internal": only
 * our people (everything).
 */
export type QueueAudience = "internal" | "customer" | "vendor";

export interface DraftRecipient {
  name: string;
  email: string;
}

export interface DraftSection {
  heading: string;
  /** One line per entry; an empty list renders `empty`. */
  lines: string[];
  empty?: string;
}

export interface QueueDraft {
  kind: QueueKind;
  subject: string;
  audience: QueueAudience;
  to: DraftRecipient[];
  cc: DraftRecipient[];
  /** One or two sentences above the sections. */
  lead: string;
  sections: DraftSection[];
  /** How many internal-only entries were left out for this audience. */
  omittedInternal: number;
}

/** "2026-11-20" → "Fri, Nov 20" for lines in a message (the date is a calendar date, no zone). */
export function shortDate(date: IsoDate | null): string {
  if (date === null) return "no date";
  const d = new Date(`${date}T12:00:00Z`);
  return d.toLocaleDateString("en-US", { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" });
}

/** The plain-text body: personal message, lead, then each section as a heading and "- " lines. */
export function renderDraftText(draft: QueueDraft, intro: string | undefined, signOff: string): string {
  const parts: string[] = [];
  if (intro) parts.push(intro.trim());
  parts.push(draft.lead);
  for (const s of draft.sections) {
    const lines = s.lines.length ? s.lines.map((l) => `- ${l}`) : [s.empty ?? "- None"];
    parts.push(`${s.heading}\n${lines.join("\n")}`);
  }
  parts.push(signOff);
  return `${parts.join("\n\n")}\n`;
}

/** The HTML body: the same content, every value escaped; inline styles only (mail clients). */
export function renderDraftHtml(draft: QueueDraft, intro: string | undefined, signOff: string): string {
  const p = (text: string) => `<p style="margin:0 0 12px;white-space:pre-wrap;">${escapeHtml(text)}</p>`;
  const sections = draft.sections
    .map((s) => {
      const body = s.lines.length
        ? `<ul style="margin:0 0 12px;padding-left:20px;">${s.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>`
        : p(s.empty ?? "None");
      return `<h3 style="margin:16px 0 6px;font-size:15px;">${escapeHtml(s.heading)}</h3>${body}`;
    })
    .join("");
  return [
    "<!doctype html><html><head><meta charset=\"utf-8\"></head>",
    '<body style="font-family:Segoe UI,Arial,sans-serif;font-size:14px;line-height:20px;color:#111827;">',
    '<div style="max-width:640px;margin:0 auto;">',
    intro ? p(intro.trim()) : "",
    p(draft.lead),
    sections,
    p(signOff),
    "</div></body></html>",
  ].join("");
}
