import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import request from "supertest";
import type { Express } from "express";
import pino from "pino";
import { openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, demoProjectId, devAuth } from "../../support/testApp";
import { demoId } from "../../../server/db/demo/seedDemo";
import { watchRevisions, type RevisionWatch } from "../../../server/db/revisionWatch";

// Issue 19 on the embedded database: the agenda keys held in memory are dropped by the NOTIFY
// PGlite delivers to its own connection (migration 0013), so a write shows at once.
describe("agenda held in memory on PGlite", () => {
  let tdb: TestDatabase;
  let watch: RevisionWatch;
  let app: Express;
  const meeting = demoMeetingId("m_cust");
  const dana = devAuth("dana");

  beforeAll(async () => {
    tdb = await openTestDatabase("pglite");
    watch = await watchRevisions(tdb.database, pino({ level: "silent" }));
    app = buildTestApp(tdb.database, { revisions: watch });
  });
  afterAll(async () => {
    await watch?.close();
    await tdb?.drop();
  });

  it("a captured action shows in the next agenda, under a new ETag; the old one no longer revalidates", async () => {
    const first = await request(app).get(`/api/meetings/${meeting}/agenda`).set("Authorization", dana);
    expect(first.status).toBe(200);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await request(app).get(`/api/meetings/${meeting}/agenda`).set("Authorization", dana).set("If-None-Match", etag)).status).toBe(304);
    const heard = new Promise<void>((resolve) => {
      const off = watch.onChange((projectId) => {
        if (projectId === demoProjectId()) {
          off();
          resolve();
        }
      });
    });
    const title = `Book the UAT room ${randomUUID().slice(0, 8)}`;
    const captured = await request(app)
      .post(`/api/meetings/${meeting}/items`)
      .set("Authorization", dana)
      .send({ id: randomUUID(), kind: "action", title, ownerId: demoId("person_rachel"), dueDate: "2026-11-27" });
    expect(captured.status).toBe(201);
    await heard;
    const after = await request(app).get(`/api/meetings/${meeting}/agenda`).set("Authorization", dana).set("If-None-Match", etag);
    expect(after.status).toBe(200);
    expect(after.text).toContain(title);
  });
});
