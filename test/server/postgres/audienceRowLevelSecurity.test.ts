import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { count, eq } from "drizzle-orm";
import { createScratchPostgres } from "../../support/testDatabase";
import { openDatabase, type Database } from "../../../server/db/database";
import { migrate } from "../../../server/db/migrate";
import { runAsTenant } from "../../../server/db/tenantScope";
import { agendaNotes, raidItems } from "../../../server/db/schema";
import { makeMeeting, makeProject, makeRaidItem, makeTenant } from "../../support/factories";

// Migration 0005: the internal-only flag enforced by PostgreSQL itself, from app.audience.
describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("audience wall in row-level security on PostgreSQL", () => {
  let scratch: { url: string; drop: () => Promise<void> };
  let appDb: Database;
  const role = `callbook_aud_${randomBytes(4).toString("hex")}`;
  // Its own tenant: one project and meeting, 2 internal-only and 3 customer-safe RAID items, 1 internal-only note.
  const { tenantId } = makeTenant();
  let meetingId: string;
  const internalNote = randomUUID();

  beforeAll(async () => {
    scratch = await createScratchPostgres();
    const owner = await openDatabase({ databaseUrl: scratch.url, dataDir: "" });
    await migrate(owner);
    const project = await makeProject(owner.db, tenantId);
    meetingId = (await makeMeeting(owner.db, project)).id;
    for (const internalOnly of [true, true, false, false, false]) await makeRaidItem(owner.db, project, { internalOnly });
    await owner.rawTransaction(async (run) => {
      await run(`insert into agenda_notes (id, tenant_id, meeting_id, agenda_item_key, body, internal_only) values ($1, $2, $3, 'rag', 'Escalate via Helen', true)`, [
        internalNote,
        tenantId,
        meetingId,
      ]);
      await run(`create role ${role} login nosuperuser`);
      await run(`grant select, insert, update, delete on all tables in schema public to ${role}`);
      await run(`grant usage on all sequences in schema public to ${role}`);
    });
    await owner.close();
    const url = new URL(scratch.url);
    url.username = role;
    appDb = await openDatabase({ databaseUrl: url.toString(), dataDir: "" });
  });
  afterAll(async () => {
    await appDb?.close();
    await scratch?.drop();
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`drop role if exists ${role}`);
    await admin.end();
  });

  // Async functions: a drizzle query runs when awaited, which must happen inside runAsTenant.
  const internalRaid = async () => await appDb.db.select({ n: count() }).from(raidItems).where(eq(raidItems.internalOnly, true));
  const internalNotes = async () => await appDb.db.select({ n: count() }).from(agendaNotes).where(eq(agendaNotes.internalOnly, true));

  it("an external request's queries, even asking for internal rows, get none; an internal request's get them", async () => {
    expect((await runAsTenant(tenantId, internalRaid, "internal"))[0]?.n).toBe(2);
    expect((await runAsTenant(tenantId, internalNotes, "internal"))[0]?.n).toBe(1);
    expect((await runAsTenant(tenantId, internalRaid, "external"))[0]?.n).toBe(0);
    expect((await runAsTenant(tenantId, internalNotes, "external"))[0]?.n).toBe(0);
    // A request whose audience is not decided yet reads as external (fail closed).
    expect((await runAsTenant(tenantId, internalRaid))[0]?.n).toBe(0);
    // The customer-safe rows stay visible to the external side.
    const all = await runAsTenant(tenantId, async () => await appDb.db.select({ n: count() }).from(raidItems), "external");
    expect(all[0]?.n).toBe(3);
  });

  it("an external connection can neither create an internal-only row nor flag or change one", async () => {
    const c = new pg.Client({ connectionString: appDb.connectionString });
    await c.connect();
    try {
      await c.query("select set_config('app.tenant_id', $1, false), set_config('app.audience', 'external', false)", [tenantId]);
      await expect(
        c.query(`insert into agenda_notes (id, tenant_id, meeting_id, agenda_item_key, body, internal_only) values ($1, $2, $3, 'rag', 'x', true)`, [
          randomUUID(),
          tenantId,
          meetingId,
        ]),
      ).rejects.toThrow(/row-level security/);
      const visible = await c.query("select id from raid_items where internal_only = false limit 1");
      await expect(c.query("update raid_items set internal_only = true where id = $1", [visible.rows[0].id])).rejects.toThrow(/row-level security/);
      const changed = await c.query("update agenda_notes set body = 'changed' where id = $1", [internalNote]);
      expect(changed.rowCount).toBe(0);
      const deleted = await c.query("delete from raid_items where internal_only = true");
      expect(deleted.rowCount).toBe(0);
    } finally {
      await c.end();
    }
  });
});
