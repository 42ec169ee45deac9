import { audienceOfAll } from "../audienceOf";
import type { Meeting, Person, ProjectSnapshot, RaidItem, Task } from "../../../contracts/types";
import type { DraftRecipient, QueueAudience } from "./queueMessage";

/** What every draft builder reads: live project data, the time, and who it is for. */
export interface DraftInput {
  snapshot: ProjectSnapshot;
  meetings: Meeting[];
  now: Date;
  /** When this kind was last sent; null when never. */
  lastSentAt: Date | null;
  audience: QueueAudience;
  to: DraftRecipient[];
  cc: DraftRecipient[];
}

const statusLabels: Record<Task["status"], string> = {
  not_started: "Not started",
  in_progress: "In progress",
  blocked: "Blocked",
  done: "Done",
};
export const taskStatusLabel = (s: Task["status"]): string => statusLabels[s];

/**
 * Whether an internal-only row may be shown to `audience`. The one place drafts ask it, so it can
 * be pointed at the tenant's audience rule: only an all-internal audience sees internal rows.
 */
export function visibleTo(row: { internalOnly?: boolean }, audience: QueueAudience): boolean {
  return audience === "internal" || row.internalOnly !== true;
}

/**
 * The audience the recipients make: "vendor" when any recipient is a vendor's person or at a
 * vendor's domain; otherwise "internal" when the audience rule (audienceOfAll) finds every
 * recipient internal; otherwise "customer".
 */
export function audienceOfRecipients(recipients: readonly DraftRecipient[], snapshot: ProjectSnapshot, internalDomains: readonly string[]): QueueAudience {
  const vendorDomains = new Set(snapshot.vendors.flatMap((v) => v.emailDomains.map((d) => d.toLowerCase())));
  const vendorEmails = new Set(snapshot.people.filter((p) => p.organisation === "vendor").map((p) => p.email.toLowerCase()));
  const domainOf = (email: string) => email.slice(email.lastIndexOf("@") + 1).trim().toLowerCase();
  if (recipients.some((r) => vendorEmails.has(r.email.toLowerCase()) || vendorDomains.has(domainOf(r.email)))) return "vendor";
  // Internal vs external is the tenant's one audience rule (domain/audienceOf.ts).
  return audienceOfAll(recipients, { people: snapshot.people, tenantDomains: [...internalDomains] }) === "internal" ? "internal" : "customer";
}

export const recipientOf = (p: Person): DraftRecipient => ({ name: p.name, email: p.email });

/** Distinct people of the project's members in member order, filtered. */
export function memberPeople(snapshot: ProjectSnapshot, keep: (p: Person, roles: string[]) => boolean): Person[] {
  const seen = new Set<string>();
  const out: Person[] = [];
  for (const m of snapshot.project.members) {
    const p = snapshot.people.find((x) => x.id === m.personId);
    if (!p || seen.has(p.id)) continue;
    const roles = snapshot.project.members.filter((x) => x.personId === p.id).map((x) => x.role);
    if (!keep(p, roles)) continue;
    seen.add(p.id);
    out.push(p);
  }
  return out;
}

export const isOpenTask = (t: Task): boolean => t.status !== "done";
export const isOpenRaid = (r: RaidItem): boolean => r.status === "open";

/** Sorts by due date, undated last, then by name. */
export function byDue<T extends { dueDate: string | null }>(a: T, b: T): number {
  if (a.dueDate === b.dueDate) return 0;
  if (a.dueDate === null) return 1;
  if (b.dueDate === null) return -1;
  return a.dueDate.localeCompare(b.dueDate);
}
