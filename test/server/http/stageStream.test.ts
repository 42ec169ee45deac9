import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import request from "supertest";
import type { Express } from "express";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, devAuth } from "../../support/testApp";
import { openSse } from "../../support/sseClient";
import { clockStartingAt } from "../../../server/clock";
import { TEST_NOW } from "../../support/constants";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import { issueStageTicket } from "../../../server/services/stage/stageTicket";

// The meeting stage's live stream (issue 18 §2): opened with the stage ticket only, and always the
// customer-safe view, whoever holds the ticket.

describe.each(databaseKinds)("stage live stream on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  let server: Server;
  let base = "";
  let ticket = "";
  const dana = devAuth("dana");
  const cust = demoMeetingId("m_cust");

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    app = buildTestApp(tdb.database);
    server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const issued = await request(app).post(`/api/meetings/${cust}/stage-ticket`).set("Authorization", dana).send({});
    expect(issued.status).toBe(201);
    ticket = issued.body.ticket;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    await tdb?.drop();
  });

  /** Another app on the same data with a running clock and a known ticket key, listening until `fn` settles. */
  async function withRunningClock(fn: (base: string, secret: Uint8Array, clock: () => Date) => Promise<void>) {
    const secret = new Uint8Array(32).fill(7);
    const clock = clockStartingAt(TEST_NOW);
    const live = buildTestApp(tdb.database, { clock, stageTicketSecret: secret }).listen(0, "127.0.0.1");
    try {
      await new Promise((r) => live.once("listening", r));
      await fn(`http://127.0.0.1:${(live.address() as AddressInfo).port}`, secret, clock);
    } finally {
      live.closeAllConnections();
      await new Promise((r) => live.close(r));
    }
  }

  const capture = (body: object) => request(app).post(`/api/meetings/${cust}/items`).set("Authorization", dana).send(body);

  it("streams a new action to the stage, but never an internal-only one", async () => {
    const stream = await openSse(`${base}/api/stage/${cust}/events`, { Authorization: `Stage ${ticket}` });
    try {
      expect((await capture({ id: randomUUID(), kind: "action", title: "Escalate Meridian staffing via Helen", internalOnly: true })).status).toBe(201);
      expect((await capture({ id: randomUUID(), kind: "action", title: "Share the UAT defect list" })).status).toBe(201);
      const seen = await stream.waitFor((e) => e.data.includes("Share the UAT defect list"));
      expect(JSON.parse(seen.data)).toMatchObject({ type: "item", entity: { title: "Share the UAT defect list", internalOnly: false } });
      expect(stream.events.map((e) => e.data).join("\n")).not.toContain("Escalate Meridian");
    } finally {
      stream.close();
    }
  });

  it("an action shown on the stage and then marked internal only is removed by id; its new title never reaches the stage", async () => {
    const stream = await openSse(`${base}/api/stage/${cust}/events`, { Authorization: `Stage ${ticket}` });
    try {
      const id = randomUUID();
      expect((await capture({ id, kind: "action", title: "Confirm the go-live date" })).status).toBe(201);
      await stream.waitFor((e) => e.data.includes("Confirm the go-live date"));
      const hidden = await request(app)
        .patch(`/api/meetings/${cust}/items/${id}`)
        .set("Authorization", dana)
        .send({ version: 1, title: "Confirm go-live: Meridian is short-staffed", internalOnly: true });
      expect(hidden.status).toBe(200);
      const removed = await stream.waitFor((e) => e.data.includes('"removed"'));
      expect(JSON.parse(removed.data)).toEqual({ id: Number(removed.id), type: "removed", entity: { kind: "item", id } });
      // A marker after it: everything before it has been delivered.
      expect((await capture({ id: randomUUID(), kind: "action", title: "Marker after the removal" })).status).toBe(201);
      await stream.waitFor((e) => e.data.includes("Marker after the removal"));
      expect(stream.events.map((e) => e.data).join("\n")).not.toContain("Meridian");
    } finally {
      stream.close();
    }
  });

  it("an item internal only from its first event sends the stage nothing, not even its id", async () => {
    const stream = await openSse(`${base}/api/stage/${cust}/events`, { Authorization: `Stage ${ticket}` });
    try {
      const id = randomUUID();
      expect((await capture({ id, kind: "action", title: "Internal from the start", internalOnly: true })).status).toBe(201);
      expect((await request(app).patch(`/api/meetings/${cust}/items/${id}`).set("Authorization", dana).send({ version: 1, title: "Still internal" })).status).toBe(200);
      expect((await capture({ id: randomUUID(), kind: "action", title: "Second marker" })).status).toBe(201);
      await stream.waitFor((e) => e.data.includes("Second marker"));
      expect(stream.events.map((e) => e.data).join("\n")).not.toContain(id);
    } finally {
      stream.close();
    }
  });

  it("answers 401 without a ticket or with a forged one, 403 with another meeting's, and 401 for a sign-in credential alone", async () => {
    expect((await request(app).get(`/api/stage/${cust}/events`)).status).toBe(401);
    expect((await request(app).get(`/api/stage/${cust}/events`).set("Authorization", `Stage ${ticket}x`)).status).toBe(401);
    expect((await request(app).get(`/api/stage/${demoMeetingId("m_steer")}/events`).set("Authorization", `Stage ${ticket}`)).status).toBe(403);
    expect((await request(app).get(`/api/stage/${cust}/events`).set("Authorization", dana)).status).toBe(401);
  });

  it("a stream opened with a short-lived ticket ends at the ticket's expiry, and reconnecting with it is refused (401)", async () => {
    await withRunningClock(async (liveBase, secret, clock) => {
      // Expires on the second boundary 2 to 3 seconds from now (a JWT's exp is in whole seconds).
      const expiresAt = new Date((Math.floor(clock().getTime() / 1000) + 3) * 1000);
      const short = await issueStageTicket(secret, { tenantId: DEMO_TENANT_ID, meetingId: cust }, clock(), expiresAt);
      const stream = await openSse(`${liveBase}/api/stage/${cust}/events`, { Authorization: `Stage ${short}` });
      try {
        const shown = { id: randomUUID(), kind: "action", title: "Shown before the ticket expires" };
        expect((await request(liveBase).post(`/api/meetings/${cust}/items`).set("Authorization", dana).send(shown)).status).toBe(201);
        await stream.waitFor((e) => e.data.includes("Shown before the ticket expires"));
        await stream.closed;
        expect(clock().getTime()).toBeGreaterThanOrEqual(expiresAt.getTime());
        const again = await fetch(`${liveBase}/api/stage/${cust}/events`, { headers: { Accept: "text/event-stream", Authorization: `Stage ${short}` } });
        expect(again.status).toBe(401);
        expect(JSON.stringify(await again.json())).toContain("The stage ticket has expired");
      } finally {
        stream.close();
      }
    });
  });
});
