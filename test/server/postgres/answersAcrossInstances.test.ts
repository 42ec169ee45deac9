import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import request from "supertest";
import type { Express } from "express";
import pino from "pino";
import { createScratchPostgres } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, demoProjectId, devAuth } from "../../support/testApp";
import { countStatements } from "../../support/countStatements";
import { openDatabase, type Database } from "../../../server/db/database";
import { migrate } from "../../../server/db/migrate";
import { seedDemo, demoId } from "../../../server/db/demo/seedDemo";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import { watchRevisions, type RevisionWatch } from "../../../server/db/revisionWatch";
import { openListener, type Listener } from "../../../server/db/pgListener";
import { createPgBus } from "../../../server/live/pgBus";
import type { LiveBus } from "../../../server/live/liveBus";
import { TEST_NOW } from "../../support/constants";

/** One app instance as server/index.ts builds it on PostgreSQL: its pool, one LISTEN connection for the live bus and the revision watch. */
interface Instance {
  db: Database;
  listener: Listener;
  bus: LiveBus;
  watch: RevisionWatch;
  app: Express;
}

async function startInstance(url: string): Promise<Instance> {
  const logger = pino({ level: "silent" });
  const db = await openDatabase({ databaseUrl: url, dataDir: "" });
  const listener = openListener(db, logger);
  if (!db.pool) throw new Error("no pool");
  const bus = await createPgBus(listener, db.pool, logger);
  const watch = await watchRevisions(db, logger, listener);
  return { db, listener, bus, watch, app: buildTestApp(db, { revisions: watch, deps: { bus } }) };
}

async function stopInstance(i: Instance | undefined): Promise<void> {
  if (!i) return;
  await i.bus.close();
  await i.watch.close();
  await i.listener.close();
  await i.db.close();
}

// Issue 19: each instance holds its capture and meeting answers in memory; migration 0013's NOTIFY
// (project revisions) and the live bus's NOTIFY (capture rows that move no revision) keep every
// instance correct. Two app instances, each with its own pool and listener, on one PostgreSQL.
describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("capture and meeting answers held in memory across two instances on PostgreSQL", () => {
  let scratch: { url: string; drop: () => Promise<void> };
  let a: Instance;
  let b: Instance;
  const meeting = demoMeetingId("m_cust");
  const project = demoProjectId();
  const dana = devAuth("dana");
  const rachel = devAuth("rachel");
  const on = (i: Instance, path: string, auth: string, etag?: string) => {
    const r = request(i.app).get(`/api/meetings/${meeting}${path}`).set("Authorization", auth);
    return etag ? r.set("If-None-Match", etag) : r;
  };
  /** Resolves when instance B has heard the live NOTIFY of the meeting. */
  const liveHeardOnB = () =>
    new Promise<void>((resolve) => {
      const off = b.bus.subscribe(meeting, () => {
        off();
        resolve();
      });
    });
  /** Resolves when instance B has heard the NOTIFY of the project's next revision. */
  const revisionHeardOnB = () =>
    new Promise<void>((resolve) => {
      const off = b.watch.onChange((projectId) => {
        if (projectId === project) {
          off();
          resolve();
        }
      });
    });

  beforeAll(async () => {
    scratch = await createScratchPostgres();
    const seeding = await openDatabase({ databaseUrl: scratch.url, dataDir: "" });
    await migrate(seeding);
    await seedDemo(seeding, { now: TEST_NOW });
    await seeding.close();
    a = await startInstance(scratch.url);
    b = await startInstance(scratch.url);
  }, 60_000);
  afterAll(async () => {
    await stopInstance(a);
    await stopInstance(b);
    await scratch?.drop();
  });

  it("a note written on instance A changes the capture instance B serves once B hears the live NOTIFY", async () => {
    const first = await on(b, "/capture", dana);
    expect(first.status).toBe(200);
    const etag = String(first.headers.etag);
    const statements = countStatements(b.db);
    try {
      expect((await on(b, "/capture", dana)).headers.etag).toBe(etag);
    } finally {
      statements.stop();
    }
    expect(statements.count()).toBe(0);

    const body = `Meter swap window agreed ${randomUUID().slice(0, 8)}`;
    const heard = liveHeardOnB();
    const note = await request(a.app).post(`/api/meetings/${meeting}/notes`).set("Authorization", dana).send({ id: randomUUID(), agendaItemKey: "open_items", body });
    expect(note.status).toBe(201);
    await heard;

    const after = await on(b, "/capture", dana, etag);
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.body.notes.map((n: { body: string }) => n.body)).toContain(body);
  });

  it("a call type set on instance A changes the meeting instance B serves once B hears the revision", async () => {
    const first = await on(b, "", dana);
    expect(first.status).toBe(200);
    const etag = String(first.headers.etag);
    expect((await on(b, "", dana, etag)).status).toBe(304);
    const heard = revisionHeardOnB();
    const set = await request(a.app).put(`/api/meetings/${meeting}/call-type`).set("Authorization", dana).send({ callType: "triage" });
    expect(set.status).toBe(200);
    await heard;
    const after = await on(b, "", dana, etag);
    expect(after.status).toBe(200);
    expect(after.body.callType).toBe("triage");
    expect(after.body.overridden).toBe(true);
  });

  it("revoking a membership on instance A answers 403 for the capture and meeting on B once B hears it", async () => {
    const capture = await on(b, "/capture", rachel);
    const detail = await on(b, "", rachel);
    expect(capture.status).toBe(200);
    expect(detail.status).toBe(200);
    const heard = revisionHeardOnB();
    await a.db.rawTransaction(async (run) => {
      await run("delete from project_members where tenant_id = $1 and project_id = $2 and person_id = $3", [DEMO_TENANT_ID, project, demoId("person_rachel")]);
    });
    await heard;
    expect((await on(b, "/capture", rachel)).status).toBe(403);
    expect((await on(b, "/capture", rachel, String(capture.headers.etag))).status).toBe(403);
    expect((await on(b, "", rachel, String(detail.headers.etag))).status).toBe(403);
    expect((await on(b, "/capture", dana)).status).toBe(200);
  });
});
