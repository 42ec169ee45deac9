import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import request from "supertest";
import type { Express } from "express";
import pino from "pino";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, devAuth } from "../../support/testApp";
import { countStatements } from "../../support/countStatements";
import { watchRevisions, type RevisionWatch } from "../../../server/db/revisionWatch";

// Issue 19: the side panel's capture and meeting answers are served like its agenda: pre-serialised
// with a strong ETag per audience, the key (access, audience, project revision, and for the capture
// the meeting's live generation) held in memory while the revision watch listens.
describe.each(databaseKinds)("capture and meeting answers held in memory (%s)", (kind) => {
  let tdb: TestDatabase;
  let watch: RevisionWatch;
  let app: Express;
  const meeting = demoMeetingId("m_cust");
  const dana = devAuth("dana");
  const rachel = devAuth("rachel");
  const get = (path: string, auth: string, etag?: string) => {
    const r = request(app).get(`/api/meetings/${meeting}${path}`).set("Authorization", auth);
    return etag ? r.set("If-None-Match", etag) : r;
  };

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    watch = await watchRevisions(tdb.database, pino({ level: "silent" }));
    app = buildTestApp(tdb.database, { revisions: watch });
  }, 60_000);
  afterAll(async () => {
    await watch?.close();
    await tdb?.drop();
  });

  it.each([
    ["capture", "/capture"],
    ["meeting", ""],
  ])("a warm %s GET makes no database query, and answers 304 to the ETag it sent", async (_name, path) => {
    const first = await get(path, dana);
    expect(first.status).toBe(200);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const statements = countStatements(tdb.database);
    let again: request.Response;
    try {
      again = await get(path, dana);
      await get(path, dana);
    } finally {
      statements.stop();
    }
    expect(statements.count()).toBe(0);
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(again.headers.etag).toBe(etag);
    const revalidated = await get(path, dana, etag);
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe("");
  });

  it("a note and an agenda tick (which move no project revision) show in the next capture at once, under a new ETag", async () => {
    const before = await get("/capture", dana);
    const etag = String(before.headers.etag);
    const body = `Cutover rehearsal moved ${randomUUID().slice(0, 8)}`;
    const note = await request(app).post(`/api/meetings/${meeting}/notes`).set("Authorization", dana).send({ id: randomUUID(), agendaItemKey: "open_items", body });
    expect(note.status).toBe(201);
    const afterNote = await get("/capture", dana, etag);
    expect(afterNote.status).toBe(200);
    expect(afterNote.headers.etag).not.toBe(etag);
    expect(afterNote.body.notes.map((n: { body: string }) => n.body)).toContain(body);
    expect(afterNote.body.lastEventId).toBeGreaterThan(before.body.lastEventId);

    const tick = await request(app).put(`/api/meetings/${meeting}/agenda-state`).set("Authorization", dana).send({ agendaItemKey: "open_items", discussed: true });
    expect(tick.status).toBe(200);
    const afterTick = await get("/capture", dana, String(afterNote.headers.etag));
    expect(afterTick.status).toBe(200);
    expect(afterTick.body.agendaState.discussed).toContain("open_items");
  });

  it("a customer gets the customer-safe capture and meeting under their own ETag; the internal ETag does not revalidate theirs", async () => {
    const secret = `Internal margin note ${randomUUID().slice(0, 8)}`;
    const note = await request(app)
      .post(`/api/meetings/${meeting}/notes`)
      .set("Authorization", dana)
      .send({ id: randomUUID(), agendaItemKey: "open_items", body: secret, internalOnly: true });
    expect(note.status).toBe(201);
    for (const path of ["/capture", ""]) {
      const internal = await get(path, dana);
      const external = await get(path, rachel);
      expect(external.status, path).toBe(200);
      expect(external.headers.etag, path).not.toBe(internal.headers.etag);
      const withInternalTag = await get(path, rachel, String(internal.headers.etag));
      expect(withInternalTag.status, path).toBe(200);
      expect(withInternalTag.text, path).toBe(external.text);
      expect((await get(path, rachel, String(external.headers.etag))).status, path).toBe(304);
    }
    const internal = await get("/capture", dana);
    const external = await get("/capture", rachel);
    expect(internal.text).toContain(secret);
    expect(internal.body.canMarkInternal).toBe(true);
    expect(external.text).not.toContain(secret);
    expect(external.body.canMarkInternal).toBe(false);
  });
});
