import { triageSlot } from "../../contracts/callTypeDefinitions";
import { SUBJECT_SIGNALS } from "../../contracts/subjectSignals";
import { weekdayNames } from "./isoDates";
import { roleLabels } from "./projectPeople";
import { wallTimeIn } from "./zonedTime";
import { callTypes, type CallType, type Directory, type Meeting, type Person, type Project, type ProjectRole } from "../../contracts/types";

// Classifies a calendar meeting as one of the runbook's call types from three kinds of
// evidence: subject keywords, who attends (organisations by e-mail), and the triage slot.
// Each signal adds points to a call type; the best-scoring type wins, ties going to the
// earlier type in `callTypes`.
//
// confidence = best / (best + runner-up) × min(1, best / 6), capped at 0.99: it grows with
// the evidence for the winner and shrinks with the evidence for its closest rival. "triage"
// in the subject of a meeting in the triage slot is taken as certain enough: at least 0.95.

export interface MeetingClassification {
  callType: CallType;
  /** 0..1 */
  confidence: number;
  reasons: string[];
  overridden: boolean;
}

const STATUS_WORD = /\bstatus\b/i;
const POINTS = { status: 2, customer: 3, onlyInternal: 3, vendorsOnly: 4, customerExecutive: 4, internalLeadership: 2, triageSlot: 2 };
const FULL_EVIDENCE = 6;
const LEADERSHIP: readonly ProjectRole[] = ["vp_implementations", "vertical_director", "pm_director"];

/** Which side an attendee is on; `label` is the matching domain, or the person's name. */
type Side =
  | { organisation: "internal" | "unknown"; label: string }
  | { organisation: "customer"; label: string; byDomain: boolean }
  | { organisation: "vendor"; label: string; vendorName: string };

const domainOf = (email: string): string => email.slice(email.lastIndexOf("@") + 1).toLowerCase();
const inDomains = (domain: string, domains: readonly string[]): string | undefined =>
  domains.map((d) => d.toLowerCase()).find((d) => domain === d || domain.endsWith(`.${d}`));

function sideOf(email: string, project: Project | null, directory: Directory): Side {
  const domain = domainOf(email);
  const internal = inDomains(domain, directory.internalDomains);
  if (internal) return { organisation: "internal", label: internal };
  const customer = inDomains(domain, project?.customerDomains ?? []);
  if (customer) return { organisation: "customer", label: customer, byDomain: true };
  const vendor = directory.vendors.find((v) => inDomains(domain, v.emailDomains));
  if (vendor) return { organisation: "vendor", label: domain, vendorName: vendor.name };
  const person = directory.people.find((p) => p.email.toLowerCase() === email.toLowerCase());
  if (person?.organisation === "vendor") {
    const name = directory.vendors.find((v) => v.id === person.vendorId)?.name ?? person.name;
    return { organisation: "vendor", label: domain, vendorName: name };
  }
  if (person?.organisation === "customer") return { organisation: "customer", label: person.name, byDomain: false };
  if (person) return { organisation: "internal", label: domain };
  return { organisation: "unknown", label: domain };
}

const unique = (values: string[]): string[] => [...new Set(values)];
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Project members holding `roles` who attend, matched by e-mail. */
function attendingMembers(meeting: Meeting, project: Project | null, directory: Directory, roles: readonly ProjectRole[]) {
  if (!project) return [];
  const emails = new Set(meeting.attendees.map((a) => a.email.toLowerCase()));
  return project.members
    .filter((m) => roles.includes(m.role))
    .map((m) => ({ role: m.role, person: directory.people.find((p) => p.id === m.personId) }))
    .filter((m): m is { role: ProjectRole; person: Person } => m.person !== undefined && emails.has(m.person.email.toLowerCase()));
}

function inTriageSlot(startsAt: string): { weekday: string; time: string } | null {
  const wall = wallTimeIn(new Date(startsAt), triageSlot.timeZone);
  const weekday = weekdayNames[wall.weekday];
  const minutes = wall.hour * 60 + wall.minute;
  const [start, end] = [triageSlot.start, triageSlot.end].map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5)));
  const onDay = weekday !== undefined && (triageSlot.weekdays as readonly string[]).includes(weekday);
  if (!onDay || start === undefined || end === undefined || minutes < start || minutes >= end) return null;
  return { weekday: capitalise(weekday), time: `${String(wall.hour).padStart(2, "0")}:${String(wall.minute).padStart(2, "0")}` };
}

