import type { RequestIdentity } from "../auth/verifyTeamsToken";
import type { IsoDate, IsoDateTime } from "../../contracts/types";
import type { AttendanceUnavailable, MeetingArtifacts } from "../domain/recap/meetingAttendance";

// What Callbook asks of Outlook/Teams. Two implementations: Microsoft Graph (graphGateway) and a
// local outbox that stores .eml/.ics files (localOutboxGateway). Shapes follow Graph v1.0 names.

export interface Recipient {
  email: string;
  name?: string;
}

export type GraphDayOfWeek = "sunday" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday";
export type GraphWeekIndex = "first" | "second" | "third" | "fourth" | "last";

/** Graph `recurrencePattern` (only the fields a pattern type uses are sent). */
export type GraphRecurrencePattern =
  | { type: "daily"; interval: number }
  | { type: "weekly"; interval: number; daysOfWeek: GraphDayOfWeek[]; firstDayOfWeek?: GraphDayOfWeek }
  | { type: "absoluteMonthly"; interval: number; dayOfMonth: number }
  | { type: "relativeMonthly"; interval: number; daysOfWeek: GraphDayOfWeek[]; index: GraphWeekIndex }
  | { type: "absoluteYearly"; interval: number; dayOfMonth: number; month: number }
  | { type: "relativeYearly"; interval: number; daysOfWeek: GraphDayOfWeek[]; index: GraphWeekIndex; month: number };

/** Graph `recurrenceRange`; `startDate` must be the date of the series' first occurrence. */
export type GraphRecurrenceRange =
  | { type: "noEnd"; startDate: IsoDate; recurrenceTimeZone?: string }
  | { type: "endDate"; startDate: IsoDate; endDate: IsoDate; recurrenceTimeZone?: string }
  | { type: "numbered"; startDate: IsoDate; numberOfOccurrences: number; recurrenceTimeZone?: string };

export interface GraphPatternedRecurrence {
  pattern: GraphRecurrencePattern;
  range: GraphRecurrenceRange;
}

/** Graph `dateTimeTimeZone`: a local wall-clock time ("2026-12-01T10:00:00") and a Windows zone name. */
export interface GraphDateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

export interface SendRecapInput {
  /** Callbook's id of the recap: one recap is delivered at most once. */
  recapId: string;
  to: Recipient[];
  cc: Recipient[];
  subject: string;
  html: string;
  /** Plain-text alternative (used where a text part exists, e.g. the .eml outbox). */
  text: string;
  /** A draft created by an earlier attempt: checked, and sent only if it is still a draft. */
  existingDraftId?: string;
  /** Called with the draft id before sending: store it, so a retry reuses the draft. Failing here aborts the send. */
  onDraftCreated?: (draftId: string) => Promise<void>;
}

export interface SentRecap {
  messageId: string;
  sentAt: IsoDateTime;
}

export interface SeriesAttendee {
  email: string;
  name: string;
  type: "required" | "optional";
}

export interface CreateSeriesInput {
  /** Idempotency key: the same value never creates a second series (Graph `transactionId`). */
  transactionId: string;
  subject: string;
  bodyHtml: string;
  start: GraphDateTimeTimeZone;
  end: GraphDateTimeTimeZone;
  recurrence: GraphPatternedRecurrence;
  attendees: SeriesAttendee[];
  /**
   * Occurrences with their own attendees, by original local start ("YYYY-MM-DDTHH:MM:SS" in the
   * series' zone). The .ics outbox writes them as RECURRENCE-ID overrides; the Graph gateway
   * patches the attendees of the matching instances (matched on `originalStart`).
   */
  occurrenceAttendees?: { localStart: string; attendees: SeriesAttendee[] }[];
}

export interface CreatedSeries {
  eventId: string;
  joinUrl: string | null;
  iCalUId: string | null;
  /** Graph only: the occurrences given their own attendees (instance ids), and local starts with no instance found. */
  occurrences?: { patched: { localStart: string; eventId: string }[]; missing: string[] };
}

export interface OnlineMeetingRef {
  joinWebUrl: string;
  onlineMeetingId: string | null;
}

/** A span of time between two instants, end exclusive. */
export interface Interval {
  start: Date;
  end: Date;
}

