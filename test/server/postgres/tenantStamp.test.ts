import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { runAsTenant, setScopeAudience, TenantScopedPool } from "../../../server/db/tenantScope";

// Every pooled PostgreSQL connection carries the request's tenant and audience for the row-level
// policies. A connection is stamped again only when they change (issue 19: the stamps were 9 of the
// 22 statements of a capture POST → SSE receipt); a switch of tenant or audience still re-stamps.
describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("tenant stamp on pooled PostgreSQL connections", () => {
  let pool: TenantScopedPool;
  let stamps = 0;
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  beforeAll(() => {
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      if (typeof args[0] === "string" && args[0].includes("set_config('app.tenant_id'")) stamps++;
      return query.apply(this, args);
    } as typeof pg.Client.prototype.query;
    // One connection: every checkout below reuses it.
    pool = new TenantScopedPool({ connectionString: process.env.TEST_DATABASE_URL, max: 1 });
  });
  afterAll(async () => {
    pg.Client.prototype.query = query as typeof pg.Client.prototype.query;
    await pool?.end();
  });

  const seen = async () =>
    (await pool.query<{ t: string; a: string }>("select current_setting('app.tenant_id', true) as t, current_setting('app.audience', true) as a")).rows[0];

  it("stamps once for repeated checkouts of one tenant and audience, and again on every change", async () => {
    const tenantA = "0b7e5c1d-2f3a-4e5b-8c9d-00000000000a";
    const tenantB = "0b7e5c1d-2f3a-4e5b-8c9d-00000000000b";
    const asA = () => runAsTenant(tenantA, async () => [await seen(), await seen(), await seen()], "internal");
    expect(await asA()).toEqual([{ t: tenantA, a: "internal" }, { t: tenantA, a: "internal" }, { t: tenantA, a: "internal" }]);
    expect(stamps).toBe(1);
    expect(await runAsTenant(tenantB, seen)).toEqual({ t: tenantB, a: "external" });
    expect(
      await runAsTenant(tenantB, async () => {
        setScopeAudience("internal");
        return seen();
      }),
    ).toEqual({ t: tenantB, a: "internal" });
    expect(await seen()).toEqual({ t: "", a: "" });
    expect(await asA()).toEqual([{ t: tenantA, a: "internal" }, { t: tenantA, a: "internal" }, { t: tenantA, a: "internal" }]);
    expect(stamps).toBe(5);
  });
});
