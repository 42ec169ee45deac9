import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import request from "supertest";
import type { Express } from "express";
import pino from "pino";
import { createScratchPostgres } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, demoProjectId, devAuth } from "../../support/testApp";
import { openDatabase, type Database } from "../../../server/db/database";
import { migrate } from "../../../server/db/migrate";
import { seedDemo, demoId } from "../../../server/db/demo/seedDemo";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import { watchRevisions, type RevisionWatch } from "../../../server/db/revisionWatch";
import { TEST_NOW } from "../../support/constants";

// Issue 19: each instance holds agenda keys (revision, meeting version, membership, audience) in
// memory and serves a pre-serialised body with an ETag; migration 0013's NOTIFY keeps every
// instance correct. Two app instances, each with its own pool and listener, on one PostgreSQL.
describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("agenda held in memory across two instances on PostgreSQL", () => {
  let scratch: { url: string; drop: () => Promise<void> };
  let dbA: Database;
  let dbB: Database;
  let watchA: RevisionWatch;
  let watchB: RevisionWatch;
  let appA: Express;
  let appB: Express;
  const meeting = demoMeetingId("m_cust");
  const project = demoProjectId();
  const dana = devAuth("dana");
  const rachel = devAuth("rachel");
  const agendaOn = (app: Express, auth: string, etag?: string) => {
    const r = request(app).get(`/api/meetings/${meeting}/agenda`).set("Authorization", auth);
    return etag ? r.set("If-None-Match", etag) : r;
  };
  /** Resolves when instance B has heard the NOTIFY of `project`'s next revision. */
  const heardOnB = () =>
    new Promise<void>((resolve) => {
      const off = watchB.onChange((projectId) => {
        if (projectId === project) {
          off();
          resolve();
        }
      });
    });

  beforeAll(async () => {
    scratch = await createScratchPostgres();
    dbA = await openDatabase({ databaseUrl: scratch.url, dataDir: "" });
    await migrate(dbA);
    await seedDemo(dbA, { now: TEST_NOW });
    dbB = await openDatabase({ databaseUrl: scratch.url, dataDir: "" });
    const logger = pino({ level: "silent" });
    watchA = await watchRevisions(dbA, logger);
    watchB = await watchRevisions(dbB, logger);
    appA = buildTestApp(dbA, { revisions: watchA });
    appB = buildTestApp(dbB, { revisions: watchB });
  }, 60_000);
  afterAll(async () => {
    await watchA?.close();
    await watchB?.close();
    await dbA?.close();
    await dbB?.close();
    await scratch?.drop();
  });

  it("answers 304 to the ETag it sent, and a capture on instance A changes the agenda instance B serves once B hears the NOTIFY", async () => {
    const first = await agendaOn(appB, dana);
    expect(first.status).toBe(200);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[\w-]+"$/);
    // Held in memory: repeated answers take no connection from B's pool (no query at all).
    let checkouts = 0;
    const count = () => checkouts++;
    dbB.pool?.on("acquire", count);
    expect((await agendaOn(appB, dana)).headers.etag).toBe(etag);
    expect((await agendaOn(appB, dana)).status).toBe(200);
    dbB.pool?.off("acquire", count);
    expect(checkouts).toBe(0);
    const revalidated = await agendaOn(appB, dana, etag);
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe("");

    const title = `Send the cutover checklist ${randomUUID().slice(0, 8)}`;
    const heard = heardOnB();
    const captured = await request(appA)
      .post(`/api/meetings/${meeting}/items`)
      .set("Authorization", dana)
      .send({ id: randomUUID(), kind: "action", title, ownerId: demoId("person_rachel"), dueDate: "2026-11-27" });
    expect(captured.status).toBe(201);
    await heard;

    const after = await agendaOn(appB, dana, etag);
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.text).toContain(title);
  });

  it("an external member gets the customer-safe agenda under their own key, and revoking their membership on instance A answers 403 on B once B hears it", async () => {
    const internal = await agendaOn(appB, dana);
    const external = await agendaOn(appB, rachel);
    expect(external.status).toBe(200);
    expect(external.headers.etag).not.toBe(internal.headers.etag);
    // The internal answer's validator does not revalidate the external caller's agenda.
    expect((await agendaOn(appB, rachel, internal.headers.etag)).status).toBe(200);
    expect((await agendaOn(appB, rachel, external.headers.etag)).status).toBe(304);

    const heard = heardOnB();
    await dbA.rawTransaction(async (run) => {
      await run("delete from project_members where tenant_id = $1 and project_id = $2 and person_id = $3", [DEMO_TENANT_ID, project, demoId("person_rachel")]);
    });
    await heard;

    expect((await agendaOn(appB, rachel)).status).toBe(403);
    expect((await agendaOn(appB, rachel, external.headers.etag)).status).toBe(403);
    expect((await agendaOn(appB, dana)).status).toBe(200);
  });
});
