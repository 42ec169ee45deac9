import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import pino from "pino";
import request from "supertest";
import type { Express } from "express";
import type { TestDatabase } from "../../support/testDatabase";
import { demoMeetingId, demoProjectId } from "../../support/testApp";
import type { FakeEntraServer } from "../../support/graph/fakeEntraServer";
import type { FakeGraphServer } from "../../support/graph/fakeGraphServer";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import { graphModeApp, oboGraphGateway, startGraphWorld, type GraphWorld } from "../../support/graph/graphWorld";

// The Microsoft path end to end: a Teams SSO token → jose verification → msal-node on-behalf-of
// against a local Entra → the real Graph SDK against a local Graph that checks bodies against v1.0 types.
describe("Teams SSO and the Graph mail path through the app", () => {
  let world: GraphWorld | undefined;
  let tdb: TestDatabase;
  let entra: FakeEntraServer;
  let graph: FakeGraphServer;
  let app: Express;
  const logLines: string[] = [];
  const dana = () => entra.mintTeamsToken({ tenantId: DEMO_TENANT_ID, email: "Dana.Whitfield@contoso.com", name: "Dana Whitfield", oid: "0a0a0a0a-0000-4000-8000-00000000da7a" });
  const marcus = () => entra.mintTeamsToken({ tenantId: DEMO_TENANT_ID, email: "marcus.lee@contoso.com", name: "Marcus Lee", oid: "0a0a0a0a-0000-4000-8000-0000000a4c05" });

  beforeAll(async () => {
    world = await startGraphWorld({ database: "pglite", tenantId: DEMO_TENANT_ID });
    ({ tdb, entra, graph } = world);
    const logger = pino({ level: "warn" }, new Writable({ write: (chunk: Buffer, _e, cb) => (logLines.push(chunk.toString()), cb()) }));
    const gateway = oboGraphGateway(entra, graph, { retryDelaySeconds: 0, maxRetries: 1, replayDelayMs: 5, settleMs: 10 });
    app = graphModeApp({ database: tdb.database, entra, mail: () => gateway, logger });
  });
  afterAll(async () => {
    await world?.close();
  });

  it("accepts a valid Teams token and finds the person by e-mail in the tenant", async () => {
    const res = await request(app).get("/api/me").set("Authorization", `Bearer ${await dana()}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tenantId: DEMO_TENANT_ID, name: "Dana Whitfield", via: "entra" });
    const meetings = await request(app).get("/api/meetings").set("Authorization", `Bearer ${await dana()}`);
    expect(meetings.body.meetings.length).toBeGreaterThanOrEqual(10);
  });

  it.each([
    ["alg none", { signing: "none" as const }, "alg_not_allowed"],
    ["a key not in Entra's set", { signing: "untrusted" as const }, "bad_signature"],
    ["another audience", { aud: "api://evil.example/123" }, "wrong_audience"],
    ["an issuer of another tenant than tid", { iss: "https://login.microsoftonline.com/0b7e5c1d-2f3a-4e5b-8c9d-0000000000b2/v2.0" }, "wrong_issuer"],
    ["an expired token", { expiresInSeconds: -600 }, "expired"],
    ["a foreign client", { callerClientId: "99999999-9999-4999-8999-999999999999" }, "client_not_allowed"],
    ["no access_as_user scope", { scp: "User.Read" }, "missing_scope"],
  ])("refuses %s with 401 and logs why", async (_label, options, reason) => {
    const token = await entra.mintTeamsToken({ tenantId: DEMO_TENANT_ID, email: "dana.whitfield@contoso.com", ...options });
    const before = logLines.length;
    const res = await request(app).get("/api/meetings").set("Authorization", `Bearer ${token}`);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthorized");
    const logged = logLines.slice(before).join("");
    expect(logged).toContain(`"reason":"${reason}"`);
    expect(logged).not.toContain(token);
  });

  it("sends a recap through Graph exactly once, even when the connection drops after Graph accepted the send", async () => {
    const meeting = demoMeetingId("m_cust");
    const token = `Bearer ${await dana()}`;
    graph.injectFault("createMessage", { kind: "throttle", retryAfter: "0" }, 1);
    graph.injectFault("sendMessage", { kind: "dropAfterAccept" }, 1);
    const id = randomUUID();
    const res = await request(app).post(`/api/meetings/${meeting}/recap/send`).set("Authorization", token).send({ sendBeforeStart: true, id });
    expect(res.status).toBe(201);
    const subject = res.body.to ? (await request(app).get(`/api/meetings/${meeting}/recap`).set("Authorization", token)).body.subject : "";
    expect(graph.mailbox.deliveries.filter((d) => d.subject === subject)).toHaveLength(1);
    const draft = graph.requestsTo("createMessage").at(-1);
    expect(draft?.headers.authorization).toMatch(/^Bearer /);
    const again = await request(app).post(`/api/meetings/${meeting}/recap/send`).set("Authorization", token).send({ sendBeforeStart: true, id });
    expect(again.status).toBe(200);
    expect(graph.mailbox.deliveries.filter((d) => d.subject === subject)).toHaveLength(1);
  });

  it("shows a failed send as failed, and a retry with the same id delivers it once", async () => {
    const meeting = demoMeetingId("m_cust_prev");
    const token = `Bearer ${await dana()}`;
    // One attempt and its one retry both meet a 503: the send fails, nothing is delivered.
    graph.injectFault("createMessage", { kind: "unavailable" }, 2);
    const id = randomUUID();
    const failed = await request(app).post(`/api/meetings/${meeting}/recap/send`).set("Authorization", token).send({ sendBeforeStart: true, id });
    expect(failed.status).toBe(502);
    expect(failed.body).toMatchObject({ status: "failed", error: { code: "send_failed" } });
    const preview = await request(app).get(`/api/meetings/${meeting}/recap`).set("Authorization", token);
    expect(preview.body.lastSent).toMatchObject({ id, status: "failed" });
    expect(graph.mailbox.deliveries.filter((d) => d.subject === preview.body.subject)).toHaveLength(0);
    const retry = await request(app).post(`/api/meetings/${meeting}/recap/send`).set("Authorization", token).send({ sendBeforeStart: true, id });
    expect(retry.status).toBe(201);
    expect(graph.mailbox.deliveries.filter((d) => d.subject === preview.body.subject)).toHaveLength(1);
  });

  it("takes out-of-office from the mailboxes: the IM's backup is required for the customer call", async () => {
    const token = `Bearer ${await dana()}`;
    const meeting = await request(app).get(`/api/meetings/${demoMeetingId("m_cust")}`).set("Authorization", token);
    const day = String(meeting.body.startsAt).slice(0, 10);
    graph.mailbox.outOfOffice.set("marcus.lee@contoso.com", new Set([day]));
    const res = await request(app).get(`/api/meetings/${demoMeetingId("m_cust")}/attendees`).set("Authorization", token);
    expect(res.status).toBe(200);
    const required = res.body.required.map((p: { name: string; reason: string }) => `${p.name}: ${p.reason}`);
    expect(required.join("\n")).toMatch(/Jordan Blake: .*Marcus Lee/);
    expect(graph.requestsTo("getSchedule").length).toBeGreaterThan(0);
  });

  it("counts someone out for a call when an oof item overlaps the call itself, not by the share of their day (issue 14 §3)", async () => {
    const token = `Bearer ${await dana()}`;
    graph.mailbox.outOfOffice.delete("marcus.lee@contoso.com");
    const meeting = await request(app).get(`/api/meetings/${demoMeetingId("m_cust")}`).set("Authorization", token);
    const start = Date.parse(meeting.body.startsAt);
    const end = Date.parse(meeting.body.endsAt);
    const iso = (ms: number) => new Date(ms).toISOString();
    const requiredNames = async () =>
      (await request(app).get(`/api/meetings/${demoMeetingId("m_cust")}/attendees`).set("Authorization", token)).body.required.map((p: { name: string }) => p.name) as string[];

    // Out 08:00–13:30 New York, most of the working day, back for the 14:00 call: he attends.
    graph.mailbox.absences.set("marcus.lee@contoso.com", [{ start: iso(start - 6 * 3_600_000), end: iso(start - 30 * 60_000) }]);
    expect(await requiredNames()).toContain("Marcus Lee");
    expect(await requiredNames()).not.toContain("Jordan Blake");

    // Out for one hour around the call only: the call is the hour he is away, so his backup attends.
    graph.mailbox.absences.set("marcus.lee@contoso.com", [{ start: iso(start - 15 * 60_000), end: iso(end + 15 * 60_000) }]);
    expect(await requiredNames()).toContain("Jordan Blake");
    expect(await requiredNames()).not.toContain("Marcus Lee");
    graph.mailbox.absences.delete("marcus.lee@contoso.com");
  });

  it("finds the Callbook meeting behind a Teams meeting chat through Graph (chat → join URL)", async () => {
    const token = `Bearer ${await dana()}`;
    const chatId = "19:meeting_from_graph@thread.v2";
    graph.mailbox.chats.set(chatId, {
      chatId, joinWebUrl: "https://teams.microsoft.com/l/meetup-join/19%3ameeting_m_steer%40thread.v2/0", organizedByMe: true, onlineMeetingId: "MSo1N2Y5",
    });
    const res = await request(app).get(`/api/meetings/by-chat?chatId=${encodeURIComponent(chatId)}`).set("Authorization", token);
    expect(res.status).toBe(200);
    expect(res.body.subject).toBe("Riverbend steering committee");
    expect(graph.requestsTo("getChat").length).toBeGreaterThan(0);
  });

  it("resolves an unknown short link through Graph (joinMeetingIdSettings/joinMeetingId), then remembers it without asking Graph again", async () => {
    const token = `Bearer ${await dana()}`;
    const classic = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_m_int%40thread.v2/0";
    graph.mailbox.chats.set("19:meeting_m_int@thread.v2", {
      chatId: "19:meeting_m_int@thread.v2", joinWebUrl: classic, organizedByMe: true, onlineMeetingId: "MSo1N2Y5aW50", joinMeetingId: "2414128301281", passcode: "Qw3rTy9Zx",
    });
    const short = "https://teams.microsoft.com/meet/2414128301281?p=Qw3rTy9Zx";
    const before = graph.requestsTo("listOnlineMeetings").length;
    const res = await request(app).get("/api/meetings/lookup").query({ joinUrl: short }).set("Authorization", token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ matchedBy: "joinUrl", meeting: { id: demoMeetingId("m_int") } });
    const asked = graph.requestsTo("listOnlineMeetings").slice(before).map((r) => r.query["$filter"]);
    expect(asked).toEqual([`JoinWebUrl eq '${short}'`, "joinMeetingIdSettings/joinMeetingId eq '2414128301281'"]);
    const again = await request(app).get("/api/meetings/lookup").query({ joinUrl: short }).set("Authorization", token);
    expect(again.body.meeting?.id).toBe(demoMeetingId("m_int"));
    expect(graph.requestsTo("listOnlineMeetings").length).toBe(before + 2);
  });

  it("GCC High: a meeting linked by its short link is found from the classic link in the body, through Graph's JoinWebUrl filter", async () => {
    const token = `Bearer ${await dana()}`;
    const short = "https://gov.teams.microsoft.us/meet/2710443598701?p=gP7xQ2";
    const linked = await request(app)
      .put("/api/meetings/link")
      .set("Authorization", token)
      .send({ joinUrl: short, projectId: demoProjectId(), callType: null, subject: "Agency program review", startsAt: "2026-12-02T15:00:00.000Z" });
    expect(linked.status).toBe(200);
    const classic = "https://gov.teams.microsoft.us/l/meetup-join/19%3agcch%3ameeting_00aa11bb22cc33dd44ee55ff66778899%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d";
    graph.mailbox.chats.set("19:gcch:meeting_00aa11bb22cc33dd44ee55ff66778899@thread.v2", {
      chatId: "19:gcch:meeting_00aa11bb22cc33dd44ee55ff66778899@thread.v2", joinWebUrl: classic, organizedByMe: true, onlineMeetingId: "MSpnY2NoMDA", joinMeetingId: "2710443598701", passcode: "gP7xQ2",
    });
    const res = await request(app).get("/api/meetings/lookup").query({ joinUrl: classic }).set("Authorization", token);
    expect(res.body).toMatchObject({ matchedBy: "joinUrl", meeting: { id: linked.body.id, subject: "Agency program review" } });
    // A link Graph does not know (the caller is not its organiser) finds nothing.
    const stranger = classic.replace("00aa11bb", "99ff88ee");
    const none = await request(app).get("/api/meetings/lookup").query({ joinUrl: stranger }).set("Authorization", token);
    expect(none.body).toEqual({ meeting: null, matchedBy: null });
  });

  it("GET by-chat only reads; PUT by-chat remembers the chat id it found through Graph", async () => {
    const token = `Bearer ${await dana()}`;
    const chatId = "19:meeting_remembered@thread.v2";
    graph.mailbox.chats.set(chatId, {
      chatId, joinWebUrl: "https://teams.microsoft.com/l/meetup-join/19%3ameeting_m_steer%40thread.v2/0", organizedByMe: true, onlineMeetingId: "MSo1N2Y6",
    });
    const url = `/api/meetings/by-chat?chatId=${encodeURIComponent(chatId)}`;
    expect((await request(app).get(url).set("Authorization", token)).status).toBe(200);
    // The agenda and capture by the same chat (issue 19: a Teams panel's first open) find it through Graph too.
    const agendaUrl = `/api/meetings/by-chat/agenda?chatId=${encodeURIComponent(chatId)}`;
    const captureUrl = `/api/meetings/by-chat/capture?chatId=${encodeURIComponent(chatId)}`;
    const agenda = await request(app).get(agendaUrl).set("Authorization", token);
    expect(agenda.status).toBe(200);
    expect(agenda.body.label).toBeTruthy();
    const capture = await request(app).get(captureUrl).set("Authorization", token);
    expect(capture.status).toBe(200);
    expect(capture.body.meetingId).toBe(demoMeetingId("m_steer"));
    graph.mailbox.chats.delete(chatId);
    // None of the GETs stored anything: for another user, whose own look-up Graph now answers
    // "unknown chat", the chat names no meeting (Dana's look-up is reused for a few seconds).
    const other = `Bearer ${await marcus()}`;
    for (const path of [url, agendaUrl, captureUrl]) {
      const afterGet = await request(app).get(path).set("Authorization", other);
      expect(afterGet.status, path).toBe(404);
      expect(afterGet.body.error.message, path).toMatch(/Meeting for this chat/);
    }

    graph.mailbox.chats.set(chatId, {
      chatId, joinWebUrl: "https://teams.microsoft.com/l/meetup-join/19%3ameeting_m_steer%40thread.v2/0", organizedByMe: true, onlineMeetingId: "MSo1N2Y6",
    });
    const put = await request(app).put("/api/meetings/by-chat").set("Authorization", token).send({ chatId });
    expect(put.status).toBe(200);
    expect(put.body.subject).toBe("Riverbend steering committee");
    graph.mailbox.chats.delete(chatId);
    const afterPut = await request(app).get(url).set("Authorization", other);
    expect(afterPut.status).toBe(200);
    expect(afterPut.body.subject).toBe("Riverbend steering committee");
  });

  it("a Teams panel's first open (meeting, agenda and capture by chat, at once) asks Graph about the chat once; another user asks for their own", async () => {
    const chatId = "19:meeting_first_open@thread.v2";
    graph.mailbox.chats.set(chatId, {
      chatId, joinWebUrl: "https://teams.microsoft.com/l/meetup-join/19%3ameeting_m_steer%40thread.v2/0", organizedByMe: true, onlineMeetingId: "MSo1N2Y7",
    });
    const paths = ["/api/meetings/by-chat", "/api/meetings/by-chat/agenda", "/api/meetings/by-chat/capture"].map((p) => `${p}?chatId=${encodeURIComponent(chatId)}`);
    const firstOpen = async (token: string) => Promise.all(paths.map((p) => request(app).get(p).set("Authorization", token)));
    const asked = () => graph.requestsTo("getChat").filter((r) => r.path.includes(chatId)).length;

    const danas = await firstOpen(`Bearer ${await dana()}`);
    expect(danas.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(danas[0]?.body.subject).toBe("Riverbend steering committee");
    expect(danas[2]?.body.meetingId).toBe(demoMeetingId("m_steer"));
    expect(asked()).toBe(1);
    // Reopened a moment later: Graph's answer is reused.
    expect((await firstOpen(`Bearer ${await dana()}`)).map((r) => r.status)).toEqual([200, 200, 200]);
    expect(asked()).toBe(1);

    const marcuses = await firstOpen(`Bearer ${await marcus()}`);
    expect(marcuses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(asked()).toBe(2);
    graph.mailbox.chats.delete(chatId);
  });

  it("PUT by-chat names a missing chatId", async () => {
    const res = await request(app).put("/api/meetings/by-chat").set("Authorization", `Bearer ${await dana()}`).send({});
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain("chatId");
  });

  it("creates a series through Graph and keeps Callbook's record of it: one sent invite in the outbox, with Graph's event id", async () => {
    const id = randomUUID();
    const auth = `Bearer ${await dana()}`;
    const body = { id, callType: "triage", subject: "Riverbend triage", from: "2026-11-23", attendees: [{ email: "marcus.bell@contoso.com", name: "Marcus Bell", type: "required" }] };
    const created = await request(app).post(`/api/projects/${demoProjectId()}/series`).set("Authorization", auth).send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id });
    expect(created.body.eventId).toEqual(expect.any(String));
    const stored = await request(app).get(`/api/outbox/${id}`).set("Authorization", auth);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ id, kind: "invite", status: "sent", subject: "Riverbend triage", graphId: created.body.eventId, createdBy: "Dana Whitfield" });
    expect(stored.body.html).toContain("<ol>");
  });

  it("answers 403 consent_required when Entra needs the user's consent", async () => {
    entra.failTokenRequests({ error: "invalid_grant", error_description: "AADSTS65001: consent needed", suberror: "consent_required" });
    const token = await entra.mintTeamsToken({ tenantId: DEMO_TENANT_ID, email: "dana.whitfield@contoso.com", oid: "0a0a0a0a-0000-4000-8000-0000000c0115" });
    const res = await request(app).post(`/api/meetings/${demoMeetingId("m_int")}/recap/send`).set("Authorization", `Bearer ${token}`).send({ sendBeforeStart: true, id: randomUUID() });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("consent_required");
  });
});