export function classifyMeeting(meeting: Meeting, project: Project | null, directory: Directory): MeetingClassification {
  if (meeting.callTypeOverride !== null) {
    return { callType: meeting.callTypeOverride, confidence: 1, reasons: ["Set by a user"], overridden: true };
  }
  const evidence = new Map<CallType, { points: number; reasons: string[] }>();
  const add = (callType: CallType, points: number, reason: string) => {
    const entry = evidence.get(callType) ?? { points: 0, reasons: [] };
    entry.points += points;
    entry.reasons.push(reason);
    evidence.set(callType, entry);
  };

  for (const signal of SUBJECT_SIGNALS) {
    const match = signal.pattern.exec(meeting.subject);
    if (match && !evidence.get(signal.callType)) add(signal.callType, signal.points, `Subject mentions "${match[0]}"`);
  }

  const sides = meeting.attendees.map((a) => sideOf(a.email, project, directory));
  const customers = sides.filter((s): s is Extract<Side, { organisation: "customer" }> => s.organisation === "customer");
  const vendors = sides.filter((s): s is Extract<Side, { organisation: "vendor" }> => s.organisation === "vendor");
  const onlyInternal = sides.length > 0 && sides.every((s) => s.organisation === "internal");
  const status = STATUS_WORD.exec(meeting.subject);

  if (customers.length > 0) {
    const domains = unique(customers.filter((c) => c.byDomain).map((c) => c.label));
    const names = unique(customers.filter((c) => !c.byDomain).map((c) => c.label));
    const what = [
      domains.length > 0 ? `customer domain${domains.length > 1 ? "s" : ""} ${domains.join(", ")}` : null,
      names.length > 0 ? `customer ${names.join(", ")}` : null,
    ].filter((w): w is string => w !== null);
    add("customer_status", POINTS.customer, `${capitalise(what.join(" and "))} among attendees`);
    if (status) add("customer_status", POINTS.status, `Subject mentions "${status[0]}" with the customer attending`);
  } else if (onlyInternal) {
    add("internal_status", POINTS.onlyInternal, `Only internal attendees (${unique(sides.map((s) => s.label)).join(", ")})`);
    if (status) add("internal_status", POINTS.status, `Subject mentions "${status[0]}" with only our people attending`);
  } else if (vendors.length > 0) {
    const names = unique(vendors.map((v) => `${v.vendorName} (${v.label})`));
    add("vendor", POINTS.vendorsOnly, `Only our people and vendor ${names.join(", ")} among attendees, no customer: a vendors-only call`);
  }

  for (const { person } of attendingMembers(meeting, project, directory, ["customer_executive"])) {
    add("steering_committee", POINTS.customerExecutive, `Customer executive ${person.name} (${person.title}) among attendees`);
  }
  const leaders = attendingMembers(meeting, project, directory, LEADERSHIP);
  if (leaders.length > 0) {
    const names = unique(leaders.map(({ role, person }) => `${roleLabels[role]} ${person.name}`));
    add("steering_committee", POINTS.internalLeadership, `${names.join(", ")} among attendees`);
  }

  const slot = inTriageSlot(meeting.startsAt);
  if (slot) {
    add("triage", POINTS.triageSlot, `Starts ${slot.weekday} ${slot.time} New York time, in the triage slot (Tuesdays and Thursdays 10–11 am Eastern)`);
  }

  const ranked = callTypes
    .map((callType) => ({ callType, ...(evidence.get(callType) ?? { points: 0, reasons: [] }) }))
    .sort((a, b) => b.points - a.points);
  const [best, runnerUp] = ranked;
  if (!best || best.points === 0) {
    return {
      callType: "customer_status",
      confidence: 0.1,
      reasons: ["No signal in the subject, the attendees or the time: assumed the weekly customer status call"],
      overridden: false,
    };
  }
  const rival = runnerUp?.points ?? 0;
  let confidence = Math.min(0.99, (best.points / (best.points + rival)) * Math.min(1, best.points / FULL_EVIDENCE));
  if (best.callType === "triage" && slot && /\btriage\b/i.test(meeting.subject)) confidence = Math.max(confidence, 0.95);
  return { callType: best.callType, confidence: Math.round(confidence * 100) / 100, reasons: best.reasons, overridden: false };
}
