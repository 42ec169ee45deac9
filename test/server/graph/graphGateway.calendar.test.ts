import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestIdentity } from "../../../server/auth/verifyTeamsToken";
import type { CreateSeriesInput, MailCalendarGateway } from "../../../server/graph/MailCalendarGateway";
import { recurrenceFor } from "../../../server/graph/recurrenceFor";
import { overlapsAny } from "../../../server/graph/readSchedules";
import { instantAt } from "../../../server/domain/zonedTime";
import { startFakeEntraServer, type FakeEntraServer } from "../../support/graph/fakeEntraServer";
import { startFakeGraphServer, type FakeGraphServer } from "../../support/graph/fakeGraphServer";
import { oboGraphGateway } from "../../support/graph/graphWorld";
import { startTogether } from "../../support/startTogether";

let graph: FakeGraphServer;
let entra: FakeEntraServer;
let gateway: MailCalendarGateway;
let identity: RequestIdentity;

beforeAll(async () => {
  [graph, entra] = await startTogether<[FakeGraphServer, FakeEntraServer]>([startFakeGraphServer(), (g) => g.close()], [startFakeEntraServer(), (e) => e.close()]);
  // The whole chain: SSO token → real msal-node OBO against the fake Entra → real Graph SDK → fake Graph.
  gateway = oboGraphGateway(entra, graph, { retryDelaySeconds: 0, replayDelayMs: 5, settleMs: 10 });
  const token = await entra.mintTeamsToken({ oid: "oid-calendar" });
  identity = { tenantId: entra.tenantId, userId: "oid-calendar", name: "Pat", email: "pat@contoso.example", token };
});
afterAll(async () => {
  await Promise.all([graph.close(), entra.close()]);
});

function triageSeries(transactionId: string): CreateSeriesInput {
  const timing = recurrenceFor("triage", { from: "2026-12-01" });
  return {
    transactionId,
    subject: "Riverbend triage",
    bodyHtml: "<p>Agenda: open defects</p>",
    ...timing,
    attendees: [
      { email: "dana@customer.example", name: "Dana Customer", type: "required" },
      { email: "lee@contoso.example", name: "Lee Engineer", type: "optional" },
    ],
  };
}

