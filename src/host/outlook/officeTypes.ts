// What the Office.js adapter reads and returns, its errors, and the small probes it uses on Office objects.

export type OutlookMode = "organizer" | "attendee";

export interface Person {
  email: string;
  name: string;
}

/** The appointment the pane was opened on, read the same way in both modes. */
export interface AppointmentInfo {
  mode: OutlookMode;
  subject: string;
  /** ISO instants; null only when Outlook has none (never seen in practice). */
  start: string | null;
  end: string | null;
  requiredAttendees: Person[];
  optionalAttendees: Person[];
  organizer: Person | null;
  location: string;
  /** Outlook's (EWS) item id; null for a new appointment that has not been saved. */
  itemId: string | null;
  /** The same id for REST / Graph (convertToRestId), when the host can convert it. */
  restItemId: string | null;
  /** Office.js documents no iCalUId; filled only when a host exposes one on the item. */
  iCalUId: string | null;
  /** The Teams join link from the location or the body, when the appointment is a Teams meeting. */
  joinUrl: string | null;
  /** Digits of the Teams join meeting id (short link, or the body's "Meeting ID:" line). */
  joinMeetingId: string | null;
}

export interface DraftMessage {
  to: Person[];
  cc?: Person[];
  subject: string;
  html: string;
}

export type OutlookErrorCode =
  /** Office.js did not load, did not answer in time, or the page is not running inside Outlook. */
  | "not_in_outlook"
  /** Outlook has no item open (e.g. nothing selected). */
  | "no_item"
  /** The item is a message, not an appointment. */
  | "not_an_appointment"
  /** This Outlook does not offer the call (missing function or requirement set, or wrong mode). */
  | "unsupported"
  /** A write was attempted in attendee (read) mode. */
  | "read_only"
  /** Outlook answered a getAsync / setAsync with an error, or did not answer in time. */
  | "field_failed"
  /** A value is over one of Outlook's documented limits. */
  | "too_large";

export class OutlookHostError extends Error {
  constructor(
    readonly code: OutlookErrorCode,
    message: string,
    /** The appointment field or host call concerned ("subject", "requiredAttendees", "displayNewMessageForm"…). */
    readonly field: string | null = null,
    /** Office's own error code, when Outlook gave one. */
    readonly officeCode: number | string | null = null,
  ) {
    super(message);
    this.name = "OutlookHostError";
  }
}

// ---- The narrow seam: the parts of Office.js this adapter uses, typed loosely enough for fakes. ----

interface AsyncResultLike<T> {
  status: unknown;
  value: T;
  error?: { code?: number | string; name?: string; message?: string } | null;
}
export type AsyncCallback<T> = (result: AsyncResultLike<T>) => void;

export interface EmailAddressLike {
  emailAddress?: string;
  displayName?: string;
}

export interface OfficeLike {
  onReady?: (callback?: (info: { host: unknown; platform: unknown }) => unknown) => PromiseLike<{ host: unknown; platform: unknown }> | void;
  context?: {
    mailbox?: MailboxLike | null;
    requirements?: { isSetSupported?: (name: string, minVersion?: string) => boolean } | null;
    officeTheme?: { bodyBackgroundColor?: string } | null;
    /** The UI language of Outlook (RFC 1766 tag, e.g. "en-US"). */
    displayLanguage?: string | null;
  } | null;
  CoercionType?: { Html?: unknown; Text?: unknown } | null;
  AsyncResultStatus?: { Succeeded?: unknown } | null;
  MailboxEnums?: { RestVersion?: { v2_0?: unknown } | null; ItemType?: { Appointment?: unknown } | null } | null;
}

export interface MailboxLike {
  item?: unknown;
  convertToRestId?: (itemId: string, restVersion: unknown) => string;
  displayNewMessageForm?: (parameters: { toRecipients?: EmailAddressLike[]; ccRecipients?: EmailAddressLike[]; subject?: string; htmlBody?: string }) => void;
}

/** Any object: item fields are probed at run time because their shape depends on the mode. */
export type Loose = Record<string, unknown>;

export const isObject = (v: unknown): v is Loose => typeof v === "object" && v !== null;
export const fn = (owner: unknown, name: string): ((...args: unknown[]) => unknown) | null => {
  if (!isObject(owner)) return null;
  const f = owner[name];
  return typeof f === "function" ? (f as (...args: unknown[]) => unknown) : null;
};

/** Documented limits of displayNewMessageForm (Mailbox 1.6). */
export const draftLimits = { htmlBodyBytes: 32 * 1024, subjectChars: 255, recipients: 100 } as const;

/** Requirement sets per capability ("Mailbox" set), checked when the host can answer isSetSupported. */
export const requirementFor = {
  bodyText: "1.3",
  organizer: "1.7",
  itemId: "1.8",
  restId: "1.3",
  setAttendees: "1.1",
  prependBody: "1.1",
  openDraft: "1.6",
} as const;
export type OutlookCapability = keyof typeof requirementFor;

export const fieldLabels: Record<string, string> = {
  subject: "subject",
  start: "start time",
  end: "end time",
  requiredAttendees: "required attendees",
  optionalAttendees: "optional attendees",
  organizer: "organizer",
  location: "location",
  body: "body",
  itemId: "item id",
};