/** A mailbox's working hours as Graph `workingHours` gives them; `timeZone` is IANA (null: a custom zone Callbook cannot map). */
export interface MailboxWorkingHours {
  /** "HH:MM" local. */
  startTime: string;
  endTime: string;
  daysOfWeek: GraphDayOfWeek[];
  timeZone: string | null;
}

/** What getSchedule says of one mailbox over the asked window. */
export interface MailboxSchedule {
  /** Lower-cased address. */
  email: string;
  /** Items with status "oof", in UTC instants. */
  outOfOffice: Interval[];
  workingHours: MailboxWorkingHours | null;
}

/** A Graph onlineMeeting's identifiers (onlineMeeting resource: joinWebUrl, joinMeetingIdSettings, chatInfo). */
export interface OnlineMeetingIds {
  onlineMeetingId: string;
  joinWebUrl: string | null;
  joinMeetingId: string | null;
  threadId: string | null;
  messageId: string | null;
}

export interface MailCalendarGateway {
  sendRecap(identity: RequestIdentity, input: SendRecapInput): Promise<SentRecap>;
  createSeries(identity: RequestIdentity, input: CreateSeriesInput): Promise<CreatedSeries>;
  /**
   * Lower-cased addresses of those out of office on `day`: an `oof` item covers at least half of
   * their working day, in their own zone (Graph `workingHours`; 09:00–17:00 US Eastern when the
   * mailbox gives none). Unknown mailboxes are not "out".
   */
  getOutOfOffice(identity: RequestIdentity, emails: string[], day: IsoDate): Promise<Set<string>>;
  /**
   * Each readable mailbox's out-of-office items and working hours over `window` (Graph
   * getSchedule, asked in UTC). Keyed by lower-cased address; unknown mailboxes are left out.
   */
  getSchedules(identity: RequestIdentity, emails: string[], window: Interval): Promise<Map<string, MailboxSchedule>>;
  /** The signed-in user's own zone (IANA; null for a custom zone) and working hours (Graph mailboxSettings); null without a mailbox. */
  getMailboxSettings(identity: RequestIdentity): Promise<{ timeZone: string | null; workingHours: MailboxWorkingHours | null } | null>;
  /** The Teams meeting behind a meeting chat (side panel context), or null when it is not a meeting chat. */
  findOnlineMeetingByChat(identity: RequestIdentity, chatId: string): Promise<OnlineMeetingRef | null>;
  /** The meeting behind a join link or join meeting id (Graph only; the local outbox has none). Null when unknown or not the organiser's. */
  findOnlineMeetingByLink?(identity: RequestIdentity, link: { joinWebUrl?: string | undefined; joinMeetingId?: string | undefined }): Promise<OnlineMeetingIds | null>;
  /**
   * The attendance report, recordings and transcripts of the session of the caller's meeting
   * scheduled in `scheduled` (Graph only: see graph/readMeetingArtifacts.ts). Absent on the local
   * outbox, which has no meetings to read.
   */
  readMeetingArtifacts?(
    identity: RequestIdentity,
    query: { joinWebUrl: string; scheduled: Interval },
  ): Promise<{ kind: "read"; artifacts: MeetingArtifacts; threadId: string | null } | { kind: "unavailable"; reason: AttendanceUnavailable }>;
}

/**
 * The send of a recap draft may have happened but cannot be confirmed (the draft is gone and no
 * sent copy is visible yet). Nothing is re-sent; show "check Sent Items", or clear the draft id
 * deliberately to send a new copy.
 */
export class RecapDeliveryUnknown extends Error {
  override readonly name = "RecapDeliveryUnknown";
  readonly code = "recap_delivery_unknown";
  constructor(readonly draftId: string) {
    super("The recap may have been sent already; its draft is no longer in the mailbox.");
  }
}

/** Graph refused or failed a call. Carries no request body, token or mailbox content. */
export class GraphRequestFailed extends Error {
  override readonly name = "GraphRequestFailed";
  constructor(
    readonly operation: string,
    /** HTTP status, or -1 when the connection failed. */
    readonly status: number,
    readonly graphCode: string | null,
    readonly requestId: string | null,
    /** A 429/503's Retry-After, in seconds (Graph sends whole seconds); null when none came. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(`Microsoft Graph ${operation} failed: ${status === -1 ? "connection failed" : status} ${graphCode ?? ""}`.trim());
  }
}
