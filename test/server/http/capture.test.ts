import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import request from "supertest";
import type { Express } from "express";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, devAuth } from "../../support/testApp";
import { demoId } from "../../../server/db/demo/seedDemo";
import { openSse } from "../../support/sseClient";

describe.each(databaseKinds)("live capture on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  let server: Server;
  let base: string;
  const meeting = demoMeetingId("m_cust");
  const dana = devAuth("dana");
  const marcus = devAuth("marcus");

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    app = buildTestApp(tdb.database);
    server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    await tdb?.drop();
  });

  it("creates an action item with its dependency; resending the same id creates nothing new", async () => {
    const id = randomUUID();
    const body = {
      id,
      kind: "action",
      title: "Send the returned-payment file spec",
      ownerId: demoId("person_alicia"),
      dueDate: "2026-11-25",
      provider: "Alicia Grant",
      deliverable: "the rejects file spec",
      recipient: "Priya Raman",
      neededFor: "UAT round 1",
    };
    const first = await request(app).post(`/api/meetings/${meeting}/items`).set("Authorization", dana).send(body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ id, ownerName: "Alicia Grant", status: "open", version: 1, internalOnly: false, createdBy: "Dana Whitfield" });
    const again = await request(app).post(`/api/meetings/${meeting}/items`).set("Authorization", dana).send(body);
    expect(again.status).toBe(200);
    const capture = await request(app).get(`/api/meetings/${meeting}/capture`).set("Authorization", dana);
    expect(capture.body.items.filter((i: { id: string }) => i.id === id)).toHaveLength(1);
  });

  it("defaults items to internal-only in an internal call", async () => {
    const res = await request(app)
      .post(`/api/meetings/${demoMeetingId("m_int")}/items`)
      .set("Authorization", dana)
      .send({ id: randomUUID(), kind: "risk", title: "Holiday cover for Marcus" });
    expect(res.status).toBe(201);
    expect(res.body.internalOnly).toBe(true);
  });

  it("refuses bad input with field: message and saves nothing", async () => {
    const id = randomUUID();
    const res = await request(app)
      .post(`/api/meetings/${meeting}/items`)
      .set("Authorization", dana)
      .send({ id, kind: "todo", title: "", dueDate: "31/12/2026" });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual(
      expect.arrayContaining(["kind: must be one of action, decision, risk, issue", "title: is required", "dueDate: must be a date like 2026-12-31"]),
    );
    const capture = await request(app).get(`/api/meetings/${meeting}/capture`).set("Authorization", dana);
    expect(capture.body.items.some((i: { id: string }) => i.id === id)).toBe(false);
  });

  it("refuses an owner who is not a person of the project", async () => {
    const res = await request(app)
      .post(`/api/meetings/${meeting}/items`)
      .set("Authorization", dana)
      .send({ id: randomUUID(), kind: "action", title: "x", ownerId: randomUUID() });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe("ownerId: is not a person of this project");
  });

  it("sends a change to another participant's live stream, and refuses a stale edit with 409 and the current value", async () => {
    const created = await request(app)
      .post(`/api/meetings/${meeting}/items`)
      .set("Authorization", dana)
      .send({ id: randomUUID(), kind: "issue", title: "Autopay file missing effective date", location: "Autopay enrolment import", reproSteps: "Upload file 11-17" });
    const item = created.body as { id: string; version: number };
    const stream = await openSse(`${base}/api/meetings/${meeting}/events`, { Authorization: marcus });
    const edit = await request(app)
      .patch(`/api/meetings/${meeting}/items/${item.id}`)
      .set("Authorization", dana)
      .send({ version: 1, dueDate: "2026-11-27" });
    expect(edit.status).toBe(200);
    expect(edit.body.version).toBe(2);
    const seen = await stream.waitFor((e) => JSON.parse(e.data).entity?.id === item.id);
    expect(JSON.parse(seen.data).entity).toMatchObject({ dueDate: "2026-11-27", reportedBy: "Dana Whitfield", location: "Autopay enrolment import" });

    const stale = await request(app)
      .patch(`/api/meetings/${meeting}/items/${item.id}`)
      .set("Authorization", marcus)
      .send({ version: 1, dueDate: "2026-12-01" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ dueDate: "2026-11-27", version: 2 });
    stream.close();
  });

  it("replays what a reconnecting client missed, from its Last-Event-ID", async () => {
    const capture = await request(app).get(`/api/meetings/${meeting}/capture`).set("Authorization", marcus);
    const since = String(capture.body.lastEventId);
    const titles = ["Missed one", "Missed two", "Missed three"];
    for (const title of titles) {
      await request(app).post(`/api/meetings/${meeting}/notes`).set("Authorization", dana).send({ id: randomUUID(), agendaItemKey: "raid", body: title });
    }
    const stream = await openSse(`${base}/api/meetings/${meeting}/events`, { Authorization: marcus, "Last-Event-ID": since });
    await stream.waitFor((e) => JSON.parse(e.data).entity?.body === "Missed three");
    const bodies = stream.events.map((e) => JSON.parse(e.data).entity?.body).filter(Boolean);
    expect(bodies).toEqual(titles);
    stream.close();
  });

  it("carries over open items raised in the previous customer call", async () => {
    const res = await request(app).get(`/api/meetings/${meeting}/capture`).set("Authorization", dana);
    const carried = res.body.carriedOver.map((i: { title: string }) => i.title);
    expect(carried).toEqual(
      expect.arrayContaining(["Budget-billing invoices round to the wrong cent", "Meridian to send the returned-payment file spec"]),
    );
    expect(res.body.items.map((i: { title: string }) => i.title)).not.toContain("Budget-billing invoices round to the wrong cent");
  });

  it("ticks agenda items and marks the current one for everyone", async () => {
    const res = await request(app)
      .put(`/api/meetings/${meeting}/agenda-state`)
      .set("Authorization", marcus)
      .send({ agendaItemKey: "rag", discussed: true, current: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ currentAgendaItemKey: "rag", discussed: ["rag"] });
    expect(Date.parse(res.body.currentStartedAt)).not.toBeNaN();
  });

  it("does not let another tenant's user write to the meeting", async () => {
    const res = await request(app)
      .post(`/api/meetings/${meeting}/notes`)
      .set("Authorization", devAuth("dana", "0b7e5c1d-2f3a-4e5b-8c9d-0000000000b9"))
      .send({ id: randomUUID(), agendaItemKey: "raid", body: "x" });
    expect(res.status).toBe(401);
  });
});
