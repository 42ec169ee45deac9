import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import * as t from "../../db/tables";
import { conflict } from "../../errors";
import type { createPersonBody } from "../../../contracts/workspace";
import { personDto, type PersonRow } from "../../presenters/workspace";
import type { Scope } from "./projectScope";

/** Adds a person to the tenant's directory (e-mail lower-cased); 409 with the existing person when the e-mail is taken. */
export async function createPerson(s: Scope, body: z.infer<typeof createPersonBody>): Promise<PersonRow> {
  const { db } = s;
  const email = body.email.toLowerCase();
  const [row] = await db
    .insert(t.people)
    .values({ id: randomUUID(), tenantId: s.ctx.tenantId, name: body.name, email, organisation: body.organisation, title: body.title ?? "" })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    const [existing] = await db.select().from(t.people).where(and(eq(t.people.tenantId, s.ctx.tenantId), eq(t.people.email, email)));
    throw conflict("A person with this e-mail is already in the directory", { current: existing ? personDto(existing) : null });
  }
  return row;
}
