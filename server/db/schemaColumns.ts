import { text, timestamp } from "drizzle-orm/pg-core";

// Columns every table repeats. Every row carries tenant_id (the Entra tenant). Ids are uuids the
// application (or the client, for offline capture) generates, so a retried create is the same row.

/** `tenant_id text not null`: the Entra tenant of the row (row-level security keys on it, migration 0002). */
export const tenantId = () => text("tenant_id").notNull();
/** `created_at timestamptz not null default now()`, read as an ISO string. */
export const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow();
/** `updated_at timestamptz not null default now()`, read as an ISO string. */
export const updatedAt = () => timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow();
