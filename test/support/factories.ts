import { randomUUID } from "node:crypto";
import type { Db } from "../../server/db/database";
import * as t from "../../server/db/tables";
import type { ProjectRole } from "../../contracts/types";
import { TEST_NOW } from "./constants";

// Small factories for HTTP tests that need data of their own rather than the demo seed's. Each
// writes one row through the db layer (drizzle tables, as system work: no tenant stamped, so
// row-level security lets it in on PostgreSQL too) with plain defaults, and returns the row.
// Dates are ISO strings; meeting times default to TEST_NOW + 1 day, 30 minutes long (UTC).

type Row<T extends { $inferSelect: unknown }> = T["$inferSelect"];
type Fields<T extends { $inferInsert: object }> = Partial<T["$inferInsert"]>;

let counter = 0;
const next = () => ++counter;

/** A fresh tenant id (tenants are only a string on every row: there is no tenants table). */
export function makeTenant(): { tenantId: string } {
  return { tenantId: `tenant-${randomUUID()}` };
}

/** A project of `tenantId`, customer "Acme n", customer domain acme-n.test. */
export async function makeProject(db: Db, tenantId: string, fields: Fields<typeof t.projects> = {}): Promise<Row<typeof t.projects>> {
  const n = next();
  const [row] = await db
    .insert(t.projects)
    .values({ id: randomUUID(), tenantId, name: `Project ${n}`, customerName: `Acme ${n}`, customerDomains: [`acme-${n}.test`], ...fields })
    .returning();
  if (!row) throw new Error("makeProject: nothing inserted");
  return row;
}

/** A person of `tenantId`: internal unless `organisation` says otherwise; a unique email. */
export async function makePerson(db: Db, tenantId: string, fields: Fields<typeof t.people> = {}): Promise<Row<typeof t.people>> {
  const n = next();
  const organisation = fields.organisation ?? "internal";
  const domain = organisation === "internal" ? "callbook-factory.test" : `${organisation}-${n}.test`;
  const [row] = await db
    .insert(t.people)
    .values({ id: randomUUID(), tenantId, name: `Person ${n}`, email: `person${n}@${domain}`, organisation, ...fields })
    .returning();
  if (!row) throw new Error("makePerson: nothing inserted");
  return row;
}

/** Puts `person` on `project` in `role` (default "pm"): what project access is decided by. */
export async function addMembership(
  db: Db,
  project: Pick<Row<typeof t.projects>, "id" | "tenantId">,
  person: Pick<Row<typeof t.people>, "id">,
  role: ProjectRole = "pm",
): Promise<Row<typeof t.projectMembers>> {
  const [row] = await db.insert(t.projectMembers).values({ id: randomUUID(), tenantId: project.tenantId, projectId: project.id, personId: person.id, role }).returning();
  if (!row) throw new Error("addMembership: nothing inserted");
  return row;
}

/** A meeting of `project`, starting a day after TEST_NOW for 30 minutes unless `fields` say otherwise. */
export async function makeMeeting(
  db: Db,
  project: Pick<Row<typeof t.projects>, "id" | "tenantId">,
  fields: Fields<typeof t.meetings> = {},
): Promise<Row<typeof t.meetings>> {
  const startsAt = fields.startsAt ?? new Date(TEST_NOW.getTime() + 24 * 3_600_000).toISOString();
  const [row] = await db
    .insert(t.meetings)
    .values({
      id: randomUUID(),
      tenantId: project.tenantId,
      projectId: project.id,
      subject: `Call ${next()}`,
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 30 * 60_000).toISOString(),
      ...fields,
    })
    .returning();
  if (!row) throw new Error("makeMeeting: nothing inserted");
  return row;
}

/** A schedule task of `project`, not started and undated unless `fields` say otherwise. */
export async function makeTask(db: Db, project: Pick<Row<typeof t.projects>, "id" | "tenantId">, fields: Fields<typeof t.tasks> = {}): Promise<Row<typeof t.tasks>> {
  const [row] = await db
    .insert(t.tasks)
    .values({ id: randomUUID(), tenantId: project.tenantId, projectId: project.id, name: `Task ${next()}`, ...fields })
    .returning();
  if (!row) throw new Error("makeTask: nothing inserted");
  return row;
}

/** An open RAID item of `project` (a risk unless `fields` say otherwise). */
export async function makeRaidItem(
  db: Db,
  project: Pick<Row<typeof t.projects>, "id" | "tenantId">,
  fields: Fields<typeof t.raidItems> = {},
): Promise<Row<typeof t.raidItems>> {
  const [row] = await db
    .insert(t.raidItems)
    .values({ id: randomUUID(), tenantId: project.tenantId, projectId: project.id, kind: "risk", title: `Risk ${next()}`, ...fields })
    .returning();
  if (!row) throw new Error("makeRaidItem: nothing inserted");
  return row;
}

/** The dev sign-in credential of a person made here (buildTestApp accepts it from loopback). */
export function authAs(person: Pick<Row<typeof t.people>, "id" | "tenantId">): string {
  return `Dev ${person.tenantId}.${person.id}`;
}
