import type { CapturedItemDto } from "../../../../contracts/capture";
import type { PanelDates } from "../dates/panelDates";

export type ItemKind = CapturedItemDto["kind"];

export const kindLabels: Record<ItemKind, { one: string; many: string }> = {
  action: { one: "Action item", many: "Action items" },
  decision: { one: "Decision", many: "Decisions" },
  risk: { one: "Risk", many: "Risks" },
  issue: { one: "Issue", many: "Issues" },
};

export const itemKinds: ItemKind[] = ["action", "decision", "risk", "issue"];

type Dependency = Pick<CapturedItemDto, "provider" | "deliverable" | "recipient" | "neededFor">;

/** "Alicia provides the file spec to Priya before UAT round 1", or null when no dependency is recorded. */
export function dependencySentence(d: Dependency): string | null {
  if (!d.provider && !d.deliverable && !d.recipient) return null;
  const to = d.recipient ? ` to ${d.recipient}` : "";
  const before = d.neededFor ? ` before ${d.neededFor}` : "";
  return `${d.provider || "Someone"} provides ${d.deliverable || "something"}${to}${before}`;
}

/** The short facts under an item's title, dates written by the panel's one formatter. A decision never shows "No due date". */
export function itemFacts(i: CapturedItemDto, dates: PanelDates): string[] {
  const when = (iso: string) => dates.dayTime(iso);
  const facts: string[] = [];
  if (i.kind === "decision") {
    facts.push(`Decided by ${i.decidedBy ?? "you"}${i.decidedAt ? `, ${when(i.decidedAt)}` : ""}`);
  }
  if (i.kind === "issue") {
    facts.push(`Reported by ${i.reportedBy ?? "you"}${i.reportedAt ? `, ${when(i.reportedAt)}` : ""}`);
    if (i.location) facts.push(`Where: ${i.location}`);
  }
  if (i.kind === "action" || i.kind === "risk" || i.ownerName) facts.push(i.ownerName ? `Owner: ${i.ownerName}` : "No owner");
  if (i.kind === "action" || i.kind === "risk" || i.dueDate) facts.push(i.dueDate ? `Due ${dates.day(i.dueDate)}` : "No due date");
  const dep = dependencySentence(i);
  if (dep) facts.push(dep);
  return facts;
}

/** "2026-11-18T14:05" in local time, for <input type="datetime-local">. */
export function toLocalInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A datetime-local value as an ISO instant, or null when empty or invalid. */
export function fromLocalInput(v: string): string | null {
  if (!v) return null;
  const t = new Date(v).getTime();
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
