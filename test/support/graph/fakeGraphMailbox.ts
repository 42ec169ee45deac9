import { createHash, randomBytes, randomUUID } from "node:crypto";
import type {
  AttendanceInterval,
  AttendanceRecord,
  CallRecording,
  CallTranscript,
  CommunicationsUserIdentity,
  IdentitySet,
  MeetingAttendanceReport,
} from "@microsoft/microsoft-graph-types";
import { findIana } from "windows-iana";
import { validateActionParameters, validateGraphBody } from "./graphSchemaValidator";
import { EASTERN_TIME_ZONE, instantAt } from "../../../server/domain/zonedTime";
import { addDays } from "../../../server/domain/isoDates";
import { expandFakeSeries } from "./fakeRecurrence";

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
  | "listInstances"
  | "updateEvent"
  | "getSchedule"
  | "getMailboxSettings"
  | "getChat"
  | "listOnlineMeetings"
  | "listAttendanceReports"
  | "getAttendanceReport"
  | "listAttendanceRecords"
  | "listRecordings"
  | "listTranscripts";

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

/** One person's attendance in a fake report: their joins and leaves (UTC instants). */
export interface FakeAttendee {
  displayName: string;
  /** Null for anonymous joiners. */
  email: string | null;
  role?: "Organizer" | "Presenter" | "Attendee";
  /** Entra object id; null for anonymous users. */
  userId?: string | null;
  tenantId?: string | null;
  intervals: { join: string; leave: string }[];
}

/** One session's attendance report of an online meeting (Teams writes one per session, after it ends). */
export interface FakeAttendanceReport {
  id: string;
  meetingStart: string;
  meetingEnd: string;
  attendees: FakeAttendee[];
}

/** A recording or transcript of an online meeting (metadata only). */
export interface FakeArtifact {
  id: string;
  created: string;
  ended: string;
}

/** Delegated permissions Graph checks on the meeting artifact routes. */
export type FakeGraphPermission = "OnlineMeetings.Read" | "OnlineMeetingArtifact.Read.All" | "OnlineMeetingRecording.Read.All" | "OnlineMeetingTranscript.Read.All";

const userId = "48d31887-5fad-4d73-a9f5-3c356e68a038";
const fakeTenantId = "11111111-2222-4333-8444-555555555555";
const scheduleParameters = {
  schedules: "Collection(Edm.String)",
  startTime: "microsoft.graph.dateTimeTimeZone",
  endTime: "microsoft.graph.dateTimeTimeZone",
  availabilityViewInterval: "Edm.Int32",
};

/** An out-of-office calendar item, in UTC instants ("2026-12-03T17:00:00Z"). */
export interface FakeAbsence {
  start: string;
  end: string;
}

/**
 * Graph `workingHours` of a mailbox. `timeZone` is what Graph writes: a Windows name, or a custom
 * zone ("Customized Time Zone", with `ianaForFake` giving the rules the fake computes with).
 */
export interface FakeWorkingHours {
  daysOfWeek: string[];
  startTime: string;
  endTime: string;
  timeZone: string;
  ianaForFake: string;
}

const easternHours: FakeWorkingHours = {
  daysOfWeek: ["monday", "tuesday", "wednesday", "thursday", "friday"],
  startTime: "08:00:00.0000000",
  endTime: "17:00:00.0000000",
  timeZone: "Eastern Standard Time",
  ianaForFake: EASTERN_TIME_ZONE,
};