describe("graphGateway.createSeries", () => {
  it("posts a Teams meeting series with the triage recurrence, typed attendees and a transactionId", async () => {
    const before = graph.requests.length;
    const created = await gateway.createSeries(identity, triageSeries("tx-triage-1"));
    const [request] = graph.requests.slice(before);

    expect(request?.route).toBe("createEvent");
    expect(request?.outcome).toBe(201);
    expect(request?.headers.authorization).toMatch(/^Bearer eyJ/);
    expect(request?.body).toMatchObject({
      transactionId: "tx-triage-1",
      isOnlineMeeting: true,
      onlineMeetingProvider: "teamsForBusiness",
      start: { dateTime: "2026-12-01T10:00:00", timeZone: "Eastern Standard Time" },
      end: { dateTime: "2026-12-01T11:00:00", timeZone: "Eastern Standard Time" },
      recurrence: {
        pattern: { type: "weekly", interval: 1, daysOfWeek: ["tuesday", "thursday"] },
        range: { type: "noEnd", startDate: "2026-12-01", recurrenceTimeZone: "Eastern Standard Time" },
      },
      attendees: [
        { emailAddress: { address: "dana@customer.example", name: "Dana Customer" }, type: "required" },
        { emailAddress: { address: "lee@contoso.example", name: "Lee Engineer" }, type: "optional" },
      ],
    });
    expect(created.eventId).toBe(graph.mailbox.events.at(-1)?.id);
    expect(created.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(created.iCalUId).toMatch(/^040000008200E00074C5B7101A82E008/);
  });

  it("replays a POST whose connection dropped after creation; the transactionId keeps it one series", async () => {
    graph.injectFault("createEvent", { kind: "dropAfterAccept" });
    graph.injectFault("createEvent", { kind: "unavailable", retryAfter: "0" });
    const eventsBefore = graph.mailbox.events.length;
    const created = await gateway.createSeries(identity, triageSeries("tx-triage-2"));

    const attempts = graph.requestsTo("createEvent").slice(-3);
    expect(attempts.map((r) => r.outcome)).toEqual(["dropped", 503, 201]);
    expect(graph.mailbox.events.length - eventsBefore).toBe(1);
    expect(created.eventId).toBe(graph.mailbox.events.at(-1)?.id);
  });
});

describe("graphGateway.createSeries with occurrences of their own (issue 15 §3)", () => {
  const marcus = { email: "marcus.lee@contoso.com", name: "Marcus Lee", type: "required" as const };
  const dana = { email: "dana@customer.example", name: "Dana Customer", type: "required" as const };
  const jordan = { email: "jordan.blake@contoso.com", name: "Jordan Blake", type: "required" as const };
  const weekly = (transactionId: string, from: string, extra: Partial<CreateSeriesInput> = {}): CreateSeriesInput => ({
    transactionId,
    subject: "Riverbend customer status",
    bodyHtml: "<p>Status</p>",
    ...recurrenceFor("customer_status", { from, weekday: "wednesday", startTime: "10:00", durationMinutes: 30, occurrences: 30 }),
    attendees: [dana, marcus],
    ...extra,
  });

  it("names the backup on the 9 Dec occurrence in Outlook: the instance found by originalStart is patched, the series keeps Marcus required", async () => {
    const before = graph.requests.length;
    const created = await gateway.createSeries(identity, weekly("tx-occ-1", "2026-12-02", {
      occurrenceAttendees: [{ localStart: "2026-12-09T10:00:00", attendees: [dana, { ...marcus, type: "optional" }, jordan] }],
    }));
    const calls = graph.requests.slice(before);
    expect(calls.map((r) => r.route)).toEqual(["createEvent", "listInstances", "updateEvent"]);
    const [, list, patch] = calls;
    expect(list?.path).toBe(`/me/events/${created.eventId}/instances`);
    // 10:00 New York on 9 Dec is 15:00Z; the window starts there and runs a day on.
    expect(list?.query).toMatchObject({ startDateTime: "2026-12-09T15:00:00.000Z", endDateTime: "2026-12-10T15:00:00.000Z" });
    expect(list?.headers.prefer).toContain('outlook.timezone="UTC"');
    expect(patch?.outcome).toBe(200);
    expect(patch?.body).toEqual({
      attendees: [
        { emailAddress: { address: "dana@customer.example", name: "Dana Customer" }, type: "required" },
        { emailAddress: { address: "marcus.lee@contoso.com", name: "Marcus Lee" }, type: "optional" },
        { emailAddress: { address: "jordan.blake@contoso.com", name: "Jordan Blake" }, type: "required" },
      ],
    });
    expect(created.occurrences).toMatchObject({ patched: [{ localStart: "2026-12-09T10:00:00" }], missing: [] });

    // What Outlook now holds: only 9 Dec names Jordan; Marcus stays required for the series.
    const invited = (originalStart: string) => graph.mailbox.attendeesOfOccurrence(created.eventId, originalStart).map((a) => `${a.type} ${a.name}`);
    expect(invited("2026-12-09T15:00:00Z")).toEqual(["required Dana Customer", "optional Marcus Lee", "required Jordan Blake"]);
    for (const other of ["2026-12-02T15:00:00Z", "2026-12-16T15:00:00Z"]) expect(invited(other)).toEqual(["required Dana Customer", "required Marcus Lee"]);
    const master = graph.mailbox.events.find((e) => e.id === created.eventId);
    expect(JSON.stringify(master?.attendees)).not.toContain("jordan");
  });

  it("matches across a DST change and through pages of instances: 10:00 London on 28 Mar 2027 and 4 Apr 2027 (GMT, then BST)", async () => {
    graph.mailbox.maxPageSize = 5;
    const london = recurrenceFor("customer_status", { from: "2026-12-06", weekday: "sunday", startTime: "10:00", durationMinutes: 30, occurrences: 30, timeZone: "GMT Standard Time" });
    const created = await gateway.createSeries(identity, {
      transactionId: "tx-occ-2", subject: "London weekly", bodyHtml: "<p/>", ...london, attendees: [dana, marcus],
      occurrenceAttendees: [
        { localStart: "2026-12-06T10:00:00", attendees: [dana, jordan] },
        { localStart: "2027-03-28T10:00:00", attendees: [dana, jordan] },
        { localStart: "2027-04-04T10:00:00", attendees: [dana, jordan] },
      ],
    });
    // 18 weekly occurrences in the window, answered 5 a page (server-driven paging): the gateway follows @odata.nextLink.
    const pages = graph.requestsTo("listInstances").filter((r) => r.path === `/me/events/${created.eventId}/instances`);
    expect(pages.map((r) => r.query.$skip ?? "0")).toEqual(["0", "5", "10", "15"]);
    expect(created.occurrences?.missing).toEqual([]);
    const names = (at: string) => graph.mailbox.attendeesOfOccurrence(created.eventId, at).map((a) => a.name);
    expect(names("2026-12-06T10:00:00Z")).toContain("Jordan Blake");
    expect(names("2027-03-28T09:00:00Z")).toContain("Jordan Blake"); // BST began 28 Mar 2027 01:00Z
    expect(names("2027-04-04T09:00:00Z")).toContain("Jordan Blake");
    expect(names("2027-03-21T10:00:00Z")).not.toContain("Jordan Blake");
    graph.mailbox.maxPageSize = 1000;
  });

  it("makes no instance call for a series without occurrences of their own, and a replayed create patches the same list again", async () => {
    const before = graph.requests.length;
    await gateway.createSeries(identity, weekly("tx-occ-3", "2026-12-02"));
    expect(graph.requests.slice(before).map((r) => r.route)).toEqual(["createEvent"]);

    const input = weekly("tx-occ-4", "2026-12-02", { occurrenceAttendees: [{ localStart: "2026-12-09T10:00:00", attendees: [dana, jordan] }] });
    const first = await gateway.createSeries(identity, input);
    const again = await gateway.createSeries(identity, input);
    expect(again.eventId).toBe(first.eventId);
    expect(graph.mailbox.attendeesOfOccurrence(first.eventId, "2026-12-09T15:00:00Z").map((a) => a.name)).toEqual(["Dana Customer", "Jordan Blake"]);
  });

  it("reports an occurrence the series does not have (a local start off the pattern) without patching anything else", async () => {
    const created = await gateway.createSeries(identity, weekly("tx-occ-5", "2026-12-02", {
      occurrenceAttendees: [{ localStart: "2026-12-10T10:00:00", attendees: [dana, jordan] }],
    }));
    expect(created.occurrences).toEqual({ patched: [], missing: ["2026-12-10T10:00:00"] });
    expect(graph.mailbox.exceptions.get(created.eventId)).toBeUndefined();
  });
});

describe("graphGateway.getOutOfOffice", () => {
  it("asks getSchedule in UTC and reports mailboxes out for most of their own working day", async () => {
    graph.mailbox.outOfOffice.set("away@contoso.example", new Set(["2026-12-03"]));
    graph.mailbox.unknownMailboxes.add("ghost@contoso.example");
    const before = graph.requests.length;
    const out = await gateway.getOutOfOffice(
      identity,
      ["Away@Contoso.example", "here@contoso.example", "ghost@contoso.example", "away@contoso.example"],
      "2026-12-03",
    );

    expect([...out]).toEqual(["away@contoso.example"]);
    const [request] = graph.requests.slice(before);
    expect(request?.path).toBe("/me/calendar/getSchedule");
    expect(request?.headers.prefer).toContain('outlook.timezone="UTC"');
    expect(request?.body).toEqual({
      schedules: ["away@contoso.example", "here@contoso.example", "ghost@contoso.example"],
      startTime: { dateTime: "2026-12-02T00:00:00", timeZone: "UTC" },
      endTime: { dateTime: "2026-12-05T00:00:00", timeZone: "UTC" },
      availabilityViewInterval: 60,
    });
  });

  it("counts a half-day absence 12:00–17:00 Eastern: out that day, and out for a 14:00 Eastern call but not a 10:00 one", async () => {
    // 12:00–17:00 EST on Thu 3 Dec 2026 is 17:00–22:00Z; asked in UTC 09:00–17:00, the old question saw one hour of it.
    graph.mailbox.absences.set("half@contoso.example", [{ start: "2026-12-03T17:00:00Z", end: "2026-12-03T22:00:00Z" }]);
    expect([...(await gateway.getOutOfOffice(identity, ["half@contoso.example"], "2026-12-03"))]).toEqual(["half@contoso.example"]);

    const window = { start: new Date("2026-12-03T05:00:00Z"), end: new Date("2026-12-04T05:00:00Z") };
    const schedule = (await gateway.getSchedules(identity, ["half@contoso.example"], window)).get("half@contoso.example");
    expect(schedule?.outOfOffice).toEqual([{ start: new Date("2026-12-03T17:00:00Z"), end: new Date("2026-12-03T22:00:00Z") }]);
    expect(schedule?.workingHours).toEqual({
      startTime: "08:00", endTime: "17:00", daysOfWeek: ["monday", "tuesday", "wednesday", "thursday", "friday"], timeZone: "America/New_York",
    });
    const call = (time: string) => ({ start: instantAt("2026-12-03", time, "America/New_York"), end: instantAt("2026-12-03", time === "14:00" ? "14:30" : "10:30", "America/New_York") });
    expect(overlapsAny(call("14:00"), schedule?.outOfOffice ?? [])).toBe(true);
    expect(overlapsAny(call("10:00"), schedule?.outOfOffice ?? [])).toBe(false);
  });

  it("uses each colleague's own working day: a Sydney morning absence is a whole Sydney day, whatever the UTC date", async () => {
    graph.mailbox.workingHours.set("syd@contoso.example", {
      daysOfWeek: ["monday", "tuesday", "wednesday", "thursday", "friday"], startTime: "09:00:00.0000000", endTime: "17:00:00.0000000",
      timeZone: "AUS Eastern Standard Time", ianaForFake: "Australia/Sydney",
    });
    // Thu 3 Dec 2026 09:00–17:00 AEDT (+11) is 2 Dec 22:00Z – 3 Dec 06:00Z.
    graph.mailbox.absences.set("syd@contoso.example", [{ start: "2026-12-02T22:00:00Z", end: "2026-12-03T06:00:00Z" }]);
    expect([...(await gateway.getOutOfOffice(identity, ["syd@contoso.example"], "2026-12-03"))]).toEqual(["syd@contoso.example"]);
    expect([...(await gateway.getOutOfOffice(identity, ["syd@contoso.example"], "2026-12-02"))]).toEqual([]);
  });

  it("reads a mailbox in a custom zone (\"Customized Time Zone\") without mapping it, because times come in UTC", async () => {
    graph.mailbox.workingHours.set("custom@contoso.example", {
      daysOfWeek: ["monday", "tuesday", "wednesday", "thursday", "friday"], startTime: "09:00:00.0000000", endTime: "18:00:00.0000000",
      timeZone: "Customized Time Zone", ianaForFake: "Asia/Kolkata",
    });
    graph.mailbox.absences.set("custom@contoso.example", [{ start: "2026-12-07T03:30:00Z", end: "2026-12-07T12:30:00Z" }]);
    const window = { start: new Date("2026-12-06T00:00:00Z"), end: new Date("2026-12-09T00:00:00Z") };
    const schedule = (await gateway.getSchedules(identity, ["custom@contoso.example"], window)).get("custom@contoso.example");
    expect(schedule?.outOfOffice).toEqual([{ start: new Date("2026-12-07T03:30:00Z"), end: new Date("2026-12-07T12:30:00Z") }]);
    expect(schedule?.workingHours?.timeZone).toBeNull();
  });

  it("asks in chunks of 20 and makes no call for an empty list", async () => {
    const before = graph.requests.length;
    expect(await gateway.getOutOfOffice(identity, [], "2026-12-03")).toEqual(new Set());
    const many = Array.from({ length: 45 }, (_, i) => `p${i}@contoso.example`);
    await gateway.getOutOfOffice(identity, many, "2026-12-03");
    const sizes = graph.requests.slice(before).map((r) => (r.body as { schedules: string[] }).schedules.length);
    expect(sizes).toEqual([20, 20, 5]);
  });
});

describe("graphGateway.getMailboxSettings", () => {
  it("gives the signed-in user's zone as IANA and their working hours; a custom zone gives null", async () => {
    graph.mailbox.signedInTimeZone = "India Standard Time";
    expect(await gateway.getMailboxSettings(identity)).toMatchObject({ timeZone: "Asia/Kolkata", workingHours: { startTime: "08:00", endTime: "17:00" } });
    graph.mailbox.signedInTimeZone = "tzone://Microsoft/Custom";
    expect((await gateway.getMailboxSettings(identity))?.timeZone).toBeNull();
    graph.mailbox.signedInTimeZone = "Eastern Standard Time";
  });
});

describe("graphGateway.findOnlineMeetingByChat", () => {
  const joinWebUrl =
    "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ4%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%2c%22Oid%22%3a%22o%22%7d";

  it("follows chat → joinWebUrl → /me/onlineMeetings filter, keeping the URL's escapes intact", async () => {
    graph.mailbox.chats.set("19:meeting_NjQ4@thread.v2", {
      chatId: "19:meeting_NjQ4@thread.v2",
      joinWebUrl,
      onlineMeetingId: "MSpkYzE3NjctYmZiMi04ZG",
      organizedByMe: true,
    });
    const before = graph.requests.length;
    const found = await gateway.findOnlineMeetingByChat(identity, "19:meeting_NjQ4@thread.v2");

    expect(found).toEqual({ joinWebUrl, onlineMeetingId: "MSpkYzE3NjctYmZiMi04ZG" });
    const [chat, meetings] = graph.requests.slice(before);
    expect(chat?.path).toBe("/chats/19:meeting_NjQ4@thread.v2");
    expect(meetings?.query.$filter).toBe(`JoinWebUrl eq '${joinWebUrl}'`);
  });

  it("returns the join URL without an id when the user did not organise the meeting", async () => {
    graph.mailbox.chats.set("19:meeting_other@thread.v2", {
      chatId: "19:meeting_other@thread.v2",
      joinWebUrl: joinWebUrl.replace("NjQ4", "b3RoZXI"),
      onlineMeetingId: "other",
      organizedByMe: false,
    });
    const found = await gateway.findOnlineMeetingByChat(identity, "19:meeting_other@thread.v2");
    expect(found).toEqual({ joinWebUrl: joinWebUrl.replace("NjQ4", "b3RoZXI"), onlineMeetingId: null });
  });

  it("returns null for a group chat and for an unknown chat", async () => {
    graph.mailbox.chats.set("19:group@thread.v2", { chatId: "19:group@thread.v2", joinWebUrl: null, onlineMeetingId: "", organizedByMe: false });
    expect(await gateway.findOnlineMeetingByChat(identity, "19:group@thread.v2")).toBeNull();
    expect(await gateway.findOnlineMeetingByChat(identity, "19:nope@thread.v2")).toBeNull();
  });
});
