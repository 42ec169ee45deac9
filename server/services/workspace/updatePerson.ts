import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import * as t from "../../db/tables";
import { notFound } from "../../errors";
import type { patchPersonBody } from "../../../contracts/workspace";
import type { PersonRow } from "../../presenters/workspace";
import { fieldError, projectPeople, requireDateOrder, type Scope } from "./projectScope";

/**
 * Changes a person of the project: out-of-office dates (both or neither, in order), title, time zone
 * (an entered zone; null clears it). 404 when the person is not one of the project's people.
 */
export async function updatePerson(s: Scope, entityId: string, body: z.infer<typeof patchPersonBody>): Promise<PersonRow> {
  const { db } = s;
  const person = (await projectPeople(db, s.ctx.tenantId, s.project.id)).find((p) => p.id === entityId);
  if (!person) throw notFound("Person");
  const from = body.oooFrom === undefined ? person.oooFrom : body.oooFrom;
  const until = body.oooUntil === undefined ? person.oooUntil : body.oooUntil;
  if ((from === null) !== (until === null)) throw fieldError(from === null ? "oooFrom" : "oooUntil", "is required with the other out-of-office date");
  requireDateOrder("oooUntil", from, until, "oooFrom");
  const [row] = await db
    .update(t.people)
    .set({
      oooFrom: from, oooUntil: until, ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.timeZone !== undefined ? { timeZone: body.timeZone, timeZoneSource: body.timeZone === null ? null : ("entered" as const) } : {}),
    })
    .where(and(eq(t.people.tenantId, s.ctx.tenantId), eq(t.people.id, entityId)))
    .returning();
  if (!row) throw notFound("Person");
  return row;
}