export class FakeGraphMailbox {
  readonly messages = new Map<string, FakeMessage>();
  readonly deliveries: Delivery[] = [];
  readonly events: Record<string, unknown>[] = [];
  /** Whole days out (the mailbox's own dates, in its working-hours zone). */
  readonly outOfOffice = new Map<string, Set<string>>();
  /** Out-of-office items with times. */
  readonly absences = new Map<string, FakeAbsence[]>();
  /** The signed-in user's mailboxSettings.timeZone (a Windows name, or "tzone://Microsoft/Custom"). */
  signedInTimeZone = "Eastern Standard Time";
  /** Working hours per mailbox; US Eastern 08:00–17:00 when not set. */
  readonly workingHours = new Map<string, FakeWorkingHours>();
  readonly unknownMailboxes = new Set<string>();
  readonly chats = new Map<string, MeetingChat>();
  /** Attendance reports by online meeting id (listed newest first, as Graph does). */
  readonly attendanceReports = new Map<string, FakeAttendanceReport[]>();
  /**
   * Page sizes of the attendance lists: Graph pages a report list and its records (a large call has
   * hundreds) with `@odata.nextLink` (an opaque `$skiptoken`), and an `$expand`ed report carries
   * only the first page of records, with `attendanceRecords@odata.nextLink` for the rest.
   */
  attendanceReportsPageSize = 20;
  attendanceRecordsPageSize = 20;
  readonly recordings = new Map<string, FakeArtifact[]>();
  readonly transcripts = new Map<string, FakeArtifact[]>();
  /** Permissions the signed-in user's token lacks: Graph answers 403 on the routes needing them. */
  readonly missingPermissions = new Set<FakeGraphPermission>();
  /** Occurrences of series given their own values (exceptions), by series master id, then originalStart (ISO, Z). */
  readonly exceptions = new Map<string, Map<string, Record<string, unknown>>>();
  /**
   * Recorded getSchedule answers (one `scheduleInformation` each) by mailbox address: served as
   * they are, the `preferUtc` one when the request has `Prefer: outlook.timezone="UTC"`, else
   * `ownZone` (what Graph answers in the mailbox's own zone, possibly a custom zone).
   */
  readonly recordedSchedules = new Map<string, { preferUtc: unknown; ownZone: unknown }>();
  /** Server-driven paging: at most this many items a page, whatever $top asks. */
  maxPageSize = 1000;
  /** Instance ids handed out by /instances: id → series master id and originalStart. */
  private readonly instanceIds = new Map<string, { masterId: string; originalStart: string }>();

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
      case "listInstances":
        return this.listInstances(input);
      case "updateEvent":
        return this.updateEvent(input);
      case "getSchedule":
        return this.getSchedule(input);
      case "getMailboxSettings":
        return this.getMailboxSettings();
      case "getChat":
        return this.getChat(input);
      case "listOnlineMeetings":
        return this.listOnlineMeetings(input);
      case "listAttendanceReports":
        return this.listAttendanceReports(input);
      case "getAttendanceReport":
        return this.getAttendanceReport(input);
      case "listAttendanceRecords":
        return this.listAttendanceRecords(input);
      case "listRecordings":
        return this.listArtifacts(input, "recordings");
      case "listTranscripts":
        return this.listArtifacts(input, "transcripts");
    }
  }

  /** Graph's 403 for a token without the permission; null when granted. */
  private refused(permission: FakeGraphPermission): GraphReply | null {
    if (!this.missingPermissions.has(permission)) return null;
    return { status: 403, body: graphError("Forbidden", `Missing scope permissions on the request. API requires one of '${permission}'.`) };
  }

  /** The organiser's own meeting by id, or Graph's 404 (only organisers reach /me/onlineMeetings/{id}). */
  private ownMeeting(id: string | undefined): MeetingChat | null {
    return [...this.chats.values()].find((c) => c.organizedByMe && c.onlineMeetingId === id) ?? null;
  }

  private meetingContext(meetingId: string): string {
    return `${this.baseUrl}/$metadata#users('${userId}')/onlineMeetings('${meetingId}')`;
  }

  private reportJson(report: FakeAttendanceReport): MeetingAttendanceReport {
    return {
      id: report.id,
      totalParticipantCount: report.attendees.length,
      meetingStartDateTime: graphInstant(report.meetingStart),
      meetingEndDateTime: graphInstant(report.meetingEnd),
      externalEventInformation: [],
    };
  }

  private recordJson(a: FakeAttendee): AttendanceRecord {
    const identity: CommunicationsUserIdentity & { "@odata.type": string } = {
      "@odata.type": "#microsoft.graph.communicationsUserIdentity",
      id: a.userId === undefined ? randomUUID() : a.userId,
      displayName: a.displayName,
      tenantId: a.tenantId === undefined ? (a.email ? fakeTenantId : null) : a.tenantId,
    };
    const intervals: AttendanceInterval[] = a.intervals.map((i) => ({
      joinDateTime: graphInstant(i.join),
      leaveDateTime: graphInstant(i.leave),
      durationInSeconds: Math.round((Date.parse(i.leave) - Date.parse(i.join)) / 1000),
    }));
    return {
      id: a.email ?? randomUUID(),
      emailAddress: a.email,
      totalAttendanceInSeconds: intervals.reduce((sum, i) => sum + (i.durationInSeconds ?? 0), 0),
      role: a.role ?? "Attendee",
      registrationId: null,
      identity,
      attendanceIntervals: intervals,
      externalRegistrationInformation: null,
    };
  }

  private findReport(params: string[]): { meeting: MeetingChat; report: FakeAttendanceReport } | GraphReply {
    const meeting = this.ownMeeting(params[0]);
    if (!meeting) return { status: 404, body: graphError("NotFound", "The requested resource was not found.") };
    const report = (this.attendanceReports.get(meeting.onlineMeetingId) ?? []).find((r) => r.id === params[1]);
    if (!report) return { status: 404, body: graphError("NotFound", "Attendance report not found.") };
    return { meeting, report };
  }

  private listAttendanceReports({ params, query }: HandlerInput): GraphReply {
    const denied = this.refused("OnlineMeetingArtifact.Read.All");
    if (denied) return denied;
    const meeting = this.ownMeeting(params[0]);
    if (!meeting) return { status: 404, body: graphError("NotFound", "The requested resource was not found.") };
    const all = [...(this.attendanceReports.get(meeting.onlineMeetingId) ?? [])].sort((a, b) => Date.parse(b.meetingStart) - Date.parse(a.meetingStart));
    const page = pageOf(all, query, this.attendanceReportsPageSize);
    const next = page.next === null ? {} : { "@odata.nextLink": `${this.baseUrl}/users/${userId}/onlineMeetings/${meeting.onlineMeetingId}/attendanceReports?$skiptoken=${page.next}` };
    return { status: 200, body: { "@odata.context": `${this.meetingContext(meeting.onlineMeetingId)}/attendanceReports`, value: page.items.map((r) => this.reportJson(r)), ...next } };
  }

  /** Where the records after `skiptoken` are listed (Graph's nextLink: absolute, by user id). */
  private recordsLink(meetingId: string, reportId: string, skiptoken: string): string {
    return `${this.baseUrl}/users/${userId}/onlineMeetings/${meetingId}/attendanceReports/${reportId}/attendanceRecords?$skiptoken=${skiptoken}`;
  }

  private getAttendanceReport({ params, query }: HandlerInput): GraphReply {
    const denied = this.refused("OnlineMeetingArtifact.Read.All");
    if (denied) return denied;
    const found = this.findReport(params);
    if ("status" in found) return found;
    const expand = query.get("$expand");
    if (expand !== null && expand !== "attendanceRecords") return badRequest([`Could not find a property named '${expand}' on type 'microsoft.graph.meetingAttendanceReport'.`]);
    const body: MeetingAttendanceReport & { "@odata.context": string; "attendanceRecords@odata.nextLink"?: string } = {
      "@odata.context": `${this.meetingContext(found.meeting.onlineMeetingId)}/attendanceReports(${expand ? "attendanceRecords()" : ""})/$entity`,
      ...this.reportJson(found.report),
    };
    if (expand) {
      const page = pageOf(found.report.attendees, new URLSearchParams(), this.attendanceRecordsPageSize);
      body.attendanceRecords = page.items.map((a) => this.recordJson(a));
      if (page.next !== null) body["attendanceRecords@odata.nextLink"] = this.recordsLink(found.meeting.onlineMeetingId, found.report.id, page.next);
    }
    return { status: 200, body };
  }

  private listAttendanceRecords({ params, query }: HandlerInput): GraphReply {
    const denied = this.refused("OnlineMeetingArtifact.Read.All");
    if (denied) return denied;
    const found = this.findReport(params);
    if ("status" in found) return found;
    const page = pageOf(found.report.attendees, query, this.attendanceRecordsPageSize);
    return {
      status: 200,
      body: {
        "@odata.context": `${this.meetingContext(found.meeting.onlineMeetingId)}/attendanceReports('${found.report.id}')/attendanceRecords`,
        value: page.items.map((a) => this.recordJson(a)),
        ...(page.next === null ? {} : { "@odata.nextLink": this.recordsLink(found.meeting.onlineMeetingId, found.report.id, page.next) }),
      },
    };
  }

  private listArtifacts({ params }: HandlerInput, kind: "recordings" | "transcripts"): GraphReply {
    const denied = this.refused(kind === "recordings" ? "OnlineMeetingRecording.Read.All" : "OnlineMeetingTranscript.Read.All");
    if (denied) return denied;
    const meeting = this.ownMeeting(params[0]);
    if (!meeting) return { status: 404, body: graphError("NotFound", "The requested resource was not found.") };
    const organizer: IdentitySet = {
      application: null,
      device: null,
      user: { id: userId, displayName: null, ...{ "@odata.type": "#microsoft.graph.teamworkUserIdentity", userIdentityType: "aadUser", tenantId: fakeTenantId } },
    };
    const base = `${this.baseUrl}/users/${userId}/onlineMeetings/${meeting.onlineMeetingId}/${kind}`;
    const value = (this[kind].get(meeting.onlineMeetingId) ?? []).map((a) => {
      const common = {
        id: a.id,
        meetingId: meeting.onlineMeetingId,
        callId: randomUUID(),
        contentCorrelationId: `${a.id}-correlation`,
        createdDateTime: graphInstant(a.created),
        endDateTime: graphInstant(a.ended),
        meetingOrganizer: organizer,
      };
      if (kind === "recordings") {
        const recording: CallRecording = { ...common, recordingContentUrl: `${base}/${a.id}/content` };
        return recording;
      }
      const transcript: CallTranscript = { ...common, transcriptContentUrl: `${base}/${a.id}/content` };
      return transcript;
    });
    return { status: 200, body: { "@odata.context": `${this.meetingContext(meeting.onlineMeetingId)}/${kind}`, "@odata.count": value.length, value } };
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
      attendees: withStatus(Array.isArray(body.attendees) ? body.attendees : []),
    };
    this.events.push(event);
    const joinUrl = isObject(event.onlineMeeting) && typeof event.onlineMeeting.joinUrl === "string" ? event.onlineMeeting.joinUrl : undefined;
    const thread = joinUrl ? /\/meetup-join\/([^/]+)\//.exec(joinUrl)?.[1] : undefined;
    if (joinUrl && thread) {
      // A Teams event comes with its onlineMeeting (and meeting chat), organised by the signed-in user.
      const chatId = decodeURIComponent(thread);
      this.chats.set(chatId, {
        chatId, joinWebUrl: joinUrl, onlineMeetingId: `MSo${randomBytes(24).toString("base64url")}`, organizedByMe: true,
        joinMeetingId: `${1 + (randomBytes(1)[0] ?? 0) % 9}${Array.from(randomBytes(12), (b) => b % 10).join("")}`, passcode: randomBytes(4).toString("hex").slice(0, 6),
      });
    }
    return { status: 201, body: event };
  }

  /**
   * GET /me/events/{id}/instances: the occurrences of a series master overlapping the required
   * startDateTime–endDateTime window (ISO 8601; no offset = UTC), as Graph lists them: type
   * "occurrence" or "exception", seriesMasterId, originalStart (UTC), start/end in UTC (or the
   * Prefer: outlook.timezone zone, only UTC here), 10 a page unless $top, then @odata.nextLink.
   */
  private listInstances({ params, query }: HandlerInput): GraphReply {
    const master = this.events.find((e) => e.id === params[0]);
    if (!master) return itemNotFound();
    const window = [query.get("startDateTime"), query.get("endDateTime")].map((v) => (v ? Date.parse(/(Z|[+-]\d{2}:\d{2})$/.test(v) ? v : `${v}Z`) : Number.NaN));
    const [from, to] = window as [number, number];
    if (Number.isNaN(from) || Number.isNaN(to)) {
      return { status: 400, body: graphError("ErrorInvalidParameter", "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.") };
    }
    const masterId = String(master.id);
    const all = master.type === "seriesMaster" ? expandFakeSeries(master, from, to) : [];
    const top = Math.min(Number(query.get("$top") ?? 10) || 10, this.maxPageSize);
    const skip = Number(query.get("$skip") ?? 0) || 0;
    const select = query.get("$select")?.split(",").map((f) => f.trim());
    const value = all.slice(skip, skip + top).map((o) => {
      const instance = this.instanceJson(master, o.start, o.end);
      return select ? Object.fromEntries(Object.entries(instance).filter(([k]) => k === "id" || k.startsWith("@odata") || select.includes(k))) : instance;
    });
    const next = new URLSearchParams(query);
    next.set("$skip", String(skip + top));
    return {
      status: 200,
      body: {
        "@odata.context": `${this.baseUrl}/$metadata#Collection(event)`,
        value,
        ...(skip + top < all.length ? { "@odata.nextLink": `${this.baseUrl}/me/events/${encodeURIComponent(masterId)}/instances?${next.toString()}` } : {}),
      },
    };
  }

  /** PATCH /me/events/{id}: a series master, or an instance id from /instances (it becomes an exception). */
  private updateEvent({ params, body }: HandlerInput): GraphReply {
    const problems = validateGraphBody("event", body);
    if (problems.length > 0 || !isObject(body)) return badRequest(problems);
    const patch = { ...body, ...(Array.isArray(body.attendees) ? { attendees: withStatus(body.attendees) } : {}) };
    const id = params[0] ?? "";
    const master = this.events.find((e) => e.id === id);
    if (master) {
      Object.assign(master, patch, { lastModifiedDateTime: new Date().toISOString() });
      return { status: 200, body: master };
    }
    const instance = this.instanceIds.get(id);
    const series = instance ? this.events.find((e) => e.id === instance.masterId) : undefined;
    if (!instance || !series) return itemNotFound();
    const changed = this.exceptions.get(instance.masterId) ?? new Map<string, Record<string, unknown>>();
    changed.set(instance.originalStart, { ...(changed.get(instance.originalStart) ?? {}), ...patch });
    this.exceptions.set(instance.masterId, changed);
    const start = Date.parse(instance.originalStart);
    const duration = Date.parse(String((series.end as { dateTime: string }).dateTime).slice(0, 19) + "Z") - Date.parse(String((series.start as { dateTime: string }).dateTime).slice(0, 19) + "Z");
    return { status: 200, body: this.instanceJson(series, start, start + duration) };
  }

  /** The attendees of one occurrence of a series as Outlook has them: the exception's, else the master's. */
  attendeesOfOccurrence(masterId: string, originalStart: string): { address: string; name: string; type: string }[] {
    const master = this.events.find((e) => e.id === masterId);
    const own = this.exceptions.get(masterId)?.get(new Date(originalStart).toISOString().replace(".000Z", "Z"));
    const list = (own?.attendees ?? master?.attendees ?? []) as { emailAddress: { address: string; name: string }; type: string }[];
    return list.map((a) => ({ address: a.emailAddress.address, name: a.emailAddress.name, type: a.type }));
  }

  private instanceJson(master: Record<string, unknown>, start: number, end: number): Record<string, unknown> {
    const originalStart = new Date(start).toISOString().replace(".000Z", "Z");
    const masterId = String(master.id);
    const id = `AAMkAGI2${createHash("sha256").update(`${masterId}|${originalStart}`).digest("base64url")}_-BBB=`;
    this.instanceIds.set(id, { masterId, originalStart });
    const own = this.exceptions.get(masterId)?.get(originalStart);
    const utc = (ms: number) => ({ dateTime: `${new Date(ms).toISOString().slice(0, 19)}.0000000`, timeZone: "UTC" });
    const { recurrence: _r, transactionId: _t, "@odata.context": _c, ...inherited } = master;
    return {
      ...inherited,
      "@odata.etag": `W/"${randomBytes(8).toString("base64")}"`,
      id,
      type: own ? "exception" : "occurrence",
      seriesMasterId: masterId,
      originalStart,
      originalStartTimeZone: (master.start as { timeZone: string }).timeZone,
      recurrence: null,
      start: utc(start),
      end: utc(end),
      ...(own ?? {}),
    };
  }

  private getSchedule({ body, headers }: HandlerInput): GraphReply {
    const problems = validateActionParameters(scheduleParameters, body);
    if (problems.length > 0 || !isObject(body)) return badRequest(problems);
    const { schedules, startTime, endTime } = body;
    if (!Array.isArray(schedules) || !isObject(startTime) || !isObject(endTime)) {
      return badRequest(["schedules, startTime and endTime are required."]);
    }
    if (startTime.timeZone !== "UTC" || endTime.timeZone !== "UTC") return badRequest(["This fake only answers windows asked in UTC."]);
    const interval = typeof body.availabilityViewInterval === "number" ? body.availabilityViewInterval : 30;
    if (interval < 5 || interval > 1440) return badRequest(["availabilityViewInterval must be between 5 and 1440."]);
    const from = Date.parse(`${String(startTime.dateTime)}Z`);
    const to = Date.parse(`${String(endTime.dateTime)}Z`);
    // Graph answers scheduleItems in the Prefer: outlook.timezone zone; without it, here, in the
    // mailbox's own zone name (which may be a custom zone no client can map).
    const preferUtc = /outlook\.timezone="UTC"/i.test(String(headers.prefer ?? ""));
    const value = schedules.map((schedule: unknown) => {
      const email = String(schedule).toLowerCase();
      if (this.unknownMailboxes.has(email)) {
        return { scheduleId: String(schedule), error: { message: "The user couldn't be found.", responseCode: "ErrorMailRecipientNotFound" } };
      }
      const recorded = this.recordedSchedules.get(email);
      if (recorded) return preferUtc ? recorded.preferUtc : recorded.ownZone;
      const hours = this.workingHours.get(email) ?? easternHours;
      const days = [...(this.outOfOffice.get(email) ?? [])].map((day) => ({
        start: instantAt(day, "00:00", hours.ianaForFake).getTime(),
        end: instantAt(addDays(day, 1), "00:00", hours.ianaForFake).getTime(),
      }));
      const timed = (this.absences.get(email) ?? []).map((a) => ({ start: Date.parse(a.start), end: Date.parse(a.end) }));
      const items = [...days, ...timed].filter((i) => i.start < to && from < i.end);
      const slots = Math.max(1, Math.ceil((to - from) / (interval * 60_000)));
      const view = Array.from({ length: slots }, (_, k) => {
        const s0 = from + k * interval * 60_000;
        return items.some((i) => i.start < s0 + interval * 60_000 && s0 < i.end) ? "3" : "0";
      }).join("");
      const at = (ms: number) =>
        preferUtc
          ? { dateTime: `${new Date(ms).toISOString().slice(0, 19)}.0000000`, timeZone: "UTC" }
          : { dateTime: localIn(ms, hours.ianaForFake), timeZone: hours.timeZone };
      return {
        scheduleId: String(schedule),
        availabilityView: view,
        scheduleItems: items.map((i) => ({ isPrivate: false, status: "oof", subject: "Out of office", location: "", start: at(i.start), end: at(i.end) })),
        workingHours: {
          daysOfWeek: hours.daysOfWeek,
          startTime: hours.startTime,
          endTime: hours.endTime,
          timeZone: { name: hours.timeZone },
        },
      };
    });
    return {
      status: 200,
      body: { "@odata.context": `${this.baseUrl}/$metadata#Collection(microsoft.graph.scheduleInformation)`, value },
    };
  }

  private getMailboxSettings(): GraphReply {
    const hours = easternHours;
    return {
      status: 200,
      body: {
        "@odata.context": `${this.baseUrl}/$metadata#users('${userId}')/mailboxSettings`,
        timeZone: this.signedInTimeZone,
        workingHours: { daysOfWeek: hours.daysOfWeek, startTime: hours.startTime, endTime: hours.endTime, timeZone: { name: this.signedInTimeZone } },
      },
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
    const denied = this.refused("OnlineMeetings.Read");
    if (denied) return denied;
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
  // Graph takes any Windows zone name (CLDR's list) or an IANA name.
  return findIana(zone).length > 0 || Intl.supportedValuesOf("timeZone").includes(zone);
}

function withStatus(attendees: unknown[]): Record<string, unknown>[] {
  return attendees.map((a) => ({ ...(isObject(a) ? a : {}), status: { response: "none", time: "0001-01-01T00:00:00Z" } }));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Graph writes instants with seven fractional digits ("2026-11-24T16:02:11.4310000Z"). */
function graphInstant(iso: string): string {
  return new Date(Date.parse(iso)).toISOString().replace(/\.(\d{3})Z$/, ".$10000Z");
}

function localIn(ms: number, timeZone: string): string {
  const f = new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
  return `${f.format(ms).replace(" ", "T")}.0000000`;
}

/**
 * One page of `all` from the request's `$skiptoken` (opaque to clients: base64url of the offset),
 * and the token of the next page, or null on the last page.
 */
function pageOf<T>(all: readonly T[], query: URLSearchParams, size: number): { items: T[]; next: string | null } {
  const token = query.get("$skiptoken");
  const from = token ? Number(Buffer.from(token, "base64url").toString("utf8").replace(/^offset:/, "")) || 0 : 0;
  const to = from + Math.max(1, size);
  return { items: all.slice(from, to), next: to < all.length ? Buffer.from(`offset:${to}`).toString("base64url") : null };
}
