import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";

// The tenant of the request being served, carried through its async calls. PostgreSQL
// connections are stamped with it on every checkout, for the row-level security policies.

const store = new AsyncLocalStorage<string>();

export function runAsTenant<T>(tenantId: string, fn: () => T): T {
  return store.run(tenantId, fn);
}

export function currentTenant(): string {
  return store.getStore() ?? "";
}

type ConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, release: (err?: Error | boolean) => void) => void;

/**
 * A pg Pool whose every checked-out connection has app.tenant_id set to the current request's
 * tenant ('' outside a request). pg-pool's own query() goes through connect(), so both plain
 * queries and transactions are covered.
 */
export class TenantScopedPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    const tenant = currentTenant();
    const stamped = super.connect().then(async (client) => {
      try {
        await client.query("select set_config('app.tenant_id', $1, false)", [tenant]);
        return client;
      } catch (e) {
        client.release(e instanceof Error ? e : true);
        throw e;
      }
    });
    if (!callback) return stamped;
    stamped.then(
      (client) => callback(undefined, client, (err) => client.release(err)),
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), undefined, () => undefined),
    );
  }
}
