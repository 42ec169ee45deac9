import type { Logger } from "pino";
import { z } from "zod";
import type { RequestIdentity } from "../auth/verifyTeamsToken";
import { addDays } from "../domain/isoDates";
import type { IsoDate } from "../../contracts/types";
import {
  GraphRequestFailed,
  RecapDeliveryUnknown,
  type MailCalendarGateway,
  type Recipient,
  type SentRecap,
} from "./MailCalendarGateway";
import { createGraphRequester, type GraphRequester, type GraphRequesterOptions } from "./graphRequester";
import { minutesCovered, readMailboxSettings, readSchedules, workingDayOf } from "./readSchedules";
import { findOnlineMeetingByLink } from "./findOnlineMeetingByLink";
import { readMeetingArtifacts } from "./readMeetingArtifacts";
import { patchOccurrenceAttendees } from "./patchOccurrenceAttendees";

/** The requester's options (base URL, tokens, retries, replays, timeout) and the send's own. */
export interface GraphGatewayOptions extends GraphRequesterOptions {
  /** After an unconfirmed send: send attempts in all, and the wait before re-reading a draft. */
  sendAttempts?: number;
  settleMs?: number;
  clock?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  logger?: Pick<Logger, "warn">;
}

// Outlook ids change when a draft moves to Sent Items unless immutable ids are asked for; with them
// the id of the draft is the id of the sent copy, which is what makes a send verifiable.
const immutableIds = { Prefer: 'IdType="ImmutableId"' };

const messageState = z.object({ id: z.string(), isDraft: z.boolean().nullish(), sentDateTime: z.string().nullish() });
const createdMessage = z.object({ id: z.string() });
const createdEvent = z.object({
  id: z.string(),
  iCalUId: z.string().nullish(),
  onlineMeeting: z.object({ joinUrl: z.string().nullish() }).nullish(),
});
const chatAnswer = z.object({ onlineMeetingInfo: z.object({ joinWebUrl: z.string().nullish() }).nullish() });
const meetingsAnswer = z.object({ value: z.array(z.object({ id: z.string() })) });

type DraftState = { kind: "draft" } | { kind: "sent"; sentAt: string | null } | { kind: "missing" };

