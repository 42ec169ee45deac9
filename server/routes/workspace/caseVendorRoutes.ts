import { randomUUID } from "node:crypto";
import { Router } from "express";
import { and, asc, desc, eq } from "drizzle-orm";
import type { AppDeps } from "../../appDeps";
import * as t from "../../db/tables";
import { parse } from "../../http/validate";
import { createCaseBody, createVendorBody, deleteQuery, entityParams, patchCaseBody, patchVendorBody } from "../../../contracts/workspace";
import { caseDto, vendorDto, type CaseRow, type VendorRow } from "../../presenters/workspace";
import { checkVersion, projectPeople, projectScope, requireProjectPerson, staleWrite, type Scope } from "../../services/workspace/projectScope";
import { recordFieldsFromChecklist } from "../../domain/vendorChecklist";

/** Support cases of live phases, and vendors with their CIS checklist. */
export function caseVendorRoutes(deps: AppDeps): Router {
  const r = Router();
  const { db } = deps.database;
  const sc = t.supportCases;
  const v = t.vendors;
  const names = async (s: Scope) => new Map((await projectPeople(db, s.ctx.tenantId, s.project.id)).map((p) => [p.id, p.name]));
  const nameOf = (map: Map<string, string>, id: string | null) => (id ? (map.get(id) ?? null) : null);
  const findCase = async (s: Scope, id: string) => (await db.select().from(sc).where(and(eq(sc.tenantId, s.ctx.tenantId), eq(sc.id, id))))[0];
  const findVendor = async (s: Scope, id: string) => (await db.select().from(v).where(and(eq(v.tenantId, s.ctx.tenantId), eq(v.id, id))))[0];
  const presentCase = async (s: Scope, row: CaseRow) => caseDto(row, nameOf(await names(s), row.ownerId));
  const presentVendor = async (s: Scope, row: VendorRow) => vendorDto(row, nameOf(await names(s), row.contactPersonId));

  r.get("/:id/support-cases", async (req, res) => {
    const s = await projectScope(deps, req, res);
    const [rows, map] = await Promise.all([
      db.select().from(sc).where(and(eq(sc.tenantId, s.ctx.tenantId), eq(sc.projectId, s.project.id))).orderBy(desc(sc.openedAt), asc(sc.id)),
      names(s),
    ]);
    res.json({ items: rows.map((row) => caseDto(row, nameOf(map, row.ownerId))) });
  });

  r.post("/:id/support-cases", async (req, res) => {
    const body = parse(createCaseBody, req.body);
    const s = await projectScope(deps, req, res);
    await requireProjectPerson(s, "ownerId", body.ownerId);
    const [row] = await db
      .insert(sc)
      .values({ ...body, openedAt: body.openedAt ?? s.now.toISOString(), id: randomUUID(), tenantId: s.ctx.tenantId, projectId: s.project.id })
      .returning();
    res.status(201).json(await presentCase(s, row as CaseRow));
  });

  r.patch("/:id/support-cases/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const { version, ...changes } = parse(patchCaseBody, req.body);
    const s = await projectScope(deps, req, res);
    const current = checkVersion(await findCase(s, entityId), s, "Support case", version, (x) => caseDto(x, null));
    await requireProjectPerson(s, "ownerId", changes.ownerId);
    const [row] = await db
      .update(sc)
      .set({ ...changes, version: version + 1 })
      .where(and(eq(sc.tenantId, s.ctx.tenantId), eq(sc.id, entityId), eq(sc.version, version)))
      .returning();
    if (!row) throw staleWrite("Support case", caseDto(current, null));
    res.json(await presentCase(s, row));
  });

  r.delete("/:id/support-cases/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const { version } = parse(deleteQuery, req.query);
    const s = await projectScope(deps, req, res);
    checkVersion(await findCase(s, entityId), s, "Support case", version, (x) => caseDto(x, null));
    await db.delete(sc).where(and(eq(sc.tenantId, s.ctx.tenantId), eq(sc.id, entityId)));
    res.status(204).end();
  });

  r.get("/:id/vendors", async (req, res) => {
    const s = await projectScope(deps, req, res);
    const [rows, map] = await Promise.all([
      db.select().from(v).where(and(eq(v.tenantId, s.ctx.tenantId), eq(v.projectId, s.project.id))).orderBy(asc(v.name), asc(v.id)),
      names(s),
    ]);
    res.json({ items: rows.map((row) => vendorDto(row, nameOf(map, row.contactPersonId))) });
  });

  r.post("/:id/vendors", async (req, res) => {
    const body = parse(createVendorBody, req.body);
    const s = await projectScope(deps, req, res);
    await requireProjectPerson(s, "contactPersonId", body.contactPersonId);
    const [row] = await db
      .insert(v)
      .values({ ...body, checklist: (body.checklist ?? {}) as Record<string, string>, id: randomUUID(), tenantId: s.ctx.tenantId, projectId: s.project.id })
      .returning();
    res.status(201).json(await presentVendor(s, row as VendorRow));
  });

  r.patch("/:id/vendors/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const { version, checklist, ...changes } = parse(patchVendorBody, req.body);
    const s = await projectScope(deps, req, res);
    const current = checkVersion(await findVendor(s, entityId), s, "Vendor", version, (x) => vendorDto(x, null));
    await requireProjectPerson(s, "contactPersonId", changes.contactPersonId);
    // Checklist answers merge: a blank answer removes the question's answer.
    const merged = checklist
      ? Object.fromEntries(Object.entries({ ...current.checklist, ...checklist }).filter(([, a]) => typeof a === "string" && a.trim() !== ""))
      : undefined;
    const [row] = await db
      .update(v)
      .set({ ...recordFieldsFromChecklist(checklist), ...changes, ...(merged ? { checklist: merged as Record<string, string> } : {}), version: version + 1 })
      .where(and(eq(v.tenantId, s.ctx.tenantId), eq(v.id, entityId), eq(v.version, version)))
      .returning();
    if (!row) throw staleWrite("Vendor", vendorDto(current, null));
    res.json(await presentVendor(s, row));
  });

  r.delete("/:id/vendors/:entityId", async (req, res) => {
    const { entityId } = parse(entityParams, req.params);
    const { version } = parse(deleteQuery, req.query);
    const s = await projectScope(deps, req, res);
    checkVersion(await findVendor(s, entityId), s, "Vendor", version, (x) => vendorDto(x, null));
    await db.delete(v).where(and(eq(v.tenantId, s.ctx.tenantId), eq(v.id, entityId)));
    res.status(204).end();
  });

  return r;
}
