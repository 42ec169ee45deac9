import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import { runAsTenant, type ScopeAudience } from "../../db/tenantScope";
import type { LinkClaims } from "./signReminderLink";

type RaidRow = typeof t.raidItems.$inferSelect;
type PersonRow = typeof t.people.$inferSelect;

/** What a checked link points at, for its page and its action. */
export type LinkTarget =
  | { kind: "action"; person: PersonRow; audience: ScopeAudience; item: RaidRow; projectName: string }
  | { kind: "project"; person: PersonRow; audience: ScopeAudience; projectId: string; projectName: string };

/** Why a genuine link can no longer act: its person or target is gone, or the action is no longer theirs. */
export type LinkGone = { gone: "person" | "target" | "not_owner" };

/** The audience a link's person acts with: their own organisation decides (the one audience rule). */
export const linkAudience = (person: Pick<PersonRow, "organisation">): ScopeAudience => (person.organisation === "internal" ? "internal" : "external");

/**
 * Loads what a checked link names, as its person (tenant scope and their audience, so an external
 * person never reaches an internal-only item, also under PostgreSQL's row-level security):
 * the open or closed action item they own ("done", "move"), or the project ("mute").
 */
export async function resolveReminderLink(db: Db, claims: LinkClaims): Promise<LinkTarget | LinkGone> {
  const [person] = await runAsTenant(claims.tenantId, async () => await db.select().from(t.people).where(and(eq(t.people.tenantId, claims.tenantId), eq(t.people.id, claims.personId))).limit(1), "internal");
  if (!person) return { gone: "person" };
  const audience = linkAudience(person);
  return runAsTenant(
    claims.tenantId,
    async (): Promise<LinkTarget | LinkGone> => {
      if (claims.action === "mute") {
        const [project] = await db.select({ id: t.projects.id, name: t.projects.name }).from(t.projects).where(and(eq(t.projects.tenantId, claims.tenantId), eq(t.projects.id, claims.targetId))).limit(1);
        return project ? { kind: "project", person, audience, projectId: project.id, projectName: project.name } : { gone: "target" };
      }
      const [row] = await db
        .select({ item: t.raidItems, projectName: t.projects.name })
        .from(t.raidItems)
        .innerJoin(t.projects, eq(t.projects.id, t.raidItems.projectId))
        .where(and(eq(t.raidItems.tenantId, claims.tenantId), eq(t.raidItems.id, claims.targetId), eq(t.raidItems.kind, "action")))
        .limit(1);
      if (!row || (audience === "external" && row.item.internalOnly)) return { gone: "target" };
      if (row.item.ownerId !== person.id) return { gone: "not_owner" };
      return { kind: "action", person, audience, item: row.item, projectName: row.projectName };
    },
    audience,
  );
}
