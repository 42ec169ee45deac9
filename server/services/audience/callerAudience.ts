import { and, eq, or, sql, type SQL } from "drizzle-orm";
import * as t from "../../db/tables";
import { runAsTenant } from "../../db/tenantScope";
export { internalOnlyWall, memberAudience } from "../../db/audienceWall";
import { audienceOfAll, type Audience, type AudienceDirectory } from "../../domain/audienceOf";
import type { Directory, Meeting } from "../../../contracts/types";
import { forbidden } from "../../errors";
import type { RequestContext } from "../../http/requestContext";
import type { Queryable } from "../../live/recordEvent";

// The audience wall on the server (issue 13 §1): decided once per request from who the caller
// is (their organisation in the project, by the rule in domain/audienceOf.ts), right where
// project membership is checked, then read by every loader and route. PostgreSQL's row-level
// security (migration 0005) enforces the internal-only flag again from the same decision.

/** The directory the rule reads for a project: its people, and the tenant's own domains. */
export function audienceDirectory(directory: Pick<Directory, "people" | "internalDomains">): AudienceDirectory {
  return { people: directory.people, tenantDomains: directory.internalDomains };
}

/** The caller's audience as decided by `memberAudience`; "external" when nothing decided it (fail closed). */
export function callerAudience(ctx: Pick<RequestContext, "audience">): Audience {
  return ctx.audience ?? "external";
}

/** 403 unless the caller is internal: for asking by id or parameter for something internal. */
export function requireInternalCaller(ctx: Pick<RequestContext, "audience">, what: string): void {
  if (callerAudience(ctx) !== "internal") throw forbidden(`${what} is internal only`);
}

/** An internal meeting: every attendee is internal by the one rule (e.g. the internal status call). */
export function isInternalMeeting(meeting: Pick<Meeting, "attendees">, directory: Pick<Directory, "people" | "internalDomains">): boolean {
  return audienceOfAll(meeting.attendees, audienceDirectory(directory)) === "internal";
}

/** 403 when an external caller asks for an internal meeting. */
export function requireMeetingVisible(ctx: Pick<RequestContext, "audience">, meeting: Pick<Meeting, "attendees">, directory: Pick<Directory, "people" | "internalDomains">): void {
  if (callerAudience(ctx) === "external" && isInternalMeeting(meeting, directory)) throw forbidden("This meeting is internal only");
}

/**
 * By-id access to a RAID item or note: 403 when an external caller names an internal-only one.
 * Reads only the flag, as the internal side, so the answer is 403 rather than the 404 the row-level
 * policy would give; absent rows pass (the caller's own lookup answers 404).
 */
export async function requireRowVisible(db: Queryable, ctx: RequestContext, kind: "item" | "note", id: string): Promise<void> {
  if (callerAudience(ctx) === "internal") return;
  const table = kind === "item" ? t.raidItems : t.agendaNotes;
  const [row] = await runAsTenant(
    ctx.tenantId,
    // Awaited inside: a drizzle query runs when awaited, and must run in this scope.
    async () => await db.select({ internalOnly: table.internalOnly }).from(table).where(and(eq(table.tenantId, ctx.tenantId), eq(table.id, id))).limit(1),
    "internal",
  );
  if (row?.internalOnly) throw forbidden(`This ${kind} is internal only`);
}

/** 403 when an external caller tries to mark something internal only (create or change). */
export function requireMayFlagInternal(ctx: Pick<RequestContext, "audience">, internalOnly: boolean | undefined): void {
  if (internalOnly === true) requireInternalCaller(ctx, "Marking content internal only");
}

/** Whether `email` sent or received an outbox row (recipients of every kind; case-insensitive). */
export function isOwnMail(row: { fromEmail: string; recipients: readonly { email: string }[] }, email: string): boolean {
  const me = email.trim().toLowerCase();
  return row.fromEmail.trim().toLowerCase() === me || row.recipients.some((r) => r.email.trim().toLowerCase() === me);
}

/**
 * The outbox an external caller may see: only mail they sent or were sent (a recap to the internal
 * side carries internal content). Nothing extra for internal callers.
 */
export function outboxWall(ctx: Pick<RequestContext, "audience" | "email">): SQL | undefined {
  if (callerAudience(ctx) === "internal") return undefined;
  const me = ctx.email.trim().toLowerCase();
  return or(
    eq(sql`lower(${t.outboxItems.fromEmail})`, me),
    sql`exists (select 1 from jsonb_array_elements(${t.outboxItems.recipients}) as r where lower(r->>'email') = ${me})`,
  );
}

/** 403 when an external caller asks by id for an outbox row that was neither from nor to them. */
export function requireOwnMailIfExternal(ctx: Pick<RequestContext, "audience" | "email">, row: { fromEmail: string; recipients: readonly { email: string }[] }): void {
  if (callerAudience(ctx) === "external" && !isOwnMail(row, ctx.email)) throw forbidden("This mail was not sent to you");
}

/**
 * Audit entries an external caller may see: every entry but those about decisions they cannot
 * see (internal-only, or deleted: the trail would keep an internal decision's text).
 */
export function auditWall(ctx: Pick<RequestContext, "audience">): SQL | undefined {
  if (callerAudience(ctx) === "internal") return undefined;
  return or(
    sql`${t.auditLog.entity} <> 'decision'`,
    sql`exists (select 1 from ${t.raidItems} where ${t.raidItems.tenantId} = ${t.auditLog.tenantId} and ${t.raidItems.id}::text = ${t.auditLog.entityId} and not ${t.raidItems.internalOnly})`,
  );
}
