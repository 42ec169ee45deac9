import { randomUUID } from "node:crypto";
import { Router } from "express";
import { and, asc, eq } from "drizzle-orm";
import type { AppDeps } from "../../appDeps";
import * as t from "../../db/tables";
import { conflict, notFound } from "../../errors";
import { parse } from "../../http/validate";
import { createMemberBody, createPersonBody, entityParams, patchMemberBody, patchPersonBody } from "../../../contracts/workspace";
import { memberDto, personDto, type PersonRow } from "../../presenters/workspace";
import { fieldError, projectPeople, projectScope, requireDateOrder, type Scope } from "../../services/workspace/projectScope";

/** People and roles: members with role and backup, the tenant's directory to pick from, out-of-office dates. */
export function peopleRoutes(deps: AppDeps): Router {
  const r = Router();
  const { db } = deps.database;
  const m = t.projectMembers;

  const directory = (s: Scope) => db.select().from(t.people).where(eq(t.people.tenantId, s.ctx.tenantId)).orderBy(asc(t.people.name));
  const tenantPerson = async (s: Scope, field: string, id: string | null | undefined): Promise<void> => {
    if (!id) return;
    const [p] = await db.select({ id: t.people.id }).from(t.people).where(and(eq(t.people.tenantId, s.ctx.tenantId), eq(t.people.id, id)));
    if (!p) throw fieldError(field, "is not a person in your organisation's directory");
  };
  const findMember = async (s: Scope, memberId: string) => {
    const [row] = await db.select().from(m).where(and(eq(m.tenantId, s.ctx.tenantId), eq(m.projectId, s.project.id), eq(m.id, memberId)));
    if (!row) throw notFound("Member");
    return row;
  };
  const present = async (s: Scope, row: typeof m.$inferSelect) => {
    const people = await directory(s);
    return memberDto(row, new Map(people.map((p) => [p.id, p])));
  };

  r.get("/:id/people", async (req, res) => {
    const s = await projectScope(deps, req, res);
    const [members, people, ofProject] = await Promise.all([
      db.select().from(m).where(and(eq(m.tenantId, s.ctx.tenantId), eq(m.projectId, s.project.id))),
      directory(s),
      projectPeople(db, s.ctx.tenantId, s.project.id),
    ]);
    const byId = new Map<string, PersonRow>(people.map((p) => [p.id, p]));
    res.json({
      members: members.map((row) => memberDto(row, byId)).sort((a, b) => a.role.localeCompare(b.role) || a.name.localeCompare(b.name)),
      projectPeople: ofProject.map(personDto).sort((a, b) => a.name.localeCompare(b.name)),
      directory: people.map(personDto),
    });
  });

  r.post("/:id/people", async (req, res) => {
    const body = parse(createPersonBody, req.body);
    const s = await projectScope(deps, req, res);
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
    res.status(201).json(personDto(row));
  });

  r.patch("/:id/people/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const body = parse(patchPersonBody, req.body);
    const s = await projectScope(deps, req, res);
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
    res.json(personDto(row));
  });

  r.post("/:id/members", async (req, res) => {
    const body = parse(createMemberBody, req.body);
    const s = await projectScope(deps, req, res);
    await tenantPerson(s, "personId", body.personId);
    await tenantPerson(s, "backupPersonId", body.backupPersonId);
    if (body.backupPersonId === body.personId) throw fieldError("backupPersonId", "must be someone else");
    const [row] = await db
      .insert(m)
      .values({ id: randomUUID(), tenantId: s.ctx.tenantId, projectId: s.project.id, personId: body.personId, role: body.role, backupPersonId: body.backupPersonId ?? null })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict("This person already has this role on the project");
    res.status(201).json(await present(s, row));
  });

  r.patch("/:id/members/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const body = parse(patchMemberBody, req.body);
    const s = await projectScope(deps, req, res);
    const current = await findMember(s, entityId);
    await tenantPerson(s, "backupPersonId", body.backupPersonId);
    if (body.backupPersonId && body.backupPersonId === current.personId) throw fieldError("backupPersonId", "must be someone else");
    try {
      const [row] = await db
        .update(m)
        .set({ ...(body.role ? { role: body.role } : {}), ...(body.backupPersonId !== undefined ? { backupPersonId: body.backupPersonId } : {}) })
        .where(and(eq(m.tenantId, s.ctx.tenantId), eq(m.id, entityId)))
        .returning();
      if (!row) throw notFound("Member");
      res.json(await present(s, row));
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict("This person already has this role on the project");
      throw e;
    }
  });

  r.delete("/:id/members/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const s = await projectScope(deps, req, res);
    const current = await findMember(s, entityId);
    if (current.personId === s.ctx.personId) {
      const mine = await db.select({ id: m.id }).from(m).where(and(eq(m.tenantId, s.ctx.tenantId), eq(m.projectId, s.project.id), eq(m.personId, current.personId)));
      if (mine.length === 1) throw conflict("You cannot remove your own last role: ask another member");
    }
    await db.delete(m).where(and(eq(m.tenantId, s.ctx.tenantId), eq(m.id, entityId)));
    res.status(204).end();
  });

  return r;
}

/** PostgreSQL's unique_violation, through drizzle's wrapper (cause) or bare. */
export function isUniqueViolation(e: unknown): boolean {
  const code = (x: unknown) => (typeof x === "object" && x !== null && "code" in x ? (x as { code: unknown }).code : undefined);
  const cause = typeof e === "object" && e !== null && "cause" in e ? (e as { cause: unknown }).cause : undefined;
  return code(e) === "23505" || code(cause) === "23505";
}