export function createGraphGateway(options: GraphGatewayOptions): MailCalendarGateway {
  const graph: GraphRequester = createGraphRequester(options);
  const clock = options.clock ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const sendAttempts = options.sendAttempts ?? 3;
  const settleMs = options.settleMs ?? 2000;

  async function readDraft(identity: RequestIdentity, draftId: string): Promise<DraftState> {
    try {
      const raw = await graph.call(identity, {
        operation: "getMessage",
        method: "GET",
        path: `/me/messages/${encodeURIComponent(draftId)}?$select=isDraft,sentDateTime`,
        headers: immutableIds,
        policy: "safe",
      });
      const message = messageState.parse(raw);
      return message.isDraft === false ? { kind: "sent", sentAt: message.sentDateTime ?? null } : { kind: "draft" };
    } catch (error) {
      if (error instanceof GraphRequestFailed && error.status === 404) return { kind: "missing" };
      throw error;
    }
  }

  /** Reads the draft; a draft or a missing item is read again after a pause, since an accepted send settles asynchronously. */
  async function settledDraft(identity: RequestIdentity, draftId: string): Promise<DraftState> {
    const first = await readDraft(identity, draftId);
    if (first.kind === "sent") return first;
    await sleep(settleMs);
    return readDraft(identity, draftId);
  }

  function sent(draftId: string, state: { sentAt: string | null }): SentRecap {
    return { messageId: draftId, sentAt: state.sentAt ?? clock().toISOString() };
  }

  async function sendDraft(identity: RequestIdentity, draftId: string): Promise<SentRecap> {
    for (let attempt = 1; ; attempt++) {
      try {
        await graph.call(identity, {
          operation: "sendMessage",
          method: "POST",
          path: `/me/messages/${encodeURIComponent(draftId)}/send`,
          headers: immutableIds,
          policy: "throttleOnly",
        });
        return sent(draftId, { sentAt: null });
      } catch (error) {
        // A 4xx (a 429 after its retries too) means Graph refused: nothing was sent. A dropped
        // connection or a 5xx may hide an accepted send: look before sending again.
        const unconfirmed = error instanceof GraphRequestFailed && (error.status === -1 || error.status >= 500);
        if (!unconfirmed) throw error;
        options.logger?.warn({ event: "recap_send_unconfirmed", status: error.status, attempt }, "checking the draft");
        const state = await settledDraft(identity, draftId);
        if (state.kind === "sent") return sent(draftId, state);
        if (state.kind === "missing") throw new RecapDeliveryUnknown(draftId);
        if (attempt >= sendAttempts) throw error;
      }
    }
  }

  return {
    async sendRecap(identity, input) {
      if (input.existingDraftId) {
        const state = await settledDraft(identity, input.existingDraftId);
        if (state.kind === "sent") return sent(input.existingDraftId, state);
        if (state.kind === "missing") throw new RecapDeliveryUnknown(input.existingDraftId);
        return sendDraft(identity, input.existingDraftId);
      }
      const raw = await graph.call(identity, {
        operation: "createMessage",
        method: "POST",
        path: "/me/messages",
        headers: immutableIds,
        // A repeated create leaves at worst an unsent draft; only the stored id is ever sent.
        policy: "safe",
        body: {
          subject: input.subject,
          body: { contentType: "html", content: input.html },
          toRecipients: input.to.map(recipient),
          ccRecipients: input.cc.map(recipient),
          internetMessageHeaders: [{ name: "X-Callbook-Recap-Id", value: input.recapId }],
        },
      });
      const draftId = createdMessage.parse(raw).id;
      await input.onDraftCreated?.(draftId);
      return sendDraft(identity, draftId);
    },

    async createSeries(identity, input) {
      const raw = await graph.call(identity, {
        operation: "createEvent",
        method: "POST",
        path: "/me/events",
        // transactionId makes a repeated POST return the first event instead of a second series.
        policy: "safe",
        body: {
          transactionId: input.transactionId,
          subject: input.subject,
          body: { contentType: "html", content: input.bodyHtml },
          start: input.start,
          end: input.end,
          recurrence: input.recurrence,
          attendees: input.attendees.map((a) => ({ emailAddress: { address: a.email, name: a.name }, type: a.type })),
          isOnlineMeeting: true,
          onlineMeetingProvider: "teamsForBusiness",
          responseRequested: true,
        },
      });
      const event = createdEvent.parse(raw);
      // Occurrences with their own attendees (a backup for someone out): patched instance by instance.
      const occurrences = await patchOccurrenceAttendees(graph, identity, {
        seriesMasterId: event.id,
        seriesZone: input.recurrence.range.recurrenceTimeZone ?? input.start.timeZone,
        occurrences: input.occurrenceAttendees ?? [],
      });
      if (occurrences.missing.length > 0) {
        options.logger?.warn({ event: "series_occurrences_missing", missing: occurrences.missing }, "no instance at these starts");
      }
      return { eventId: event.id, joinUrl: event.onlineMeeting?.joinUrl ?? null, iCalUId: event.iCalUId ?? null, occurrences };
    },

    async getOutOfOffice(identity, emails, day: IsoDate) {
      // Ask a window wide enough for every zone's working day on `day` (UTC−12 … UTC+14).
      const window = { start: new Date(`${addDays(day, -1)}T00:00:00Z`), end: new Date(`${addDays(day, 2)}T00:00:00Z`) };
      const schedules = await readSchedules(graph, identity, emails, window);
      const out = new Set<string>();
      for (const schedule of schedules.values()) {
        const workingDay = workingDayOf(schedule.workingHours, day);
        const length = (workingDay.end.getTime() - workingDay.start.getTime()) / 60_000;
        // Out when "oof" covers at least half of their working day, in their own zone.
        if (length > 0 && minutesCovered(workingDay, schedule.outOfOffice) * 2 >= length) out.add(schedule.email);
      }
      return out;
    },

    getSchedules(identity, emails, window) {
      return readSchedules(graph, identity, emails, window);
    },

    getMailboxSettings(identity) {
      return readMailboxSettings(graph, identity);
    },

    findOnlineMeetingByLink: (identity, link) => findOnlineMeetingByLink(graph, identity, link),

    readMeetingArtifacts: (identity, query) => readMeetingArtifacts(graph, identity, query),

    async findOnlineMeetingByChat(identity, chatId) {
      let joinWebUrl: string | null | undefined;
      try {
        const raw = await graph.call(identity, {
          operation: "getChat",
          method: "GET",
          path: `/chats/${encodeURIComponent(chatId)}?$select=onlineMeetingInfo`,
          policy: "safe",
        });
        joinWebUrl = chatAnswer.parse(raw).onlineMeetingInfo?.joinWebUrl;
      } catch (error) {
        if (error instanceof GraphRequestFailed && error.status === 404) return null;
        throw error;
      }
      if (!joinWebUrl) return null;
      const filter = `JoinWebUrl eq '${joinWebUrl.replace(/'/g, "''")}'`;
      try {
        const raw = await graph.call(identity, {
          operation: "listOnlineMeetings",
          method: "GET",
          path: `/me/onlineMeetings?$filter=${encodeURIComponent(filter)}`,
          policy: "safe",
        });
        return { joinWebUrl, onlineMeetingId: meetingsAnswer.parse(raw).value[0]?.id ?? null };
      } catch (error) {
        // Only organisers can read the meeting through /me/onlineMeetings; the join URL still identifies it.
        if (error instanceof GraphRequestFailed && (error.status === 403 || error.status === 404)) {
          return { joinWebUrl, onlineMeetingId: null };
        }
        throw error;
      }
    },
  };
}

function recipient(r: Recipient): { emailAddress: { address: string; name?: string } } {
  return { emailAddress: r.name ? { address: r.email, name: r.name } : { address: r.email } };
}
