import type { RequestIdentity } from "../auth/verifyTeamsToken";
import type { IsoDateTime } from "../../contracts/types";
import { buildEml } from "./buildEml";
import { buildIcs } from "./buildIcs";
import type {
  GraphDateTimeTimeZone,
  GraphPatternedRecurrence,
  MailCalendarGateway,
  Recipient,
  SeriesAttendee,
} from "./MailCalendarGateway";

// The gateway for GRAPH_MODE=outbox: nothing leaves the machine; recaps become .eml files and
// series become .ics invitations, kept by a store the database layer implements.

export interface OutboxMessageRecord {
  /** Also the Message-ID of the .eml (without angle brackets). */
  messageId: string;
  recapId: string;
  from: Recipient;
  to: Recipient[];
  cc: Recipient[];
  subject: string;
  html: string;
  text: string;
  /** The complete RFC 5322 message, CRLF line ends. */
  eml: string;
  createdAt: IsoDateTime;
}

export interface OutboxInviteRecord {
  eventId: string;
  transactionId: string;
  /** Also the UID of the .ics. */
  iCalUId: string;
  organizer: Recipient;
  subject: string;
  bodyHtml: string;
  start: GraphDateTimeTimeZone;
  end: GraphDateTimeTimeZone;
  recurrence: GraphPatternedRecurrence;
  attendees: SeriesAttendee[];
  /** The complete RFC 5545 calendar, CRLF line ends. */
  ics: string;
  createdAt: IsoDateTime;
}

export interface OutboxStore {
  /**
   * Stores a recap message. Idempotent by `recapId`: when one is already stored for that recap,
   * stores nothing and returns the stored one's id and time (that is what makes a retry safe).
   */
  saveMessage(record: OutboxMessageRecord): Promise<{ messageId: string; sentAt: IsoDateTime }>;
  /** Stores an invitation. Idempotent by `transactionId`, like Graph's POST /me/events. */
  saveInvite(record: OutboxInviteRecord): Promise<{ eventId: string; iCalUId: string }>;
}

export interface LocalOutboxOptions {
  store: OutboxStore;
  clock?: () => Date;
  /** Domain of Message-IDs and UIDs. Default "callbook.local". */
  domain?: string;
}

export function createLocalOutboxGateway(options: LocalOutboxOptions): MailCalendarGateway {
  const clock = options.clock ?? (() => new Date());
  const domain = options.domain ?? "callbook.local";
  const localPart = (kind: string, key: string) => `${kind}.${key.replace(/[^A-Za-z0-9._-]/g, "_")}@${domain}`;

  return {
    // There is no draft stage here: onDraftCreated is not called and existingDraftId is not needed,
    // because the store is idempotent by recapId.
    async sendRecap(identity, input) {
      const now = clock();
      const from = organizerOf(identity);
      const messageId = localPart("recap", input.recapId);
      const eml = await buildEml({
        from,
        to: input.to,
        cc: input.cc,
        subject: input.subject,
        text: input.text,
        html: input.html,
        date: now,
        messageId,
        headers: { "X-Callbook-Recap-Id": input.recapId },
      });
      return options.store.saveMessage({
        messageId,
        recapId: input.recapId,
        from,
        to: input.to,
        cc: input.cc,
        subject: input.subject,
        html: input.html,
        text: input.text,
        eml,
        createdAt: now.toISOString(),
      });
    },

    async createSeries(identity, input) {
      const now = clock();
      const organizer = organizerOf(identity);
      const iCalUId = localPart("series", input.transactionId);
      const ics = buildIcs({
        uid: iCalUId,
        dtstamp: now.toISOString(),
        subject: input.subject,
        description: htmlToText(input.bodyHtml),
        descriptionHtml: input.bodyHtml,
        start: input.start,
        end: input.end,
        recurrence: input.recurrence,
        organizer,
        attendees: input.attendees,
        overrides: (input.occurrenceAttendees ?? []).map((o) => ({ originalStart: o.localStart, attendees: o.attendees })),
      });
      const saved = await options.store.saveInvite({
        eventId: `outbox-${iCalUId}`,
        transactionId: input.transactionId,
        iCalUId,
        organizer,
        subject: input.subject,
        bodyHtml: input.bodyHtml,
        start: input.start,
        end: input.end,
        recurrence: input.recurrence,
        attendees: input.attendees,
        ics,
        createdAt: now.toISOString(),
      });
      // No Teams meeting exists without Graph: there is no join URL.
      return { eventId: saved.eventId, iCalUId: saved.iCalUId, joinUrl: null };
    },

    // The outbox has no calendars to read: out-of-office comes from Callbook's own people data.
    getOutOfOffice: () => Promise.resolve(new Set<string>()),
    getSchedules: () => Promise.resolve(new Map()),
    getMailboxSettings: () => Promise.resolve(null),
    findOnlineMeetingByChat: () => Promise.resolve(null),
  };
}

function organizerOf(identity: RequestIdentity): Recipient {
  return identity.name ? { email: identity.email, name: identity.name } : { email: identity.email };
}

/** A readable plain-text rendering of the invitation body for clients that ignore X-ALT-DESC. */
function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6]|tr)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
