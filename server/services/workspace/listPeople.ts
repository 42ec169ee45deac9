import { and, asc, eq } from "drizzle-orm";
import * as t from "../../db/tables";
import type { PersonRow } from "../../presenters/workspace";
import { projectPeople, type Scope } from "./projectScope";

export type MemberRow = typeof t.projectMembers.$inferSelect;

/** The tenant's directory of people, by name. */
export function listDirectory(s: Scope): Promise<PersonRow[]> {
  return s.db.select().from(t.people).where(eq(t.people.tenantId, s.ctx.tenantId)).orderBy(asc(t.people.name));
}

/** The project's members (roles), the tenant's directory and the people of the project, read together. */
export async function listPeople(s: Scope): Promise<{ members: MemberRow[]; people: PersonRow[]; ofProject: PersonRow[] }> {
  const { db } = s;
  const m = t.projectMembers;
  const [members, people, ofProject] = await Promise.all([
    db.select().from(m).where(and(eq(m.tenantId, s.ctx.tenantId), eq(m.projectId, s.project.id))),
    listDirectory(s),
    projectPeople(db, s.ctx.tenantId, s.project.id),
  ]);
  return { members, people, ofProject };
}
