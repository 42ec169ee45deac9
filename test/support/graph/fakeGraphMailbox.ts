import { randomBytes, randomUUID } from "node:crypto";
import { validateActionParameters, validateGraphBody } from "./graphSchemaValidator";

// The state and Graph-shaped handlers behind fakeGraphServer: one signed-in user's mailbox,
// calendar, chats and online meetings. Handlers return what Graph would: status, JSON body.

export interface GraphReply {
  status: number;
  body?: unknown;
}

export interface HandlerInput {
  route: GraphRouteName;
  params: string[];
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export type GraphRouteName =
  | "createMessage"
  | "getMessage"
  | "sendMessage"
  | "createEvent"
  | "getSchedule"
  | "getChat"
  | "listOnlineMeetings";

export interface FakeMessage {
  id: string;
  immutable: boolean;
  isDraft: boolean;
  sentDateTime: string | null;
  body: Record<string, unknown>;
  createdDateTime: string;
  internetMessageId: string;
}

export interface Delivery {
  messageId: string;
  subject: unknown;
  toRecipients: unknown;
}

export interface MeetingChat {
  chatId: string;
  joinWebUrl: string | null;
  onlineMeetingId: string;
  /** /me/onlineMeetings only lists meetings the signed-in user organised. */
  organizedByMe: boolean;
  /** joinMeetingIdSettings: the digits of the meeting ID and its passcode, as Teams assigns them. */
  joinMeetingId?: string;
  passcode?: string;
  /** chatInfo.messageId: "0" for a scheduled meeting, the post's id for a channel meeting. */
  messageId?: string;
}

const userId = "48d31887-5fad-4d73-a9f5-3c356e68a038";
const scheduleParameters = {
  schedules: "Collection(Edm.String)",
  startTime: "microsoft.graph.dateTimeTimeZone",
  endTime: "microsoft.graph.dateTimeTimeZone",
  availabilityViewInterval: "Edm.Int32",
};
const windowsZones = new Set(["UTC", "Eastern Standard Time", "Central Standard Time", "Mountain Standard Time", "Pacific Standard Time", "GMT Standard Time", "W. Europe Standard Time"]);

export class FakeGraphMailbox {
  readonly messages = new Map<string, FakeMessage>();
  readonly deliveries: Delivery[] = [];
  readonly events: Record<string, unknown>[] = [];
  readonly outOfOffice = new Map<string, Set<string>>();
  readonly unknownMailboxes = new Set<string>();
  readonly chats = new Map<string, MeetingChat>();

  constructor(private readonly baseUrl: string) {}

  handle(input: HandlerInput): GraphReply {
    switch (input.route) {
      case "createMessage":
        return this.createMessage(input);
      case "getMessage":
        return this.getMessage(input);
      case "sendMessage":
        return this.sendMessage(input);
      case "createEvent":
        return this.createEvent(input);
      case "getSchedule":
        return this.getSchedule(input);
      case "getChat":
        return this.getChat(input);
      case "listOnlineMeetings":
        return this.listOnlineMeetings(input);
    }
  }

  private createMessage({ body, headers }: HandlerInput): GraphReply {
    const problems = validateGraphBody("message", body);
    if (problems.length > 0 || !isObject(body)) return badRequest(problems);
    const now = new Date().toISOString();
    const message: FakeMessage = {
      id: newItemId(),
      immutable: /IdType="ImmutableId"/i.test(String(headers.prefer ?? "")),
      isDraft: true,
      sentDateTime: null,
      body,
      createdDateTime: now,
      internetMessageId: `<${randomUUID()}@fake.prod.outlook.com>`,
    };
    this.messages.set(message.id, message);
    return { status: 201, body: this.messageJson(message, null) };
  }

  private getMessage({ params, query }: HandlerInput): GraphReply {
    const message = this.messages.get(params[0] ?? "");
    if (!message) return itemNotFound();
    const select = query.get("$select")?.split(",").map((s) => s.trim());
    return { status: 200, body: this.messageJson(message, select ?? null) };
  }

  private sendMessage({ params, body }: HandlerInput): GraphReply {
    if (body !== undefined && !(isObject(body) && Object.keys(body).length === 0)) {
      return badRequest(["The send action takes no parameters."]);
    }
    const message = this.messages.get(params[0] ?? "");
    if (!message) return itemNotFound();
    // Pessimistic on purpose: sending an already sent item delivers it again, so duplicates show.
    this.deliveries.push({ messageId: message.id, subject: message.body.subject, toRecipients: message.body.toRecipients });
    message.isDraft = false;
    message.sentDateTime = new Date().toISOString();
    if (!message.immutable) {
      // Without `Prefer: IdType="ImmutableId"` an Outlook id changes when the item moves to Sent Items.
      this.messages.delete(message.id);
      message.id = newItemId();
      this.messages.set(message.id, message);
    }
    return { status: 202 };
  }

