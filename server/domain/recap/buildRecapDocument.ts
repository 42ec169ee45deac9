import type { IsoDate } from "../../../contracts/types";
import { discussionSection } from "./discussionSection";
import { actionsSection, carriedOverLine, customerOwesSection, decisionsSection, raidReviewSection, risksAndIssuesSection } from "./raidSections";
import type { RecapDocument, RecapSection } from "./recapDocument";
import type { CapturedItem, RecapAudience, RecapInput } from "./recapInput";
import { stakeholderReportSection, statusReportSection } from "./statusReportSection";
import { zonedDateTime, zonedLongDateTime, zonedSpanAcross } from "./zonedDateTime";
import { attendanceSection, attendanceUnavailableSentence, attendedPeople } from "./meetingAttendance";

// The recap's content for one call type. `input` must already be filtered for `audience`:
// nothing here decides what an outsider may read.

export const INTERNAL_NOTICE =
  "Internal recap: it may contain notes and RAID items marked internal only. Do not forward it outside the organisation.";

const oneLine = (s: string): string => s.replace(/\s+/g, " ").trim();

/** "Recap: Riverbend weekly status — Mon 23 Nov 2026" (one line: it becomes a mail header). */
export function recapSubject(input: Pick<RecapInput, "meeting" | "project" | "agenda" | "timeZone">): string {
  const name = oneLine(input.meeting.subject) || `${oneLine(input.project.name)} ${input.agenda.label.toLowerCase()}`;
  return `Recap: ${name} — ${zonedDateTime(input.meeting.startsAt, input.timeZone).longDate}`;
}

function nextCallSection(input: RecapInput): RecapSection {
  const next = input.nextCall;
  return {
    key: "next_call",
    heading: "Next call",
    blocks: next
      ? [{ kind: "paragraph", text: `${zonedLongDateTime(next.startsAt, input.timeZone)} — ${oneLine(next.subject) || input.agenda.label}` }]
      : [{ kind: "empty", text: "No next call is scheduled yet." }],
  };
}

/**
 * The recap's content in reading order: what a customer needs on the first screen comes first
 * (decisions, action items with owner and date, what the customer owes), then risks and issues,
 * the status report, the discussion and the next call. Empty fields are left out, never printed as
 * "not recorded". With Teams' attendance report the recap lists who attended, with join and leave
 * times, and (internal recipients only) where the recording and transcript are; without it, one
 * sentence says why and the invitees are listed, labelled as invited (issue 18 §3).
 */
export function buildRecapDocument(input: RecapInput, audience: RecapAudience, today: IsoDate): RecapDocument {
  const { callType, items, timeZone } = input;
  const raid = { timeZone, today };
  const report = { project: input.project, agenda: input.agenda, items, today, timeZone };
  const { startsAt, endsAt } = input.meeting;
  // "Wed 2 Dec 2026, 14:00–14:45 EST (New York) · 19:00–19:45 GMT (London)": every recipient's zone, named.
  const when = zonedSpanAcross(startsAt, endsAt, timeZone, input.alsoInZones);
  const invited = input.meeting.attendees.map((a) => oneLine(a.name) || oneLine(a.email)).filter((n) => n !== "");
  const customerNames = new Set(input.people.filter((p) => p.organisation === "customer").map((p) => oneLine(p.name)));
  const owedByCustomer = (i: CapturedItem): boolean => i.ownerName !== null && customerNames.has(oneLine(i.ownerName));

  const actions = actionsSection(items, raid, owedByCustomer);
  const carried = carriedOverLine(items);
  if (carried) actions.blocks.push(carried);
  const owes = customerOwesSection(items, raid, oneLine(input.project.customerName) || "the customer", owedByCustomer);
  const sections: RecapSection[] = [decisionsSection(items, raid), actions, ...(owes ? [owes] : []), risksAndIssuesSection(items, raid)];
  if (callType === "internal_status") sections.push(raidReviewSection(items, raid));
  if (callType === "customer_status") sections.push(statusReportSection(report));
  if (callType === "steering_committee") sections.push(stakeholderReportSection(report));
  sections.push(discussionSection(input.agenda, input.notes));
  const attendance = input.attendance ?? { kind: "unavailable", reason: "no_link" as const };
  const known = [...input.meeting.attendees, ...input.people.map((p) => ({ name: p.name, email: p.email }))];
  if (attendance.kind === "report") sections.push(...attendanceSection(attendance, known, audience, timeZone));
  sections.push(nextCallSection(input));

  const sender = oneLine(input.sender.name) || oneLine(input.sender.email);
  const attended = attendance.kind === "report" ? attendedPeople(attendance.artifacts.attendees, known).map((p) => p.shownName) : [];
  const people =
    attendance.kind === "report"
      ? [`Attended: ${attended.length > 0 ? attended.join(", ") : "nobody joined in Teams"}`]
      : [...(input.attendance ? [attendanceUnavailableSentence(attendance.reason, sender)] : []), ...(invited.length > 0 ? [`Invited: ${invited.join(", ")}`] : [])];
  return {
    title: recapSubject(input),
    meta: [
      `${input.agenda.label} · ${oneLine(input.project.name)}`,
      when,
      ...people,
    ],
    notice: audience === "internal" ? INTERNAL_NOTICE : null,
    sections,
    footer: [`Sent by ${sender}. Reply to this e-mail with any correction.`],
  };
}
