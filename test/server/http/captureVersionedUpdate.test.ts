import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import request from "supertest";
import type { Express } from "express";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp } from "../../support/testApp";
import { addMembership, authAs, makeMeeting, makePerson, makeProject, makeTenant } from "../../support/factories";

// Items and notes share one versioned update (issue 12 §3): the same 404 / 409 / version + 1 for both.
describe.each(databaseKinds)("versioned update of captured notes and items on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  // Its own tenant, project, two internal members and two meetings: nothing from the demo seed.
  let meeting: string;
  let other: string;
  let dana: string;
  let marcus: string;

  beforeAll(async () => {
    tdb = await openTestDatabase(kind, { seed: false });
    const { db } = tdb.database;
    const project = await makeProject(db, makeTenant().tenantId);
    const pm = await makePerson(db, project.tenantId, { name: "Dana Whitfield" });
    const im = await makePerson(db, project.tenantId, { name: "Marcus Lee" });
    await addMembership(db, project, pm, "pm");
    await addMembership(db, project, im, "im");
    meeting = (await makeMeeting(db, project, { subject: "Acme weekly status" })).id;
    other = (await makeMeeting(db, project, { subject: "Acme internal sync" })).id;
    dana = authAs(pm);
    marcus = authAs(im);
    app = buildTestApp(tdb.database);
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it("edits a note at its version, refuses a stale edit with 409 and the current note, and a note of another meeting with 404", async () => {
    const id = randomUUID();
    const created = await request(app).post(`/api/meetings/${meeting}/notes`).set("Authorization", dana).send({ id, agendaItemKey: "raid", body: "Cut-over on the 14th" });
    expect(created.status).toBe(201);
    const edit = await request(app).patch(`/api/meetings/${meeting}/notes/${id}`).set("Authorization", dana).send({ version: 1, body: "Cut-over moved to the 21st" });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ id, body: "Cut-over moved to the 21st", version: 2 });
    const stale = await request(app).patch(`/api/meetings/${meeting}/notes/${id}`).set("Authorization", marcus).send({ version: 1, body: "Cut-over on the 28th" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toBe("Someone changed this note since you opened it");
    expect(stale.body.error.current).toMatchObject({ body: "Cut-over moved to the 21st", version: 2 });
    const elsewhere = await request(app).patch(`/api/meetings/${other}/notes/${id}`).set("Authorization", dana).send({ version: 2, body: "Moved" });
    expect(elsewhere.status).toBe(404);
  });

  it("closes an item, reopens it, and refuses a stale close with the item's 409", async () => {
    const id = randomUUID();
    await request(app).post(`/api/meetings/${meeting}/items`).set("Authorization", dana).send({ id, kind: "risk", title: "Bank file format not yet confirmed" });
    const closed = await request(app).patch(`/api/meetings/${meeting}/items/${id}`).set("Authorization", dana).send({ version: 1, status: "closed" });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: "closed", version: 2 });
    const reopened = await request(app).patch(`/api/meetings/${meeting}/items/${id}`).set("Authorization", dana).send({ version: 2, status: "open" });
    expect(reopened.body).toMatchObject({ status: "open", version: 3 });
    const capture = await request(app).get(`/api/meetings/${meeting}/capture`).set("Authorization", dana);
    expect(capture.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ status: "open", version: 3 });
    const stale = await request(app).patch(`/api/meetings/${meeting}/items/${id}`).set("Authorization", marcus).send({ version: 2, status: "closed" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toBe("Someone changed this item since you opened it");
    expect(stale.body.error.current).toMatchObject({ status: "open", version: 3 });
  });
});