  private createEvent({ body }: HandlerInput): GraphReply {
    const problems = validateGraphBody("event", body);
    if (problems.length > 0 || !isObject(body)) return badRequest(problems);
    const zoneProblem = [body.start, body.end].some((t) => !isObject(t) || !knownZone(t.timeZone));
    if (zoneProblem) return { status: 400, body: graphError("TimeZoneNotSupportedException", "A valid TimeZone value must be specified.") };
    const existing = this.events.find((e) => body.transactionId && e.transactionId === body.transactionId);
    if (existing) return { status: 201, body: existing };
    const id = newItemId();
    const online = body.isOnlineMeeting === true && body.onlineMeetingProvider === "teamsForBusiness";
    const event = {
      "@odata.context": `${this.baseUrl}/$metadata#users('${userId}')/events/$entity`,
      "@odata.etag": `W/"${randomBytes(8).toString("base64")}"`,
      id,
      createdDateTime: new Date().toISOString(),
      lastModifiedDateTime: new Date().toISOString(),
      iCalUId: `040000008200E00074C5B7101A82E008${randomBytes(24).toString("hex").toUpperCase()}`,
      type: body.recurrence ? "seriesMaster" : "singleInstance",
      isOrganizer: true,
      isOnlineMeeting: online,
      onlineMeetingProvider: online ? "teamsForBusiness" : "unknown",
      onlineMeeting: online
        ? { joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${randomBytes(12).toString("base64url")}%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d` }
        : null,
      ...body,
      attendees: (Array.isArray(body.attendees) ? body.attendees : []).map((a: unknown) => ({
        ...(isObject(a) ? a : {}),
        status: { response: "none", time: "0001-01-01T00:00:00Z" },
      })),
    };
    this.events.push(event);
    return { status: 201, body: event };
  }

  private getSchedule({ body }: HandlerInput): GraphReply {
    const problems = validateActionParameters(scheduleParameters, body);
    if (problems.length > 0 || !isObject(body)) return badRequest(problems);
    const { schedules, startTime, endTime } = body;
    if (!Array.isArray(schedules) || !isObject(startTime) || !isObject(endTime)) {
      return badRequest(["schedules, startTime and endTime are required."]);
    }
    const interval = typeof body.availabilityViewInterval === "number" ? body.availabilityViewInterval : 30;
    if (interval < 5 || interval > 1440) return badRequest(["availabilityViewInterval must be between 5 and 1440."]);
    const minutes = (Date.parse(`${String(endTime.dateTime)}Z`) - Date.parse(`${String(startTime.dateTime)}Z`)) / 60000;
    const day = String(startTime.dateTime).slice(0, 10);
    const value = schedules.map((schedule: unknown) => {
      const email = String(schedule).toLowerCase();
      if (this.unknownMailboxes.has(email)) {
        return { scheduleId: String(schedule), error: { message: "The user couldn't be found.", responseCode: "ErrorMailRecipientNotFound" } };
      }
      const out = this.outOfOffice.get(email)?.has(day) ?? false;
      return {
        scheduleId: String(schedule),
        availabilityView: (out ? "3" : "0").repeat(Math.max(1, Math.ceil(minutes / interval))),
        scheduleItems: out ? [{ isPrivate: false, status: "oof", subject: "Out of office", location: "", start: startTime, end: endTime }] : [],
      };
    });
    return {
      status: 200,
      body: { "@odata.context": `${this.baseUrl}/$metadata#Collection(microsoft.graph.scheduleInformation)`, value },
    };
  }

  private getChat({ params }: HandlerInput): GraphReply {
    const chat = this.chats.get(params[0] ?? "");
    if (!chat) return { status: 404, body: graphError("NotFound", "Chat not found or the user is not a member.") };
    return {
      status: 200,
      body: {
        "@odata.context": `${this.baseUrl}/$metadata#chats/$entity`,
        id: chat.chatId,
        topic: "Project call",
        createdDateTime: "2026-11-20T15:00:00.000Z",
        lastUpdatedDateTime: "2026-11-20T15:00:00.000Z",
        chatType: chat.joinWebUrl ? "meeting" : "group",
        webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(chat.chatId)}/0`,
        tenantId: "11111111-2222-4333-8444-555555555555",
        isHiddenForAllMembers: false,
        onlineMeetingInfo: chat.joinWebUrl
          ? { calendarEventId: null, joinWebUrl: chat.joinWebUrl, organizer: { id: userId, displayName: null, userIdentityType: "aadUser" } }
          : null,
        viewpoint: { isHidden: false, lastMessageReadDateTime: "2026-11-20T15:00:00.000Z" },
      },
    };
  }

  private listOnlineMeetings({ query }: HandlerInput): GraphReply {
    // Documented filters (Get onlineMeeting): JoinWebUrl eq '…' and joinMeetingIdSettings/joinMeetingId eq '…'.
    const filter = /^(JoinWebUrl|joinMeetingIdSettings\/joinMeetingId) eq '((?:[^']|'')*)'$/i.exec(query.get("$filter") ?? "");
    if (!filter) return badRequest(["Filter expression expected - /onlineMeetings?$filter=JoinWebUrl eq 'joinWebUrl'."]);
    const wanted = (filter[2] ?? "").replace(/''/g, "'");
    const byUrl = (filter[1] ?? "").toLowerCase() === "joinweburl";
    const value = [...this.chats.values()]
      .filter((c) => c.organizedByMe && (byUrl ? c.joinWebUrl === wanted : c.joinMeetingId === wanted))
      .map((c) => ({
        id: c.onlineMeetingId,
        creationDateTime: "2026-11-20T15:00:00.0000000Z",
        startDateTime: "2026-11-24T16:00:00Z",
        endDateTime: "2026-11-24T16:30:00Z",
        joinUrl: c.joinWebUrl,
        joinWebUrl: c.joinWebUrl,
        meetingCode: c.joinMeetingId ?? null,
        subject: "Project call",
        isBroadcast: false,
        autoAdmittedUsers: "everyoneInCompany",
        allowedPresenters: "everyone",
        isEntryExitAnnounced: false,
        videoTeleconferenceId: null,
        externalId: null,
        joinMeetingIdSettings: c.joinMeetingId ? { isPasscodeRequired: Boolean(c.passcode), joinMeetingId: c.joinMeetingId, passcode: c.passcode ?? null } : null,
        chatInfo: { threadId: c.chatId, messageId: c.messageId ?? "0", replyChainMessageId: null },
        participants: { organizer: { upn: "dana.whitfield@contoso.com", role: "presenter", identity: { user: { id: userId, displayName: null, tenantId: "11111111-2222-4333-8444-555555555555" } } }, attendees: [] },
        lobbyBypassSettings: { scope: "organization", isDialInBypassEnabled: false },
      }));
    return { status: 200, body: { "@odata.context": `${this.baseUrl}/$metadata#users('${userId}')/onlineMeetings`, value } };
  }

  private messageJson(message: FakeMessage, select: string[] | null): Record<string, unknown> {
    const full: Record<string, unknown> = {
      "@odata.etag": `W/"${randomBytes(8).toString("base64")}"`,
      id: message.id,
      createdDateTime: message.createdDateTime,
      lastModifiedDateTime: message.sentDateTime ?? message.createdDateTime,
      changeKey: randomBytes(8).toString("base64"),
      categories: [],
      receivedDateTime: message.createdDateTime,
      sentDateTime: message.sentDateTime,
      hasAttachments: false,
      internetMessageId: message.internetMessageId,
      subject: message.body.subject ?? null,
      importance: "normal",
      parentFolderId: message.isDraft ? "drafts-folder-id" : "sentitems-folder-id",
      conversationId: "conversation-" + message.id.slice(-8),
      isDeliveryReceiptRequested: false,
      isReadReceiptRequested: false,
      isRead: true,
      isDraft: message.isDraft,
      webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(message.id)}`,
      inferenceClassification: "focused",
      body: message.body.body ?? { contentType: "text", content: "" },
      toRecipients: message.body.toRecipients ?? [],
      ccRecipients: message.body.ccRecipients ?? [],
      bccRecipients: [],
      replyTo: [],
      flag: { flagStatus: "notFlagged" },
    };
    const context = `${this.baseUrl}/$metadata#users('${userId}')/messages`;
    if (!select) return { "@odata.context": `${context}/$entity`, ...full };
    const picked = Object.fromEntries(Object.entries(full).filter(([k]) => k === "id" || k === "@odata.etag" || select.includes(k)));
    return { "@odata.context": `${context}(${select.join(",")})/$entity`, ...picked };
  }
}

export function graphError(code: string, message: string): { error: Record<string, unknown> } {
  return { error: { code, message, innerError: { date: new Date().toISOString(), "request-id": randomUUID(), "client-request-id": randomUUID() } } };
}

function badRequest(problems: string[]): GraphReply {
  return { status: 400, body: graphError("RequestBodyRead", problems.join(" ") || "Invalid request body.") };
}

function itemNotFound(): GraphReply {
  return { status: 404, body: graphError("ErrorItemNotFound", "The specified object was not found in the store.") };
}

/** Outlook-like ids: long, with `-`, `_` and `=` that must be escaped in paths. */
function newItemId(): string {
  return `AAMkAGI2${randomBytes(48).toString("base64url")}_-AAA=`;
}

function knownZone(zone: unknown): boolean {
  if (typeof zone !== "string") return false;
  return windowsZones.has(zone) || Intl.supportedValuesOf("timeZone").includes(zone);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
