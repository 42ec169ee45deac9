import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, demoProjectId, devAuth, listenOnLoopback, type LoopbackServer } from "../../support/testApp";
import { openSse, type SseClient } from "../../support/sseClient";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";

// The capture write path of issue 19: a POST of an item → its live receipt in few statements, a
// directory held in memory that follows every change on any instance, and nothing saved half-way.

const meeting = demoMeetingId("m_cust");
const dana = devAuth("dana");
const marcus = devAuth("marcus");

async function postItem(server: LoopbackServer, body: Record<string, unknown>): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${server.url}/api/meetings/${meeting}/items`, {
    method: "POST",
    headers: { Authorization: dana, "Content-Type": "application/json" },
    body: JSON.stringify({ id: randomUUID(), kind: "action", ...body }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("statements per capture POST on PostgreSQL", () => {
  let tdb: TestDatabase;
  let server: LoopbackServer;
  let live: SseClient;
  const statements: string[] = [];
  let counting = false;
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  beforeAll(async () => {
    tdb = await openTestDatabase("postgres");
    server = await listenOnLoopback(buildTestApp(tdb.database));
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const q = args[0] as string | { text: string };
      if (counting) statements.push(typeof q === "string" ? q : q.text);
      return query.apply(this, args);
    } as typeof pg.Client.prototype.query;
    live = await openSse(`${server.url}/api/meetings/${meeting}/events`, { Authorization: marcus });
  });
  afterAll(async () => {
    pg.Client.prototype.query = query as typeof pg.Client.prototype.query;
    live?.close();
    await server?.close();
    await tdb?.drop();
  });

  it("takes 3 statements from the POST to the other participant's receipt: access + directory counter, the write, the live read", async () => {
    await postItem(server, { title: "Warm-up" }); // the first write of a project reads its directory
    await live.waitFor((e) => e.data.includes("Warm-up"));
    counting = true;
    const { status, json } = await postItem(server, { title: "Counted" });
    await live.waitFor((e) => e.data.includes("Counted"));
    counting = false;
    expect(status).toBe(201);
    expect(json).toMatchObject({ title: "Counted", createdBy: "Dana Whitfield" });
    // Was 10: access, three directory reads, begin, lock, insert, insert, commit, live read.
    expect(statements.map((s) => s.replace(/\s+/g, " ").slice(0, 40))).toHaveLength(3);
    expect(statements.some((s) => /^begin|^commit/i.test(s))).toBe(false);
  });
});

describe.each(databaseKinds)("capture write path on %s", (kind) => {
  let tdb: TestDatabase;
  let a: LoopbackServer;
  let b: LoopbackServer;
  const sql = (text: string, params: unknown[] = []) => tdb.database.rawTransaction((run) => run(text, params));
  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    // Two app instances on one database, each with its own in-memory directories.
    a = await listenOnLoopback(buildTestApp(tdb.database));
    b = await listenOnLoopback(buildTestApp(tdb.database));
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await tdb?.drop();
  });

  it("sees a directory change made anywhere on the next write of every instance: a new member becomes a valid owner, a renamed one shows the new name", async () => {
    const person = randomUUID();
    // Both instances hold the directory now.
    expect((await postItem(a, { title: "Before A" })).status).toBe(201);
    expect((await postItem(b, { title: "Before B" })).status).toBe(201);
    expect((await postItem(b, { title: "Not yet a member", ownerId: person })).status).toBe(400);

    await sql("insert into people (id, tenant_id, name, email, organisation) values ($1, $2, 'Nia Okafor', 'nia@contoso.example', 'internal')", [person, DEMO_TENANT_ID]);
    await sql("insert into project_members (id, tenant_id, project_id, person_id, role) values ($1, $2, $3, $4, 'tsm')", [randomUUID(), DEMO_TENANT_ID, demoProjectId(), person]);
    for (const server of [a, b]) {
      const { status, json } = await postItem(server, { title: "Owned by the new member", ownerId: person });
      expect(status).toBe(201);
      expect(json).toMatchObject({ ownerId: person, ownerName: "Nia Okafor" });
    }

    await sql("update people set name = 'Nia Okafor-Reyes' where id = $1", [person]);
    for (const server of [b, a]) expect((await postItem(server, { title: "After the rename", ownerId: person })).json).toMatchObject({ ownerName: "Nia Okafor-Reyes" });

    await sql("delete from project_members where person_id = $1", [person]);
    for (const server of [a, b]) expect((await postItem(server, { title: "No longer a member", ownerId: person })).status).toBe(400);
  });

  describe("a write that fails part-way", () => {
    afterEach(async () => {
      await sql("drop trigger if exists test_refuse_events on meeting_events");
    });

    it("saves nothing: no item, no event, no revision bump, nothing on the live stream; the same id is then accepted", async () => {
      const live = await openSse(`${a.url}/api/meetings/${meeting}/events`, { Authorization: marcus });
      try {
        // The event's insert fails after the item's insert in the same statement.
        await sql("create or replace function test_refuse_event() returns trigger language plpgsql as $$ begin raise exception 'refused for the test'; end $$");
        await sql("create trigger test_refuse_events before insert on meeting_events for each row execute function test_refuse_event()");
        const count = async () => {
          const { rows } = await sql(
            "select (select count(*) from raid_items where id = $1)::int as items, (select count(*) from meeting_events where entity_id = $1)::int as events, (select count(*) from meeting_events)::int as all_events, (select coalesce(max(rev), 0) from project_revisions where project_id = $2)::int as rev",
            [id, demoProjectId()],
          );
          return rows[0];
        };
        const id = randomUUID();
        const before = await count();
        const failed = await fetch(`${a.url}/api/meetings/${meeting}/items`, {
          method: "POST",
          headers: { Authorization: dana, "Content-Type": "application/json" },
          body: JSON.stringify({ id, kind: "action", title: "Half-way" }),
        });
        expect(failed.status).toBe(500);
        expect(await count()).toEqual({ ...before, items: 0, events: 0 });

        await sql("drop trigger test_refuse_events on meeting_events");
        const retried = await fetch(`${a.url}/api/meetings/${meeting}/items`, {
          method: "POST",
          headers: { Authorization: dana, "Content-Type": "application/json" },
          body: JSON.stringify({ id, kind: "action", title: "Half-way" }),
        });
        expect(retried.status).toBe(201);
        await live.waitFor((e) => e.data.includes(id));
        expect(live.events.filter((e) => e.data.includes(id))).toHaveLength(1);
        expect(await count()).toMatchObject({ items: 1, events: 1 });
      } finally {
        live.close();
      }
    });
  });
});
