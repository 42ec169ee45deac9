import { and, asc, eq, inArray } from "drizzle-orm";
import * as t from "../../db/tables";
import type { Db } from "../../db/database";

/** The dev sign-in picker's people: internal project members of every tenant on this database, by name. Dev sign-in only (loopback). */
export async function listDevPeople(db: Db): Promise<{ id: string; tenantId: string; name: string; title: string; email: string }[]> {
  const memberIds = db.select({ id: t.projectMembers.personId }).from(t.projectMembers);
  return db
    .select({ id: t.people.id, tenantId: t.people.tenantId, name: t.people.name, title: t.people.title, email: t.people.email })
    .from(t.people)
    .where(and(eq(t.people.organisation, "internal"), inArray(t.people.id, memberIds)))
    .orderBy(asc(t.people.name));
}
