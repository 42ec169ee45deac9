import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../../support/testDatabase";
import { demoId } from "../../../server/db/demo/seedDemo";
import { openWorld, kevin, otherDana, type WorkspaceWorld } from "./workspaceSetup";

const person = (key: string) => demoId(`person_${key}`);

describe.each(databaseKinds)("milestones and tasks on %s", (kind) => {
  let w: WorkspaceWorld;
  beforeAll(async () => {
    w = await openWorld(kind);
  });
  afterAll(async () => {
    await w?.tdb.drop();
  });

  it("creates, updates, signs off (audited) and deletes a milestone", async () => {
    const created = await w.post("/milestones", { name: "Hypercare exit", deliverable: "Exit criteria met", plannedDate: "2027-02-01" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Hypercare exit", plannedDate: "2027-02-01", achievedDate: null, signedOffBy: null, version: 1 });
    const id = created.body.id as string;
    const updated = await w.patch(`/milestones/${id}`, { version: 1, plannedDate: "2027-02-05" });
    expect(updated.body).toMatchObject({ plannedDate: "2027-02-05", version: 2 });
    expect((await w.patch(`/milestones/${id}`, { version: 1, name: "Stale" })).status).toBe(409);
    const signed = await w.post(`/milestones/${id}/sign-off`, { version: 2, signedOffBy: "Rachel Stone" });
    expect(signed.body).toMatchObject({ signedOffBy: "Rachel Stone", signedOffAt: "2026-11-18T14:00:00.000Z", achievedDate: "2026-11-18", version: 3 });
    const audit = await w.get("/audit?limit=1");
    expect(audit.body.items[0]).toMatchObject({ entity: "milestone", entityId: id, action: "signed_off", actor: "Dana Whitfield", after: { signedOffBy: "Rachel Stone", name: "Hypercare exit" } });
    const list = await w.get("/milestones");
    expect(list.body.items.some((m: { id: string }) => m.id === id)).toBe(true);
    expect((await w.del(`/milestones/${id}?version=2`)).status).toBe(409);
    expect((await w.del(`/milestones/${id}?version=3`)).status).toBe(204);
    expect((await w.get("/milestones")).body.items.some((m: { id: string }) => m.id === id)).toBe(false);
  });

  it("refuses a bad milestone with field: message", async () => {
    const res = await w.post("/milestones", { name: "", plannedDate: "soon", extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual(["name: is required", "plannedDate: must be a date like 2026-12-31", 'body: Unrecognized key: "extra"']);
  });

  it("creates a task with owner and dependency, edits it, 409 on a stale edit, deletes it", async () => {
    const dep = demoId("task_t12");
    const created = await w.post("/tasks", { name: "Smoke-test UAT logins", ownerId: person("maria"), startDate: "2026-11-20", dueDate: "2026-11-21", dependsOnTaskId: dep });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ownerName: "Maria Lopez", status: "not_started", dependsOnTaskId: dep, version: 1 });
    const id = created.body.id as string;
    const edited = await w.patch(`/tasks/${id}`, { version: 1, status: "in_progress", ownerId: person("tom") });
    expect(edited.body).toMatchObject({ status: "in_progress", ownerName: "Tom Alvarez", version: 2 });
    const stale = await w.patch(`/tasks/${id}`, { version: 1, status: "done" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ status: "in_progress", version: 2 });
    expect((await w.del(`/tasks/${id}`)).status).toBe(204);
    expect((await w.patch(`/tasks/${id}`, { version: 2, status: "done" })).status).toBe(404);
  });

  it("refuses a task with bad fields, an owner from outside the project, or itself as dependency", async () => {
    const bad = await w.post("/tasks", { name: " ", status: "later", dueDate: "2026-02-31" });
    expect(bad.body.error.fields).toEqual(["name: is required", "dueDate: must be a date like 2026-12-31", "status: must be one of not_started, in_progress, blocked, done"]);
    const order = await w.post("/tasks", { name: "Backwards", startDate: "2026-12-02", dueDate: "2026-12-01" });
    expect(order.body.error.fields).toEqual(["dueDate: must be on or after startDate"]);
    const other = await w.post("/tasks", { name: "Outsider", ownerId: demoId("person_tom", "0b7e1c2a-3d4e-4f50-8a61-7c8d9e0f1a2b") });
    expect(other.body.error.fields).toEqual(["ownerId: is not a person of this project"]);
    const t12 = demoId("task_t12");
    const self = await w.patch(`/tasks/${t12}`, { version: 1, dependsOnTaskId: t12 });
    expect(self.body.error.fields).toEqual(["dependsOnTaskId: cannot be the task itself"]);
  });

  it("pages the schedule by due date (undated last) with filters", async () => {
    const seen: { id: string; dueDate: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const res = await w.get(`/tasks?limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(7);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(34);
    expect(new Set(seen.map((s) => s.id)).size).toBe(34);
    expect(seen[seen.length - 1]?.dueDate).toBeNull();
    const dated = seen.filter((s) => s.dueDate).map((s) => s.dueDate);
    expect([...dated].sort()).toEqual(dated);

    const late = await w.get("/tasks?late=true");
    expect(late.body.items.map((t: { name: string }) => t.name)).toEqual(["Fix rounding on budget-billing invoices"]);
    const blocked = await w.get("/tasks?status=blocked");
    expect(blocked.body.items.map((t: { name: string }) => t.name)).toEqual(["Meridian CIS patch 22.4 installed in test"]);
    const mine = await w.get(`/tasks?ownerId=${person("dana")}`);
    expect(mine.body.items).toHaveLength(4);
    const bad = await w.get("/tasks?limit=500&status=x&cursor=nope");
    expect(bad.body.error.fields).toEqual(["limit: must be at most 200", "status: must be one of not_started, in_progress, blocked, done"]);
    expect((await w.get("/tasks?cursor=nope")).body.error.fields).toEqual(["cursor: is not a cursor this list gave out"]);
  });

  it("refuses another tenant (404) and a non-member (403)", async () => {
    const m = demoId("milestone_uat_start");
    const k = demoId("task_t12");
    for (const [auth, status] of [[otherDana, 404], [kevin, 403]] as const) {
      expect((await w.get("/milestones", auth)).status).toBe(status);
      expect((await w.post("/milestones", { name: "x" }, auth)).status).toBe(status);
      expect((await w.post(`/milestones/${m}/sign-off`, { version: 1 }, auth)).status).toBe(status);
      expect((await w.get("/tasks", auth)).status).toBe(status);
      expect((await w.post("/tasks", { name: "x" }, auth)).status).toBe(status);
      expect((await w.patch(`/tasks/${k}`, { version: 1, name: "x" }, auth)).status).toBe(status);
      expect((await w.del(`/tasks/${k}`, auth)).status).toBe(status);
    }
  });
});
