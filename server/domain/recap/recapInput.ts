import type { Agenda } from "../../../contracts/agenda";
import type { CallType, IsoDate, IsoDateTime, Person, Project, RaidKind } from "../../../contracts/types";
import type { MeetingAttendance } from "./meetingAttendance";

// What the recap composer reads and returns. Names of people are plain strings here: the
// caller resolves ids to names when it maps its rows, so the recap never shows an id.

export interface CapturedNote {
  id: string;
  agendaItemKey: string;
  body: string;
  internalOnly: boolean;
  discussed: boolean;
  createdBy: string | null;
}

export interface CapturedItem {
  id: string;
  kind: RaidKind;
  title: string;
  ownerName: string | null;
  dueDate: IsoDate | null;
  status: "open" | "closed";
  internalOnly: boolean;
  /** Action dependency: "provider provides deliverable to recipient before neededFor". */
  provider?: string | null;
  deliverable?: string | null;
  recipient?: string | null;
  neededFor?: string | null;
  /** Decision. */
  decidedBy?: string | null;
  decidedAt?: IsoDateTime | null;
  /** Issue log entry. */
  reportedBy?: string | null;
  reportedAt?: IsoDateTime | null;
  location?: string | null;
  reproSteps?: string | null;
  change: "new" | "updated" | "closed" | "carried_over";
}

export interface RecapRecipient {
  name: string;
  email: string;
}

export type RecapAudience = "internal" | "external";

export interface RecapInput {
  meeting: { id: string; subject: string; startsAt: IsoDateTime; endsAt: IsoDateTime; attendees: RecapRecipient[] };
  callType: CallType;
  project: Project;
  people: Person[];
  agenda: Agenda;
  notes: CapturedNote[];
  items: CapturedItem[];
  /** "internal": only people of the tenant's organisation receive it; "external": someone outside it (customer, vendor) is among the recipients. */
  audience: RecapAudience;
  internalDomains: string[];
  /**
   * Recipients the PM chose instead of the attendees (project people or any address). The audience
   * is still decided from them: one external address makes the recap customer-safe.
   */
  recipients?: RecapRecipient[] | null;
  nextCall: { subject: string; startsAt: IsoDateTime } | null;
  sender: RecapRecipient;
  /**
   * The sender's IANA zone, e.g. "America/New_York": the dates are written in it when the recipients'
   * zones are unknown or differ (see recapZone.ts); else in the recipients' own zone.
   */
  timeZone: string;
  /** Other recipients' zones in which the meeting line also gives the call's time (set by composeRecap). */
  alsoInZones?: readonly string[];
  now: Date;
  /**
   * Who really attended (Graph attendance report) and the recording and transcript, or why that is
   * unknown. Absent: treated as unknown, and the invitees are listed as invited.
   */
  attendance?: MeetingAttendance;
}

export interface Recap {
  subject: string;
  html: string;
  text: string;
  to: RecapRecipient[];
  cc: RecapRecipient[];
  audience: RecapAudience;
  /** How many internal-only notes and items were left out. */
  omittedInternal: number;
  /** The IANA zone the message's dates are written in (recapZone.ts). */
  timeZone: string;
}
