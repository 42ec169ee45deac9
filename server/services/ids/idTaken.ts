import { AppError } from "../../errors";

/**
 * The one answer for a client-generated id that cannot be used: it is taken — by another tenant
 * (ids are unique across tenants; which tenant is never said), by another kind of record, or by
 * the same kind elsewhere. 409 `id_taken`; the client makes a new id and retries (issue 13 §8).
 */
export const idTaken = (): AppError => new AppError(409, "id_taken", "This id cannot be used; generate a new one");

/** True for PostgreSQL's unique violation (23505) on a table's primary key, anywhere in an error's cause chain. */
export function isPrimaryKeyViolation(err: unknown): boolean {
  for (let e: unknown = err, i = 0; e && typeof e === "object" && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === "23505" && typeof constraint === "string" && constraint.endsWith("_pkey")) return true;
  }
  return false;
}
