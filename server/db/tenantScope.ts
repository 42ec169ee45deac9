import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";

// The tenant of the request being served, and the caller's audience once project access has
// decided it, carried through its async calls. PostgreSQL connections are stamped with both on
// every checkout, for the row-level security policies (0002 tenant, 0005 audience).

/** The audience a connection is stamped with: "" outside requests (system work sees all rows). */
export type ScopeAudience = "internal" | "external";

interface RequestScope {
  tenantId: string;
  /** null until project access decides it; read as "external" (fail closed). */
  audience: ScopeAudience | null;
}

const store = new AsyncLocalStorage<RequestScope>();

/** Runs fn as a request of `tenantId`; the audience is external until `setScopeAudience` says otherwise. */
export function runAsTenant<T>(tenantId: string, fn: () => T, audience: ScopeAudience | null = null): T {
  return store.run({ tenantId, audience }, fn);
}

export function currentTenant(): string {
  return store.getStore()?.tenantId ?? "";
}

/** The current request's audience: "external" until decided, "" outside any request (system work). */
export function currentAudience(): ScopeAudience | "" {
  const scope = store.getStore();
  if (!scope) return "";
  return scope.audience ?? "external";
}

/** Records the caller's audience for the rest of the request (called where project access is checked). */
export function setScopeAudience(audience: ScopeAudience): void {
  const scope = store.getStore();
  if (scope) scope.audience = audience;
}

/** The tenant and audience each pooled connection was last stamped with (see TenantScopedPool). */
const stamps = new WeakMap<pg.PoolClient, string>();

type ConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, release: (err?: Error | boolean) => void) => void;

/**
 * A pg Pool whose every checked-out connection has app.tenant_id set to the current request's
 * tenant ('' outside a request) and app.audience to its audience ('' outside a request, else
 * "external" until project access decides "internal"); a connection already stamped with both is
 * not stamped again. pg-pool's own query() goes through connect(), so both plain
 * queries and transactions are covered.
 */
export class TenantScopedPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    const tenant = currentTenant();
    const audience = currentAudience();
    const stamp = `${tenant}\u0000${audience}`;
    const stamped = super.connect().then(async (client) => {
      try {
        // A session-level setting stays on the connection: a checkout for the same tenant and
        // audience as its last one needs no round trip (issue 19: 9 of the 22 statements of a
        // capture POST → receipt were these stamps). Nothing else sets these two settings.
        if (stamps.get(client) === stamp) return client;
        stamps.delete(client);
        await client.query("select set_config('app.tenant_id', $1, false), set_config('app.audience', $2, false)", [tenant, audience]);
        stamps.set(client, stamp);
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
