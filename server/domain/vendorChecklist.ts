import type { CisChecklistKey, Vendor } from "../../contracts/types";

// The CIS checklist (runbook §2, vendor call; seeds 000, 004) answered from the vendor record:
// three questions are fields of the record itself, so the checklist and the record cannot
// disagree (issue 15 §2). The other answers are the vendor's typed `checklist` text.

/** An answer and whether it needs attention (not aligned on go-live). */
export interface ChecklistAnswer {
  text: string;
  high: boolean;
}

/**
 * The answer to one checklist question for `vendor`, or null when nothing is recorded.
 * - schedule_go_live: `goLiveAligned` (true/false), then the typed text after it;
 * - pm_contact_weekly: the contact person's name (`nameOf(contactPersonId)`), then the typed text;
 * - deliverables_moving_schedule: `deliverablesTouchingSchedule`, else the typed text.
 */
export function checklistAnswer(vendor: Vendor, key: CisChecklistKey, nameOf: (personId: string) => string | null): ChecklistAnswer | null {
  const typed = (vendor.checklist[key] ?? "").trim();
  const withTyped = (recorded: string) => (typed === "" || typed === recorded ? recorded : `${recorded}. ${typed}`);
  if (key === "schedule_go_live" && vendor.goLiveAligned !== null) {
    return vendor.goLiveAligned
      ? { text: withTyped("Yes: aligned with our go-live date"), high: false }
      : { text: withTyped("No: not aligned with our go-live date"), high: true };
  }
  if (key === "pm_contact_weekly" && vendor.contactPersonId) {
    const name = nameOf(vendor.contactPersonId);
    if (name) return { text: withTyped(`Contact: ${name}`), high: false };
  }
  if (key === "deliverables_moving_schedule" && vendor.deliverablesTouchingSchedule.length > 0) {
    const n = vendor.deliverablesTouchingSchedule.length;
    return { text: `${n} deliverable${n === 1 ? "" : "s"}: ${vendor.deliverablesTouchingSchedule.join("; ")}`, high: false };
  }
  return typed === "" ? null : { text: typed, high: false };
}

/**
 * The vendor record fields an edited checklist answer sets, so editing the checklist edits the
 * record (issue 15 §2): "Which deliverables move our schedule?" → `deliverablesTouchingSchedule`
 * (one per line or ";", a leading "N deliverables:" dropped); "Can they go live when we forecast?"
 * answered starting with yes/no → `goLiveAligned`. A blank answer clears the field. Fields the same
 * request sets explicitly win over these.
 */
export function recordFieldsFromChecklist(checklist: Partial<Record<CisChecklistKey, string>> | undefined): {
  deliverablesTouchingSchedule?: string[];
  goLiveAligned?: boolean | null;
} {
  const out: { deliverablesTouchingSchedule?: string[]; goLiveAligned?: boolean | null } = {};
  const deliverables = checklist?.deliverables_moving_schedule;
  if (deliverables !== undefined) {
    out.deliverablesTouchingSchedule = deliverables
      .replace(/^\s*\d+\s+deliverables?:\s*/i, "")
      .split(/[;\n]/)
      .map((d) => d.trim())
      .filter((d) => d !== "");
  }
  const goLive = checklist?.schedule_go_live?.trim();
  if (goLive !== undefined) {
    out.goLiveAligned = goLive === "" ? null : /^yes\b/i.test(goLive) ? true : /^no\b/i.test(goLive) ? false : undefined;
    if (out.goLiveAligned === undefined) delete out.goLiveAligned;
  }
  return out;
}
