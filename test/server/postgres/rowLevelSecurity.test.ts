import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { count } from "drizzle-orm";
import { createScratchPostgres } from "../../support/testDatabase";
import { openDatabase, type Database } from "../../../server/db/database";
import { migrate } from "../../../server/db/migrate";
import { seedDemo } from "../../../server/db/demo/seedDemo";
import { runAsTenant } from "../../../server/db/tenantScope";
import { projects, raidItems } from "../../../server/db/tables";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import { TEST_NOW } from "../../support/constants";

const TENANT_B = "0b7e5c1d-2f3a-4e5b-8c9d-0000000000b2";

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("row-level security on PostgreSQL (the second wall)", () => {
  let scratch: { url: string; drop: () => Promise<void> };
  let appDb: Database;
  const role = `callbook_app_${randomBytes(4).toString("hex")}`;

  beforeAll(async () => {
    scratch = await createScratchPostgres();
    const owner = await openDatabase({ databaseUrl: scratch.url, dataDir: "" });
    await migrate(owner);
    await seedDemo(owner, { now: TEST_NOW });
    await seedDemo(owner, { now: TEST_NOW, tenantId: TENANT_B, label: "B " });
    await owner.rawTransaction(async (run) => {
      // An ordinary role, as production uses: superusers bypass row-level security.
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
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await scratch?.drop();
    await admin.query(`drop role if exists ${role}`);
    await admin.end();
  });

  it("a query with no tenant filter, run in tenant A's request, sees only tenant A's rows", async () => {
    const rows = await runAsTenant(DEMO_TENANT_ID, async () => await appDb.db.select({ tenantId: projects.tenantId, name: projects.name }).from(projects));
    expect(rows).toEqual([{ tenantId: DEMO_TENANT_ID, name: "Riverbend Utilities e-billing implementation" }]);
    // As internal callers: the audience wall (0005) is tested in audienceRowLevelSecurity.test.ts.
    const bRows = await runAsTenant(TENANT_B, async () => await appDb.db.select({ n: count() }).from(raidItems), "internal");
    const aRows = await runAsTenant(DEMO_TENANT_ID, async () => await appDb.db.select({ n: count() }).from(raidItems), "internal");
    // Each tenant's demo has 15 RAID items; with the filter bypassed, neither sees the other's.
    expect(bRows[0]?.n).toBe(15);
    expect(aRows[0]?.n).toBe(15);
    const outside = await appDb.db.select({ n: count() }).from(raidItems);
    expect(outside[0]?.n).toBe(30);
  });

  it("the setting is per connection checkout: a raw query under tenant A's setting cannot read B's rows", async () => {
    const c = new pg.Client({ connectionString: appDb.connectionString });
    await c.connect();
    await c.query("begin");
    await c.query("select set_config('app.tenant_id', $1, true)", [DEMO_TENANT_ID]);
    const r = await c.query("select count(*)::int as n from projects where tenant_id = $1", [TENANT_B]);
    expect(r.rows[0].n).toBe(0);
    await expect(
      c.query("insert into projects (id, tenant_id, name, customer_name) values (gen_random_uuid(), $1, 'x', 'y')", [TENANT_B]),
    ).rejects.toThrow(/row-level security/);
    await c.query("rollback");
    await c.end();
  });
});
