import { and, eq, type Column, type SQL } from "drizzle-orm";
import type { Db } from "./database";
import * as t from "./tables";
import { currentAudience, setScopeAudience } from "./tenantScope";
import { audienceOf, type Audience } from "../domain/audienceOf";
import type { Organisation } from "../../contracts/types";
import type { RequestContext } from "../http/requestContext";

// The data layer's half of the audience wall (issue 13 §1): deciding the caller's audience with
// the membership check, and the filter every loader of internal-only rows applies. The rest of
// the wall (403s, meetings, outbox, audit) is in services/audience/callerAudience.ts.

/**
 * Project membership and the caller's audience in one query: null when the caller is not a
 * member of the project (or has no person row); otherwise their audience, which is also recorded
 * on `ctx.audience` and on the request scope (stamped as app.audience on PostgreSQL connections).
 */
export async function memberAudience(db: Db, ctx: RequestContext, projectId: string): Promise<Audience | null> {
  if (!ctx.personId) return null;
  const [row] = await db
    .select({ id: t.people.id, email: t.people.email, organisation: t.people.organisation })
    .from(t.projectMembers)
    .innerJoin(t.people, and(eq(t.people.tenantId, t.projectMembers.tenantId), eq(t.people.id, t.projectMembers.personId)))
    .where(and(eq(t.projectMembers.tenantId, ctx.tenantId), eq(t.projectMembers.projectId, projectId), eq(t.projectMembers.personId, ctx.personId)))
    .limit(1);
  return adoptMemberAudience(ctx, row ?? null);
}

/**
 * The caller's audience from their own person row as a project member (null: not a member), recorded
 * as memberAudience records it (ctx.audience and the request scope). For loaders that read the
 * membership in a query of their own (loadMeetingAccess).
 */
export function adoptMemberAudience(ctx: RequestContext, member: { id: string; email: string; organisation: Organisation } | null): Audience | null {
  if (!member) return null;
  // The caller is a project person found by id, so their organisation decides; the tenant's
  // domains only matter for addresses that are no project person (recap recipients).
  const audience = audienceOf({ personId: member.id, email: member.email }, { people: [member], tenantDomains: [] });
  ctx.audience = audience;
  setScopeAudience(audience);
  return audience;
}

/**
 * The loaders' filter on an `internal_only` column: `internal_only = false` while the current
 * request is external (or undecided), nothing for internal callers and for system work.
 */
export function internalOnlyWall(column: Column): SQL | undefined {
  return currentAudience() === "external" ? eq(column, false) : undefined;
}

