import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGraphServer, type FakeGraphServer } from "../../support/graph/fakeGraphServer";
import { validateGraphBody } from "../../support/graph/graphSchemaValidator";

// The fake must be able to fail: these requests go straight to it, without the gateway.

let graph: FakeGraphServer;

beforeAll(async () => {
  graph = await startFakeGraphServer();
});
afterAll(async () => {
  await graph.close();
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${graph.baseUrl}${path}`, {
    method: "POST",
    headers: { authorization: "Bearer t", "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> | undefined };
}

const validEvent = {
  subject: "Triage",
  start: { dateTime: "2026-12-01T10:00:00", timeZone: "Eastern Standard Time" },
  end: { dateTime: "2026-12-01T11:00:00", timeZone: "Eastern Standard Time" },
  recurrence: {
    pattern: { type: "weekly", interval: 1, daysOfWeek: ["tuesday", "thursday"] },
    range: { type: "noEnd", startDate: "2026-12-01" },
  },
  attendees: [{ emailAddress: { address: "a@b.example", name: "A" }, type: "required" }],
  isOnlineMeeting: true,
  onlineMeetingProvider: "teamsForBusiness",
  transactionId: "tx-fake-1",
};

describe("fakeGraphServer refuses what Graph v1.0 refuses", () => {
  it.each([
    ["an unknown property", { ...validEvent, colour: "blue" }, "The property 'colour' does not exist on type 'microsoft.graph.event'"],
    ["an unknown nested property", { ...validEvent, attendees: [{ emailAddress: { address: "a@b.example", mail: "x" } }] }, "'mail' does not exist on type 'microsoft.graph.emailAddress'"],
    ["a wrong primitive type", { ...validEvent, isOnlineMeeting: "yes" }, "Cannot convert 'yes' to Edm.Boolean at 'isOnlineMeeting'"],
    ["an enum value that is not a member", { ...validEvent, onlineMeetingProvider: "zoom" }, "'zoom' was not found in enum microsoft.graph.onlineMeetingProviderType"],
    ["an enum inside a collection", { ...validEvent, recurrence: { ...validEvent.recurrence, pattern: { type: "weekly", interval: 1, daysOfWeek: ["tue"] } } }, "'tue' was not found in enum microsoft.graph.dayOfWeek at 'recurrence.pattern.daysOfWeek[0]'"],
    ["a string for an Int32", { ...validEvent, recurrence: { ...validEvent.recurrence, pattern: { type: "weekly", interval: "1", daysOfWeek: ["monday"] } } }, "to Edm.Int32"],
    ["an object for a collection", { ...validEvent, attendees: { emailAddress: { address: "a@b.example" } } }, "A collection was expected at 'attendees'"],
    ["a bad Edm.Date", { ...validEvent, recurrence: { ...validEvent.recurrence, range: { type: "noEnd", startDate: "2026-13-01" } } }, "Edm.Date"],
    ["null for a non-nullable property", { ...validEvent, cancelledOccurrences: null }, "'cancelledOccurrences' of type 'microsoft.graph.event' cannot be null"],
  ])("refuses %s with 400 RequestBodyRead", async (_label, body, message) => {
    const response = await post("/me/events", body);
    expect(response.status).toBe(400);
    const error = response.body?.error as { code: string; message: string };
    expect(error.code).toBe("RequestBodyRead");
    expect(error.message).toContain(message);
  });

  it("accepts a valid event (201, Graph-shaped)", async () => {
    const response = await post("/me/events", validEvent);
    expect(response.status).toBe(201);
    expect(response.body?.["@odata.context"]).toMatch(/\$metadata#users\('.+'\)\/events\/\$entity$/);
    expect(response.body?.id).toEqual(expect.any(String));
  });

  it("refuses an unknown message property and an unknown getSchedule parameter", async () => {
    const message = await post("/me/messages", { subject: "x", bodyHtml: "<p>x</p>" });
    expect(message.status).toBe(400);
    const schedule = await post("/me/calendar/getSchedule", {
      schedules: ["a@b.example"],
      startTime: { dateTime: "2026-12-01T09:00:00", timeZone: "UTC" },
      endTime: { dateTime: "2026-12-01T17:00:00", timeZone: "UTC" },
      interval: 60,
    });
    expect(schedule.status).toBe(400);
    expect(JSON.stringify(schedule.body)).toContain("'interval' in the request payload is not a valid parameter");
  });

  it("answers 401 without a bearer token", async () => {
    const response = await fetch(`${graph.baseUrl}/me/messages`, { method: "POST", body: "{}" });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "InvalidAuthenticationToken" } });
  });

  it("its own answers fit the v1.0 types", async () => {
    const created = await post("/me/messages", { subject: "Shape", toRecipients: [{ emailAddress: { address: "a@b.example" } }] });
    const event = await post("/me/events", { ...validEvent, transactionId: "tx-shape" });
    graph.mailbox.chats.set("19:c@thread.v2", { chatId: "19:c@thread.v2", joinWebUrl: "https://teams.microsoft.com/l/meetup-join/x", onlineMeetingId: "m", organizedByMe: true });
    const chat = (await (await fetch(`${graph.baseUrl}/chats/19%3Ac%40thread.v2`, { headers: { authorization: "Bearer t" } })).json()) as unknown;

    expect(validateGraphBody("message", created.body)).toEqual([]);
    expect(validateGraphBody("event", event.body)).toEqual([]);
    expect(validateGraphBody("chat", chat)).toEqual([]);
  });

  it("changes a message id on send unless immutable ids were asked for, as Outlook does", async () => {
    const plain = await post("/me/messages", { subject: "Plain" });
    const plainId = String(plain.body?.id);
    await post(`/me/messages/${encodeURIComponent(plainId)}/send`, {});
    expect(graph.mailbox.messages.has(plainId)).toBe(false);

    const immutable = await post("/me/messages", { subject: "Immutable" }, { prefer: 'IdType="ImmutableId"' });
    const immutableId = String(immutable.body?.id);
    expect(immutableId).toMatch(/=$/);
    await post(`/me/messages/${encodeURIComponent(immutableId)}/send`, {});
    expect(graph.mailbox.messages.get(immutableId)?.isDraft).toBe(false);
  });

  it("injects faults per route, in order", async () => {
    graph.injectFault("createEvent", { kind: "throttle", retryAfter: "7" });
    graph.injectFault("createEvent", { kind: "unavailable" });
    const throttled = await fetch(`${graph.baseUrl}/me/events`, { method: "POST", headers: { authorization: "Bearer t" }, body: JSON.stringify(validEvent) });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("7");
    expect((await post("/me/events", validEvent)).status).toBe(503);
    graph.injectFault("createEvent", { kind: "dropBeforeAccept" });
    await expect(post("/me/events", validEvent)).rejects.toThrow();
    expect((await post("/me/events", validEvent)).status).toBe(201);

    graph.injectFault("createEvent", { kind: "delay", ms: 150 });
    const started = Date.now();
    expect((await post("/me/events", validEvent)).status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});
