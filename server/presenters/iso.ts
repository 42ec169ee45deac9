/**
 * A stored timestamp (PostgreSQL `timestamptz` read as text, e.g. "2026-11-24 15:00:00+00") as
 * the API shows it: ISO 8601 in UTC ("2026-11-24T15:00:00.000Z"); null stays null.
 */
export const iso = (v: string | null): string | null => (v ? new Date(v).toISOString() : null);
